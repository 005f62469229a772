// The services of module 2 and how each meets Lambda. The invocation type of each trigger comes
// from AWS's list of services that invoke Lambda (F91 async, F92 sync, F72 event source mappings);
// `scenario` is a small simulation of that path where the engine models it.
import type { Scenario } from '../../../simulator/index';

export type Meeting = 'async' | 'sync' | 'polled' | 'called' | 'direct';

export const MEETING_LABELS: Record<Meeting, string> = {
  async: 'Pushes an event asynchronously',
  sync: 'Calls the function synchronously',
  polled: 'Polled by an event source mapping',
  called: 'Called from your function',
  direct: 'Runs your function',
};

export interface PlatformService {
  id: string;
  name: string;
  category: string;
  meets: Meeting;
  /** One or two sentences: what it is and how it meets Lambda. */
  how: string;
  /** The AWS documentation page behind `how` (fact ids in comments). */
  source: string | undefined;
  /** A preset simulation of the path; its note says what it shows and what it leaves out. */
  play?: { label: string; note: string; scenario: Scenario };
}

const DOCS = {
  services: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html',
  esm: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  invoke: 'https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html',
  timeout: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
};

export const CATEGORIES = ['Compute', 'API proxy', 'Storage', 'Databases', 'Messaging', 'Orchestration', 'Analytics', 'Developer tools', 'Other callers'] as const;

const fn = (name: string, ms: [number, number]) => ({ name, memoryMB: 512, timeoutMs: 3000, handler: { kind: 'model' as const, durationMs: { dist: 'uniform' as const, min: ms[0], max: ms[1] } } });
const at = (...seconds: number[]) => ({ at: seconds.map((s) => s * 1000) });

const syncCaller = (name: string): PlatformService['play'] => ({
  label: `${name} → function (synchronous)`,
  note: `The simulator has no ${name} of its own; a caller that waits for the answer is modelled as a direct RequestResponse invoke. Each request waits for its invocation, cold start included.`,
  scenario: { seed: 3, durationMs: 6000, functions: [fn('trigger', [60, 120])], sources: [{ name, type: 'invoke', function: 'trigger', invocationType: 'RequestResponse', arrivals: at(0.5, 1.5, 1.6, 3, 4.5) }] },
});

