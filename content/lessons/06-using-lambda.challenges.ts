// The exercises of lesson 6, as data: the lesson renders them with <Challenge>, and
// tests/unit/challenges.test.ts runs each one headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// A quote API: each request waits about 80 ms for a pricing service, then spends 120 ms of CPU
// work at one vCPU on the quote. Below 1,769 MB the CPU part stretches (F28); the wait does not.
const quoteHandler = `import { get } from 'lambda-lab:http';
import { burnCpu } from 'lambda-lab:cpu';

export const handler = async (event) => {
  const prices = await get('https://pricing.example.com/rates'); // about 80 ms of waiting
  burnCpu(120); // 120 ms of CPU work at one full vCPU
  return { statusCode: 200, body: JSON.stringify({ quote: event.items, status: prices.status }) };
};
`;

export const cheapestFastEnough: ChallengeSpec = {
  id: 'cheapest-fast-enough',
  title: 'The cheapest memory that is fast enough',
  scenario: {
    seed: 6,
    durationMs: 20000,
    functions: [{ name: 'quote-api', memoryMB: 128, timeoutMs: 10000, handler: { kind: 'code', source: quoteHandler } }],
    sources: [{
      name: 'API callers', type: 'invoke', function: 'quote-api', invocationType: 'RequestResponse',
      arrivals: { rate: 5 }, payloads: [{ items: 3 }, { items: 7 }],
    }],
  },
  knobs: [{ path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10240, step: 1, unit: 'MB' }], // F28
  goals: [
    { measure: 'p99', op: '<', value: 300 },
    { measure: 'costPerMillion', op: '<=', value: 5.7 }, // F46, F47
  ],
  prediction: {
    measure: 'p99',
    prompt: 'at 128 MB, how long will the slowest 1 % of these requests take?',
    choices: [
      { label: 'under 300 ms', max: 299.99 },
      { label: '300 ms to 1 s', min: 300, max: 999.99 },
      { label: 'more than 1 s', min: 1000 },
    ],
  },
  hints: [
    'The wait for the pricing service takes as long at any memory size. Which part of the duration does memory change?',
    'Raise the memory until p99 just drops under the target, and watch the cost per million as you go: past that point, every extra MB is paid for on the waiting time too.',
    'Work it out before you try: at a given memory the CPU work takes 120 ms × 1,769 ÷ memory. Add the 80 ms of waiting and a little jitter: which memory leaves the slowest requests under 300 ms?',
  ],
  solution: {
    knobs: { 'functions.0.memoryMB': 1152 },
    text: 'At 1,152 MB the 120 ms of CPU work takes about 184 ms, so p99 is about 285 ms, and a million requests cost about $5.44. Anything from roughly 1,070 MB to 1,340 MB passes. Below that the CPU work is too slow; above it you pay more per millisecond for the 80 ms of waiting, which no amount of memory shortens.',
  },
};

// An S3 → function → DynamoDB pipeline in the style of AWS's S3 trigger example: the function
// reads each uploaded order file and records it in a table. What may happen is decided by two
// policies (simulator/README.md, Permissions): the resource-based policy (who may invoke) and
// the execution role (what the handler may call).
const importHandler = `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const s3 = new S3Client({});
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event) => {
  for (const record of event.Records) {
    const Bucket = record.s3.bucket.name;
    const Key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    const object = await s3.send(new GetObjectCommand({ Bucket, Key }));
    const text = await object.Body.transformToString();
    await db.send(new PutCommand({ TableName: 'orders', Item: { pk: Key, bytes: record.s3.object.size, text } }));
  }
};
`;

/** The function's ARN as the resource-based policy names it (the scenario's Region, account 123456789012). */
const IMPORTER_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:order-importer';

