// F95 under Allow: a loop through SQS, S3 or SNS never stops on AWS, so the simulator holds the
// loop's invocations past the 16th once the scenario's durationMs has passed, and run() ends.
import { describe, expect, it } from 'vitest';
import { simulate, type Scenario, type SourceSpec } from '../index';
import type { AwsAccountSpec } from '../scenario/types';

const ARN_QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/work';

const LOOPS: Record<string, { code: string; aws: AwsAccountSpec; source: SourceSpec }> = {
  sqs: {
    code: `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  for (const r of event.Records) await sqs.send(new SendMessageCommand({ QueueUrl: '${ARN_QUEUE}', MessageBody: r.body }));
};`,
    aws: { queues: [{ name: 'work', sends: { arrivals: { at: [0] } } }] },
    source: { type: 'sqs', function: 'loop', queue: 'work', arrivals: { at: [] } },
  },
  s3: {
    code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: key + '.x', Body: 'again' }));
};`,
    aws: { buckets: [{ name: 'photos', uploads: { arrivals: { at: [0] } } }] },
    source: { type: 's3', function: 'loop', bucket: 'photos', arrivals: { at: [] } },
  },
  sns: {
    code: `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const sns = new SNSClient({});
export const handler = async (event) => {
  await sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:news', Message: event.Records[0].Sns.Message }));
};`,
    aws: { topics: [{ name: 'news' }] },
    source: { type: 'sns', function: 'loop', topic: 'news', arrivals: { at: [0] } },
  },
};

function scenario(kind: string, recursiveLoop: 'Allow' | 'Terminate', durationMs: number): Scenario {
  const loop = LOOPS[kind];
  return {
    seed: 7, durationMs, aws: loop.aws,
    functions: [{ name: 'loop', memoryMB: 128, timeoutMs: 3000, recursiveLoop, handler: { kind: 'code', source: loop.code } }],
    sources: [loop.source],
  };
}

describe('F95 under Allow: a loop is held at the end of the scenario', () => {
  for (const kind of Object.keys(LOOPS)) {
    it(`F95: a ${kind} loop under Allow runs past 16 invocations until durationMs, then run() ends with the rest held`, async () => {
      const result = await simulate(scenario(kind, 'Allow', 20_000));
      const m = result.metrics.loop;
      expect(m.invocations).toBeGreaterThan(16);
      expect(m.counters.RecursiveInvocationsDropped).toBeUndefined();
      // Each link waits for the one before, so one chain is held, once, and nothing ran after the end.
      expect(m.counters.RecursiveInvocationsHeldAtEnd).toBe(1);
      expect(Math.max(...result.invocations.map((i) => i.startMs))).toBeLessThan(20_000);
      expect(result.requests.filter((r) => r.outcome === 'unfinished')).toHaveLength(1);
    });

    it(`F95: the same ${kind} loop under Terminate stops at 16 and holds nothing`, async () => {
      const result = await simulate(scenario(kind, 'Terminate', 20_000));
      expect(result.metrics.loop.invocations).toBe(16);
      expect(result.metrics.loop.counters.RecursiveInvocationsHeldAtEnd).toBeUndefined();
    });
  }

  it('F95: a longer scenario lets the loop run longer, so what Allow costs grows with the time it runs', async () => {
    const short = await simulate(scenario('sqs', 'Allow', 10_000));
    const long = await simulate(scenario('sqs', 'Allow', 40_000));
    expect(long.metrics.loop.invocations).toBeGreaterThan(2 * short.metrics.loop.invocations);
    expect(long.cost.loop.usd).toBeGreaterThan(short.cost.loop.usd);
  });
});
