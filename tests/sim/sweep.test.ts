// The seeded sweep at CI size: 1,000 random valid scenarios (every source, model handlers and a
// share of small code handlers on real workers) through the engine with every invariant checker, each run twice for
// identical bytes. `npm run sweep -- 100000` runs the long version; a failure names its seed.
import { describe, expect, it } from 'vitest';
import { plainResult, simulate } from '../../simulator/index';
import { checkRun } from './invariants';
import { sweep, sweepScenario } from './sweep';

const CI_SEEDS = 1000;
// About 2% of the functions run on real workers: 12-23 s for the range on the shared 2-core
// machine (5% took 88 s).
const CI_CODE_SHARE = 0.02;

describe('seeded sweep', () => {
  it(`seeds 1-${CI_SEEDS} keep every invariant and give the same bytes twice`, async () => {
    const report = await sweep(1, CI_SEEDS, { codeShare: CI_CODE_SHARE });
    const failed = report.failures.map(({ seed, problems }) => `seed ${seed} (npm run sweep -- --seed ${seed} --code-share ${CI_CODE_SHARE}): ${problems.slice(0, 3).join('; ')}`);
    expect(failed).toEqual([]);
  }, 240_000);

  it('the checkers catch a run that breaks the invariants', async () => {
    const scenario = { ...sweepScenario(3, { codeShare: 0 }), functions: [{ name: 'a', reservedConcurrency: 1, handler: { kind: 'model' as const, durationMs: 100 } }] };
    scenario.sources = [{ type: 'sqs', function: 'a', batchSize: 2, maxReceiveCount: 1, arrivals: { at: [0, 0, 0, 10] } }];
    const result = await simulate(scenario);
    expect(checkRun(scenario, result)).toEqual([]);
    const broken = structuredClone(plainResult(result)); // record lists are built on read: plain arrays clone
    broken.requests[0].outcome = 'unfinished';
    broken.invocations.push({ ...broken.invocations[0], requestId: 'copy', requestIds: [...broken.requests.map((q) => q.id)] });
    const problems = checkRun(scenario, broken).join('\n');
    expect(problems).toMatch(/unfinished after the run/);
    expect(problems).toMatch(/carried .*, which does not name it/);
    expect(problems).toMatch(/over reserved 1/);
    expect(problems).toMatch(/ran two invocations at once/);
    expect(problems).toMatch(/a batch of 4 over batchSize 2/);
  });
});
