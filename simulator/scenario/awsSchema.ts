// The scenario's simulated AWS account (simulator/aws): buckets, queues, topics and tables that
// handler code reaches through the AWS SDK v3, and the arrivals that feed them.
import { z } from 'zod';

const nonNegative = z.number().nonnegative(); // zod 4 numbers are finite
const name = z.string().min(1).max(255);

/** Arrivals as sources take them (schema.ts arrivalsSchema), passed in to avoid a cycle. */
export function awsAccountSchema<A extends z.ZodType>(arrivals: A) {
  const latency = z.strictObject({
    latencyMs: nonNegative.optional().describe('Virtual ms of one call before jitter (defaults: simulator/README.md, AWS account).'),
    jitterMs: nonNegative.optional().describe('Up to this many ms more, drawn from the scenario seed.'),
  });
  const bucket = latency.extend({
    name: name.describe('Bucket name; S3 sources name it in `bucket`.'),
    uploads: z.strictObject({
      arrivals,
      keys: z.array(z.string().min(1)).min(1).optional().describe('Object keys, cycling (default uploads/object-N.json).'),
      sizeBytes: z.number().int().min(0).optional().describe('Size of each uploaded object (default 1024).'),
    }).optional().describe('Objects uploaded to the bucket from outside (each fires the bucket\'s triggers).'),
  });
  const queue = latency.extend({
    name: name.describe('Queue name; SQS sources name it in `queue`.'),
    deadLetterQueue: name.optional().describe('Redrive target: another queue of this account.'),
    maxReceiveCount: z.number().int().min(1).max(1000).optional().describe('Receives before a message moves to the DLQ.'),
    sends: z.strictObject({
      arrivals,
      payloads: z.array(z.unknown()).optional().describe('Message bodies in turn, repeating; objects are sent as JSON.'),
    }).optional()
      .describe('Messages sent to the queue from outside.'),
  });
  const topic = latency.extend({
    name: name.describe('Topic name; SNS sources name it in `topic`.'),
    queues: z.array(name).optional().describe('SQS queues subscribed to the topic (fan-out).'),
  });
  const table = latency.extend({
    name: name.describe('Table name; DynamoDB Streams sources name it in `table`.'),
    partitionKey: z.string().min(1).optional().describe('Partition key attribute (default pk).'),
    sortKey: z.string().min(1).optional().describe('Sort key attribute, if any.'),
    stream: z.boolean().optional().describe('Writes go to the table\'s stream (NEW_AND_OLD_IMAGES).'),
    billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']).optional().describe('On-demand (default) or provisioned capacity.'),
    readCapacityUnits: z.number().int().min(1).optional().describe('PROVISIONED: strongly consistent 4 KB reads per second.'),
    writeCapacityUnits: z.number().int().min(1).optional().describe('PROVISIONED: 1 KB writes per second.'),
  });
  return z.strictObject({
    buckets: z.array(bucket).optional().describe('S3 buckets; handler code reads and writes their objects.'),
    queues: z.array(queue).optional().describe('SQS standard queues, each with an optional dead-letter queue.'),
    topics: z.array(topic).optional().describe('SNS topics that fan out to SQS queues and subscribed functions.'),
    tables: z.array(table).optional().describe('DynamoDB tables, on-demand or provisioned, with an optional stream.'),
    lambda: latency.optional().describe('Latency of the Lambda API (Invoke) seen from handler code.'),
  }).describe('Engine extension: simulated AWS resources that code handlers reach through the AWS SDK v3.');
}

type Issue = (path: (string | number)[], message: string) => void;
type Named = { name?: unknown };

const namesOf = (list: unknown): Set<string> =>
  new Set(Array.isArray(list) ? list.map((x: Named) => (x && typeof x.name === 'string' ? x.name : '')).filter(Boolean) : []);

/** Sources and resources name resources of the account that must exist. */
export function checkAwsReferences(raw: any, issue: Issue): void {
  const aws = raw && typeof raw.aws === 'object' && raw.aws ? raw.aws : {};
  const kinds = { bucket: namesOf(aws.buckets), queue: namesOf(aws.queues), topic: namesOf(aws.topics), table: namesOf(aws.tables) };
  const check = (path: (string | number)[], kind: keyof typeof kinds, value: unknown) => {
    if (typeof value === 'string' && !kinds[kind].has(value)) issue(path, `no ${kind} named ${value} in aws.${kind === 'bucket' ? 'buckets' : kind + 's'}`);
  };
  (Array.isArray(raw?.sources) ? raw.sources : []).forEach((src: any, i: number) => {
    if (!src || typeof src !== 'object') return;
    for (const kind of ['bucket', 'queue', 'topic', 'table'] as const) check(['sources', i, kind], kind, src[kind]);
  });
  (Array.isArray(aws.queues) ? aws.queues : []).forEach((q: any, i: number) => check(['aws', 'queues', i, 'deadLetterQueue'], 'queue', q?.deadLetterQueue));
  (Array.isArray(aws.topics) ? aws.topics : []).forEach((t: any, i: number) => {
    (Array.isArray(t?.queues) ? t.queues : []).forEach((q: unknown, j: number) => check(['aws', 'topics', i, 'queues', j], 'queue', q));
  });
  (Array.isArray(aws.tables) ? aws.tables : []).forEach((t: any, i: number) => {
    if (t?.billingMode === 'PROVISIONED' && (t.readCapacityUnits === undefined || t.writeCapacityUnits === undefined)) {
      issue(['aws', 'tables', i, 'billingMode'], 'a PROVISIONED table needs readCapacityUnits and writeCapacityUnits');
    }
  });
}