export const leastPrivilege: ChallengeSpec = {
  id: 'least-privilege',
  title: 'Grant exactly what the pipeline needs',
  scenario: {
    seed: 61,
    durationMs: 10000,
    aws: {
      buckets: [{ name: 'lambda-lab-bucket', uploads: { arrivals: { at: [500, 2500, 4500, 6500, 8500] }, keys: ['orders/1.json', 'orders/2.json'], sizeBytes: 300 } }],
      tables: [{ name: 'orders', partitionKey: 'pk' }],
    },
    functions: [{
      name: 'order-importer', memoryMB: 512, timeoutMs: 3000, handler: { kind: 'code', source: importHandler },
      role: { name: 'order-importer-role', policy: { Version: '2012-10-17', Statement: [
        { Sid: 'ReadUploads', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::lambda-lab-bucket/*' },
        { Sid: 'WriteOrders', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders' },
      ] } },
      resourcePolicy: { Version: '2012-10-17', Statement: [{
        Sid: 'TriggerInvoke', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'lambda:InvokeFunction',
        Resource: IMPORTER_ARN, Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' } },
      }] },
    }],
    sources: [{ name: 'S3 trigger', type: 's3', function: 'order-importer', bucket: 'lambda-lab-bucket', prefix: 'orders/', arrivals: { at: [] } }],
  },
  choiceKnobs: [
    { path: 'functions.0.resourcePolicy.Statement.0.Principal.Service', label: 'Resource-based policy: who may invoke the function', choices: [
      { label: 'API Gateway (apigateway.amazonaws.com)', value: 'apigateway.amazonaws.com' },
      { label: 'S3 (s3.amazonaws.com)', value: 's3.amazonaws.com' },
      { label: 'SNS (sns.amazonaws.com)', value: 'sns.amazonaws.com' },
    ] },
    { path: 'functions.0.role.policy.Statement.0.Action', label: 'Execution role, statement ReadUploads: the S3 action', choices: [
      { label: 's3:* (everything in S3)', value: 's3:*' },
      { label: 's3:GetObject', value: 's3:GetObject' },
      { label: 's3:PutObject', value: 's3:PutObject' },
    ] },
    { path: 'functions.0.role.policy.Statement.1.Action', label: 'Execution role, statement WriteOrders: the DynamoDB action', choices: [
      { label: 'dynamodb:GetItem', value: 'dynamodb:GetItem' },
      { label: 'dynamodb:PutItem', value: 'dynamodb:PutItem' },
      { label: 'dynamodb:* (everything in DynamoDB)', value: 'dynamodb:*' },
    ] },
  ],
  goals: [
    { measure: 'invokeDenied', op: '==', value: 0, label: 'S3 may invoke the function: no event refused by its resource-based policy' },
    { measure: 'invocations', op: '==', value: 5, label: 'every upload runs the function (5 invocations)' },
    { measure: 'accessDenied', op: '==', value: 0, label: 'no SDK call in the handler gets AccessDenied' },
    { measure: 'errors', op: '==', value: 0, label: 'no invocation fails' },
    { measure: 'unneededGrants', op: '==', value: 0, label: 'least privilege: the role grants no action the run never used' },
  ],
  prediction: {
    measure: 'invocations',
    prompt: 'five files are uploaded to the bucket. As the function is set up now, how many times will it run?',
    choices: [
      { label: 'not at all', max: 0 },
      { label: 'one to four times', min: 1, max: 4 },
      { label: 'five times', min: 5 },
    ],
  },
  hints: [
    'Run it as it is and read the first two lines: who does the resource-based policy let in, and who is calling?',
    'Once S3 may invoke, read the handler: which two SDK commands does it send? Each needs its own action in the role.',
    'A wildcard makes the AccessDenied go away, and grants every other action of that service too. Which single action does each command need?',
  ],
  solution: {
    knobs: {
      'functions.0.resourcePolicy.Statement.0.Principal.Service': 's3.amazonaws.com',
      'functions.0.role.policy.Statement.0.Action': 's3:GetObject',
      'functions.0.role.policy.Statement.1.Action': 'dynamodb:PutItem',
    },
    text: 'The resource-based policy must let s3.amazonaws.com invoke the function; the role needs s3:GetObject for GetObjectCommand and dynamodb:PutItem for PutCommand (the DocumentClient sends DynamoDB\'s PutItem). s3:* or dynamodb:* also stop the AccessDenied, but grant deleting objects and items the function never needs: if its code or a library were ever abused, that is what an attacker could do.',
  },
};
