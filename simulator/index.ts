// The engine's one front door (shared/simulator-contract.md). Widgets, lessons, tests and
// scripts use only what this file exports.
export { simulate, createSimulation } from './run';
// A scenario parseScenario already returned, run without checking it again: also alone in ./checked.ts, without zod.
export { createCheckedSimulation, openCheckedSimulation, needsAccountParts, type AccountParts, type EngineParts, type ScenarioCheck } from './checked';
export { parseScenario, ScenarioError, type ScenarioIssue } from './check';
// The scenario as JSON Schema with every field's description (editors' hover and diagnostics).
export { scenarioJsonSchema } from './scenario/fieldTable';
// Lambda's limits, the scenario's defaults and the prices (F03, F28, F29, F31, F32, F46, F47); pages that
// need only these import ./constants directly.
export * from './constants';
export type {
  Scenario, FunctionSpec, SourceSpec, SourceType, Dist, Arrivals, ModelHandler, CodeHandler, AsyncConfig,
  RecordOptions, ServiceOptions, InvokeSourceSpec, ApiGatewaySourceSpec, PushSourceSpec, SqsSourceSpec,
  StreamSourceSpec, VersionSpec, AliasSpec,
} from './scenario/types';
export type {
  SimulationResult, RequestRecord, InvocationRecord, EnvironmentRecord, LogLine, FunctionMetrics, FunctionCost,
  RequestOutcome, InvocationStatus, EnvironmentEndReason, SeriesPoint, DependencyTotals,
} from './trace/records';
export type { Simulation, SimulationOptions, SimulationEvent, LiveEnvironment, InvokeOptions, RecordBatch } from './simulationTypes';
export { plainResult, plainRecords } from './trace/recordList';
export * from './readers';
export { executionEnvironmentMachine } from './machines/executionEnvironmentMachine';
export { functionScalerMachine } from './machines/functionScalerMachine';
export { registerSource, sourceKey, registeredSourceKeys } from './sources/types';
export type { SourceContext, SourceFactory, SourceInstance, SourceKey, InvokeCall, InvokeOutcome } from './sources/types';
// Event sources (issue 4): registering them is a side effect of this module; sampleEvent feeds the console's test-event picker.
export { EVENT_SOURCE_KEYS } from './sources/eventSources';
export { sampleEvent, SAMPLE_EVENT_KINDS, type SampleEventKind } from './sources/events/sampleEvent';
// Code-handler runtime (issue 5): editor declarations of the lambda-lab:db / lambda-lab:http modules (tiny; the runtime itself stays lazy).
export { HANDLER_MODULES_DTS } from './runtime/handler-types';
// Custom runtimes: the Runtime API a `bootstrap` talks to (F96-F102), and a runner for one written in JavaScript.
export { createRuntimeApi, RUNTIME_API_HOST, RUNTIME_API_VERSION, type RuntimeApi, type ApiStep, type ServedInvocation } from './runtime/runtimeApi';
export { runBootstrap, type BootstrapRunResult, type BootstrapOutcome, type BootstrapRunOptions } from './runtime/bootstrapRun';
// Dated rules ("then and now"): the ledger of rules AWS changed, and the values a scenario's `rules` resolve to.
export { RULE_LEDGER, RULE_IDS, ruleEntry, type RuleEntry, type RuleId, type RuleSide } from './rules/ledger';
export {
  rulesFor, rulesUsed, legacyBurstFor, type RulesOption, type EffectiveRules, type RuleSideName, type RulesUsed,
  type PerFunctionScaling, type AccountBurstScaling,
} from './rules/resolve';
// Provisioned concurrency prices (F49) and the defaults of its allocation delay and recycling (F15, F16).
export { PC_PRICE_PER_GB_SECOND_USD, PC_DURATION_PRICE_PER_GB_SECOND_USD, PC_BILLING_INCREMENT_MS } from './pricing/provisioned';
export { DEFAULT_PROVISIONED_ALLOCATION_MS, DEFAULT_PROVISIONED_RECYCLE_MS } from './scenario/defaults';
// The simulated AWS account (simulator/aws): resource specs, its totals in results, request lineage,
// and the SDK calls' latency defaults and access door.
export type { AwsAccountSpec, AwsBucketSpec, AwsQueueSpec, AwsTopicSpec, AwsTableSpec, AwsLatency } from './scenario/types';
export type { AwsTotals } from './trace/records';
export type { Caller as AwsCaller } from './aws/types';
export { DEFAULT_LATENCY as AWS_DEFAULT_LATENCY } from './aws/latency';
// Permissions and recursion (simulator/aws/, service/recursion.ts): IAM evaluation for execution roles and
// resource policies, the services' denial errors, the ARNs of simulated resources, F95 loop detection.
export {
  authorize, authorizeInvoke, checkAccess, callerFor, evaluatePolicy, wildcardMatch, roleNameOf,
  type PolicyDocument, type PolicyStatement, type ExecutionRole, type Caller, type AuthorizationResult, type Decision, type RequestContext,
} from './aws/iam';
export { accessDeniedError, type AccessDeniedError } from './aws/denial';
export {
  s3BucketArn, s3ObjectArn, sqsQueueArn, snsTopicArn, dynamoDbTableArn, dynamoDbStreamArn, kinesisStreamArn,
  lambdaFunctionArn, executeApiArn, iamRoleArn, assumedRoleArn, scopeOf, type ArnScope,
} from './aws/arn';
export { MAPPING_READ_ACTIONS } from './aws/mappingPermissions';
export { TRIGGER_RESOURCES } from './aws/triggerPermission';
export { RECURSION_LIMIT, RECURSIVE_INVOCATION_MESSAGE, RECURSIVE_INVOCATIONS_DROPPED } from './service/recursion';
export type { Lineage, ArriveOptions } from './sources/types';
// Layers and the function's package: deploy-time limits (F36, F37), Init by size (F24), curated packages.
export { deployErrors, packageBytes, layerBytes, codeBytes, MAX_LAYERS, MAX_UNZIPPED_BYTES } from './layers/packageSize';
export { packageInitMs, PACKAGE_INIT_SERIES } from './layers/packageInit';
export { CURATED_PACKAGE_NAMES } from './runtime/mount';
export type { LayerSpec, FunctionPackageFields } from './scenario/types';