export const SERVICES: readonly PlatformService[] = [
  { id: 'lambda', name: 'AWS Lambda', category: 'Compute', meets: 'direct', source: DOCS.invoke /* F61 */,
    how: 'Runs your function in execution environments it creates on demand. Your code or another function can call it directly with Invoke: RequestResponse waits for a 200 and the result, Event gets a 202 at once.',
    play: { label: 'Invoke → function (RequestResponse and Event)', note: 'Two callers of the same function: one waits for each answer (200), the other hands its events over and gets 202 at once.',
      scenario: { seed: 2, durationMs: 6000, functions: [fn('my-function', [80, 160])], sources: [
        { name: 'RequestResponse caller', type: 'invoke', function: 'my-function', invocationType: 'RequestResponse', arrivals: at(0.5, 2, 3.5) },
        { name: 'Event caller', type: 'invoke', function: 'my-function', invocationType: 'Event', arrivals: at(1, 2.5, 4) }] } } },
  { id: 'fargate', name: 'AWS Fargate', category: 'Compute', meets: 'called', source: DOCS.timeout /* F29 */,
    how: 'Runs containers without servers to manage, for work that is long-running or always on (one Lambda invocation stops at 15 minutes). It does not trigger Lambda; a function can start a Fargate task through the ECS API.' },
  { id: 'api-gateway', name: 'Amazon API Gateway', category: 'API proxy', meets: 'sync', source: DOCS.services /* F92 */,
    how: 'Turns an HTTPS request into an event and waits for the function’s answer, which becomes the HTTP response.',
    play: { label: 'HTTP request → API Gateway → function', note: 'Each request waits for its invocation; the first one also waits for a cold start.',
      scenario: { seed: 4, durationMs: 6000, functions: [fn('orders-api', [40, 90])], sources: [{ name: 'API Gateway', type: 'api-gateway', function: 'orders-api', arrivals: { rate: 4 } }] } } },
  { id: 'appsync', name: 'AWS AppSync', category: 'API proxy', meets: 'sync', source: 'https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html',
    how: 'A managed GraphQL API. A field can be resolved by a function: AppSync invokes it and waits for the data to put in the response.', play: syncCaller('AppSync') },
  { id: 's3', name: 'Amazon S3', category: 'Storage', meets: 'async', source: DOCS.services /* F91 */,
    how: 'Object storage. When an object is created or deleted, S3 pushes an event to the function and does not wait: Lambda queues it, answers 202, and retries on failure. Your function can also read and write objects itself.',
    play: { label: 'Upload → S3 → function (asynchronous)', note: 'Three uploads at once and one more later. S3 hands each event over and is done; the events wait in Lambda’s internal queue until an execution environment takes them.',
      scenario: { seed: 5, durationMs: 8000, functions: [fn('make-thumbnail', [300, 600])], sources: [{ name: 'S3 uploads', type: 's3', function: 'make-thumbnail', arrivals: at(1, 1.1, 1.2, 5) }] } } },
  { id: 'dynamodb', name: 'Amazon DynamoDB', category: 'Databases', meets: 'polled', source: DOCS.esm /* F72 */,
    how: 'A key-value and document database. Your function reads and writes tables; changes to a table can flow into a DynamoDB stream, which Lambda polls with an event source mapping and hands to the function in batches, in order per shard.',
    play: { label: 'Table changes → DynamoDB stream → function (polled)', note: 'One shard: Lambda reads the stream and invokes the function with batches of records, one batch at a time.',
      scenario: { seed: 6, durationMs: 8000, functions: [fn('update-index', [100, 200])], sources: [{ name: 'orders stream', type: 'dynamodb-streams', function: 'update-index', shards: 1, batchSize: 10, arrivals: { rate: 15 } }] } } },
  { id: 'aurora', name: 'Amazon Aurora', category: 'Databases', meets: 'called', source: undefined,
    how: 'A relational database (MySQL- and PostgreSQL-compatible). Your function connects to it and sends queries; every execution environment holds its own connection, so concurrency becomes connections (module 8).' },
  { id: 'sns', name: 'Amazon SNS', category: 'Messaging', meets: 'async', source: DOCS.services /* F91 */,
    how: 'Publish–subscribe notifications. A message published to a topic is pushed to every subscriber; a function subscriber gets it asynchronously.',
    play: { label: 'Publish → SNS topic → function (asynchronous)', note: 'Messages are handed over and queued inside Lambda; the publisher never sees the function’s result.',
      scenario: { seed: 7, durationMs: 6000, functions: [fn('notify', [100, 250])], sources: [{ name: 'SNS topic', type: 'sns', function: 'notify', arrivals: { rate: 3 } }] } } },
  { id: 'sqs', name: 'Amazon SQS', category: 'Messaging', meets: 'polled', source: DOCS.esm /* F72 */,
    how: 'A message queue. It never calls anyone: Lambda’s event source mapping polls the queue, invokes the function synchronously with a batch, and deletes the messages when it succeeds.',
    play: { label: 'Queue → event source mapping → function (polled)', note: 'Messages pile up in the queue and leave it in batches of up to 10.',
      scenario: { seed: 8, durationMs: 8000, functions: [fn('worker', [200, 400])], sources: [{ name: 'jobs queue', type: 'sqs', function: 'worker', batchSize: 10, arrivals: { rate: 20 } }] } } },
  { id: 'eventbridge', name: 'Amazon EventBridge', category: 'Messaging', meets: 'async', source: DOCS.services /* F91 */,
    how: 'An event bus and scheduler. A rule that matches an event (or a schedule) pushes it to the function asynchronously.',
    play: { label: 'EventBridge rule → function (asynchronous)', note: 'The simulator has no EventBridge of its own; an asynchronous caller is modelled as an Event invoke, queued inside Lambda.',
      scenario: { seed: 9, durationMs: 6000, functions: [fn('nightly-report', [150, 300])], sources: [{ name: 'EventBridge rule', type: 'invoke', function: 'nightly-report', invocationType: 'Event', arrivals: at(1, 1.05, 3) }] } } },
  { id: 'step-functions', name: 'AWS Step Functions', category: 'Orchestration', meets: 'sync', source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html',
    how: 'Runs a workflow of steps as a state machine. A Task step invokes a function, waits for its result and passes it to the next step.', play: syncCaller('Step Functions') },
  { id: 'kinesis', name: 'Amazon Kinesis Data Streams', category: 'Analytics', meets: 'polled', source: DOCS.esm /* F72 */,
    how: 'A stream of records split into shards. Lambda polls each shard with an event source mapping and invokes the function with batches, in order; a batch that fails holds its shard.',
    play: { label: 'Records → Kinesis shards → function (polled)', note: 'Two shards, each read in order: at most one batch per shard at a time.',
      scenario: { seed: 10, durationMs: 8000, functions: [fn('clickstream', [100, 250])], sources: [{ name: 'clicks', type: 'kinesis', function: 'clickstream', shards: 2, batchSize: 20, arrivals: { rate: 40 } }] } } },
  { id: 'athena', name: 'Amazon Athena', category: 'Analytics', meets: 'called', source: 'https://docs.aws.amazon.com/athena/latest/ug/what-is.html',
    how: 'Runs SQL over files in S3. It does not trigger Lambda; a function can start a query and read its results.' },
  { id: 'cloudformation', name: 'AWS CloudFormation and AWS SAM', category: 'Developer tools', meets: 'async', source: DOCS.services /* F91 */,
    how: 'Deploy functions and everything around them from a template (SAM is a shorter dialect of it). A template can also call a function as a custom resource, asynchronously.' },
  { id: 'codepipeline', name: 'AWS CodePipeline', category: 'Developer tools', meets: 'async', source: DOCS.services /* F91 */,
    how: 'Builds and releases your code in stages; a stage can run a function as an action, invoked asynchronously.' },
  { id: 'cloudwatch', name: 'Amazon CloudWatch', category: 'Developer tools', meets: 'async', source: DOCS.services /* F91 */,
    how: 'Every invocation writes START, END and REPORT lines to CloudWatch Logs and metrics such as Invocations and Duration. A log subscription can push log events to a function asynchronously.' },
  { id: 'cognito', name: 'Amazon Cognito', category: 'Other callers', meets: 'sync', source: DOCS.services /* F92 */,
    how: 'User sign-up and sign-in. Its triggers (for example before sign-up) call a function and wait for the answer before the flow goes on. Course notes often list it as a push source; AWS documents it as synchronous.', play: syncCaller('Cognito') },
  { id: 'alexa', name: 'Alexa', category: 'Other callers', meets: 'sync', source: DOCS.services /* F92 */,
    how: 'An Alexa skill calls its function with each request and waits for the answer to speak. Often listed as a push source; AWS documents it as synchronous.', play: syncCaller('Alexa') },
];
