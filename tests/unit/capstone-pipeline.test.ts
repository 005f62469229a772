// Lesson 12's pipeline challenge beyond the generic checks in challenges.test.ts: the starting
// configuration fails at least three goals, two different configurations pass, and the tempting
// half-fixes each fail a goal of their own.
import { describe, expect, test } from 'vitest';
import { pipelineUnderLoad as spec } from '../../content/lessons/12-capstone.challenges';
import { startingAttempt } from '../../src/widgets/challenge/attempt';
import { runAttempt } from '../../src/widgets/challenge/run';

const MEMORY = 'functions.0.memoryMB';
const BATCH = 'sources.1.batchSize';
const MAX_CONCURRENCY = 'sources.1.maximumConcurrency';
const RESERVED = 'functions.1.reservedConcurrency';
const RECEIVES = 'aws.queues.0.maxReceiveCount';

/** The goals' verdicts, in order: latency, dead-lettered, refused connections, cost per million. */
async function verdicts(knobs: Record<string, number | null>) {
  const start = startingAttempt(spec);
  const outcome = await runAttempt(spec, { knobs: { ...start.knobs, ...knobs } });
  return { met: outcome.checks.map((c) => c.met), measured: outcome.checks.map((c) => c.measured), result: outcome.result };
}

describe('lesson 12: the thumbnail pipeline under load', () => {
  test('F28, F75, F79: the starting configuration misses latency, the dead-letter queue and the database limit', async () => {
    const { met, measured, result } = await verdicts({});
    expect(met).toEqual([false, false, false, true]);
    expect(measured[0]).toBeGreaterThan(600); // 128 MB: the 50 ms thumbnail takes about 690 ms
    expect(measured[1]).toBeGreaterThanOrEqual(10);
    expect(result.aws?.sqs.waiting['thumbnails-dlq']).toBe(measured[1]);
  }, 60_000);

  test('F76: way 1, memory 1,024 MB, batches of 10 and an SQS maximum concurrency of 2, meets every goal', async () => {
    const { met } = await verdicts({ [MEMORY]: 1024, [BATCH]: 10, [MAX_CONCURRENCY]: 2 });
    expect(met).toEqual([true, true, true, true]);
  }, 60_000);

  test('F59, F79: way 2, reserved concurrency 3 with 5 receives before the dead-letter queue, meets every goal', async () => {
    const { met, result } = await verdicts({ [MEMORY]: 1024, [BATCH]: 10, [RESERVED]: 3, [RECEIVES]: 5 });
    expect(met).toEqual([true, true, true, true]);
    expect(result.metrics.save.throttles).toBeGreaterThan(0); // the cap throttles, and the batches come back
  }, 60_000);

  test('F46, F47: one row per INSERT (batch size 1) keeps the database safe but costs too much', async () => {
    const { met } = await verdicts({ [MEMORY]: 1024, [BATCH]: 1, [MAX_CONCURRENCY]: 2 });
    expect(met).toEqual([true, true, true, false]);
  }, 60_000);

  test('F28: the most memory there is buys no speed for one thread, only cost', async () => {
    const { met } = await verdicts({ [MEMORY]: 10240, [BATCH]: 10, [MAX_CONCURRENCY]: 2 });
    expect(met).toEqual([true, true, true, false]);
  }, 60_000);

  test('F79: more receives alone save the messages but not the database', async () => {
    const { met } = await verdicts({ [MEMORY]: 1024, [BATCH]: 10, [RECEIVES]: 5 });
    expect(met[2]).toBe(false);
  }, 60_000);
});
