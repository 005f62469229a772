// The scenario: plain JSON that fully describes one simulation run (simulator-contract.md).
// Every type here is read off the zod schema (./schema.ts), the one home of the scenario's
// fields, rules and their descriptions; parseScenario (./parse.ts) checks input against it.
import type { z } from 'zod';
import type { distSchema, scenarioSchema } from './schema';

export type Scenario = z.infer<typeof scenarioSchema>;

/** A duration distribution, all values in ms. */
export type Dist = z.infer<typeof distSchema>;

export type FunctionSpec = Scenario['functions'][number];
export type ModelHandler = Extract<FunctionSpec['handler'], { kind: 'model' }>;
export type CodeHandler = Extract<FunctionSpec['handler'], { kind: 'code' }>;
export type AsyncConfig = NonNullable<FunctionSpec['async']>;

export type SourceSpec = Scenario['sources'][number];
export type SourceType = SourceSpec['type'];
export type Arrivals = SourceSpec['arrivals'];
export type InvokeSourceSpec = Extract<SourceSpec, { type: 'invoke' }>;
export type ApiGatewaySourceSpec = Extract<SourceSpec, { type: 'api-gateway' }>;
export type PushSourceSpec = Extract<SourceSpec, { type: 's3' | 'sns' }>;
export type S3SourceSpec = Extract<SourceSpec, { type: 's3' }>;
export type SnsSourceSpec = Extract<SourceSpec, { type: 'sns' }>;
export type SqsSourceSpec = Extract<SourceSpec, { type: 'sqs' }>;
export type StreamSourceSpec = Extract<SourceSpec, { type: 'kinesis' | 'dynamodb-streams' }>;

/** Engine extension: what to keep in the result. Metrics and cost are always computed. */
export type RecordOptions = NonNullable<Scenario['record']>;
/** Engine extension: service knobs AWS does not document (F08) or that lessons vary. */
export type ServiceOptions = NonNullable<Scenario['service']>;

export type { LayerSpec, FunctionPackageFields } from '../layers/layerSchema';
/** A published version: an immutable snapshot, the function's configuration with these fields instead. */
export type VersionSpec = NonNullable<FunctionSpec['versions']>[number];
/** An alias of a published version, optionally routing a share of invocations to a second one. */
export type AliasSpec = NonNullable<FunctionSpec['aliases']>[number];
export type { RulesOption } from '../rules/resolve';

/** Engine extension: the simulated AWS account (simulator/aws, schema: awsSchema.ts). */
export type AwsAccountSpec = NonNullable<Scenario['aws']>;
export type AwsBucketSpec = NonNullable<AwsAccountSpec['buckets']>[number];
export type AwsQueueSpec = NonNullable<AwsAccountSpec['queues']>[number];
export type AwsTopicSpec = NonNullable<AwsAccountSpec['topics']>[number];
export type AwsTableSpec = NonNullable<AwsAccountSpec['tables']>[number];
export type AwsLatency = NonNullable<AwsAccountSpec['lambda']>;
