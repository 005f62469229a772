// Conservation in the account: every object event, message and stream record becomes exactly
// one request that ends once, or is counted where it waits (a queue nobody polls, a stream
// nobody reads); and the same seed gives the same bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulator/index';
import type { Scenario } from '../../simulator/scenario/types';
import type { SimulationResult } from '../../simulator/trace/records';
import { checkRequestsEndOnce } from './invariants';

const bySourceType = (s: Scenario, r: SimulationResult, type: string) => {
  const labels = new Set(s.sources.map((src, i) => (src.type === type ? src.name ?? `${src.type}#${i}` : '')));
  return r.requests.filter((q) => labels.has(q.source));
};

/** Model handlers only: outside uploads and sends drive the triggers, so runs are fast. */
const modelScenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  uploads: fc.integer({ min: 0, max: 40 }),
  sends: fc.integer({ min: 0, max: 40 }),
  errorRate: fc.constantFrom(0, 0.3, 1),
  triggers: fc.integer({ min: 0, max: 2 }),
  mapped: fc.boolean(),
  maxReceiveCount: fc.integer({ min: 1, max: 3 }),
}).map((p): Scenario => ({
  seed: p.seed,
  durationMs: 60_000,
  aws: {
    buckets: [{ name: 'b', uploads: { arrivals: { rate: p.uploads / 10, toMs: 10_000, process: 'poisson' }, keys: ['in/a.json', 'out/b.json'] } }],
    queues: [
      { name: 'q', deadLetterQueue: 'dlq', maxReceiveCount: p.maxReceiveCount, sends: { arrivals: { rate: p.sends / 10, toMs: 10_000, process: 'poisson' } } },
      { name: 'dlq' },
    ],
  },
  functions: [{ name: 'f', timeoutMs: 3000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 5, max: 200 }, errorRate: p.errorRate } }],
  sources: [
    ...Array.from({ length: p.triggers }, (_, i) => ({ type: 's3' as const, function: 'f', bucket: 'b', prefix: i === 0 ? 'in/' : undefined, arrivals: { at: [] } })),
    ...(p.mapped ? [{ type: 'sqs' as const, function: 'f', queue: 'q', visibilityTimeoutMs: 4000, arrivals: { at: [] } }] : []),
  ],
}));

function conservationProblems(s: Scenario, r: SimulationResult): string[] {
  const aws = r.aws!;
  const problems = checkRequestsEndOnce(s, r);
  if (bySourceType(s, r, 's3').length !== aws.s3.events) problems.push(`${aws.s3.events} S3 events but ${bySourceType(s, r, 's3').length} requests`);
  const sqsRequests = bySourceType(s, r, 'sqs');
  const waiting = Object.values(aws.sqs.waiting).reduce((a, b) => a + b, 0);
  if (aws.sqs.sent !== aws.sqs.delivered + waiting) problems.push(`sent ${aws.sqs.sent} != delivered ${aws.sqs.delivered} + waiting ${waiting}`);
  if (sqsRequests.length !== aws.sqs.delivered) problems.push(`${aws.sqs.delivered} messages delivered but ${sqsRequests.length} requests`);
  const deadLettered = sqsRequests.filter((q) => q.outcome === 'dead-lettered').length;
  if (deadLettered !== aws.sqs.deadLettered || aws.sqs.waiting.dlq !== deadLettered) problems.push(`dead-lettered ${deadLettered}, DLQ holds ${aws.sqs.waiting.dlq}`);
  return problems;
}

describe('the account conserves objects and messages', () => {
  it('model handlers: every event and message ends once or waits, counted (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(modelScenario, async (s) => {
      expect(conservationProblems(s, await simulate(s))).toEqual([]);
    }), { numRuns: 40, seed: 14 });
  });

  it('same seed, same bytes (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(modelScenario, async (s) => {
      expect(JSON.stringify(await simulate(s))).toBe(JSON.stringify(await simulate(s)));
    }), { numRuns: 10, seed: 15 });
  });

  it('code handlers: a chain of SDK sends ends once per message, stream records included', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 1000 }), async (n, seed) => {
      const s: Scenario = {
        seed, durationMs: 30_000,
        aws: { queues: [{ name: 'q' }, { name: 'unread' }], tables: [{ name: 't', stream: true }, { name: 'quiet', stream: true }] },
        functions: [
          { name: 'sender', handler: { kind: 'code', source: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
const url = (q) => 'https://sqs.us-east-1.amazonaws.com/123456789012/' + q;
export const handler = async (event) => {
  for (let i = 0; i < event.n; i++) await sqs.send(new SendMessageCommand({ QueueUrl: url(i % 2 ? 'unread' : 'q'), MessageBody: String(i) }));
};` } },
          { name: 'writer', handler: { kind: 'code', source: `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  for (const r of event.Records) {
    await doc.send(new PutCommand({ TableName: 't', Item: { pk: 'k' + (Number(r.body) % 3) } }));
    await doc.send(new PutCommand({ TableName: 'quiet', Item: { pk: r.messageId } }));
  }
};` } },
          { name: 'reader', handler: { kind: 'model', durationMs: 10 } },
        ],
        sources: [
          { type: 'invoke', function: 'sender', invocationType: 'Event', arrivals: { at: [0] }, payloads: [{ n }] },
          { type: 'sqs', function: 'writer', queue: 'q', arrivals: { at: [] } },
          { type: 'dynamodb-streams', function: 'reader', table: 't', shards: 2, arrivals: { at: [] } },
        ],
      };
      const r = await simulate(s);
      expect(checkRequestsEndOnce(s, r)).toEqual([]);
      const toQ = Math.ceil(n / 2);
      expect(r.aws!.sqs).toMatchObject({ sent: n, delivered: toQ, waiting: { q: 0, unread: n - toQ } });
      expect(bySourceType(s, r, 'dynamodb-streams')).toHaveLength(toQ);
      expect(r.aws!.dynamodb).toMatchObject({ writes: 2 * toQ, streamRecords: 2 * toQ, unreadStreamRecords: toQ });
    }), { numRuns: 4, seed: 16 });
  });
});
