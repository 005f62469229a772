// Dated rules ("then and now", rules/ledger.ts): the same scenario under today's rules and
// under the rules of an earlier day, each test named after the facts it checks.
import { describe, expect, it } from 'vitest';
import { RULE_LEDGER, rulesFor, simulate, type Scenario } from '../../simulator/index';
import { fn, issuesOf, scenario, syncAt } from './helpers';

describe('the rule ledger and its resolver', () => {
  it('lists every changed rule once, with fact ids, a day and sources', () => {
    expect(RULE_LEDGER.map((r) => r.id)).toEqual(['scaling', 'billing-granularity', 'init-billing', 'async-payload-limit']);
    for (const r of RULE_LEDGER) {
      expect(r.changedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.factIds.length).toBeGreaterThan(0);
      expect(r.sources.every((s) => s.startsWith('https://'))).toBe(true);
    }
  });

  it('F45 F27 F32 F56 F57: asOf picks each rule by its date; today is the default; `use` wins over asOf', () => {
    const today = rulesFor(undefined);
    expect(today).toMatchObject({ billingGranularityMs: 1, initBilledOnDemand: true, asyncPayloadLimitBytes: 1_048_576 });
    expect(today.scaling).toEqual({ model: 'per-function', environments: 1000, windowMs: 10_000 });
    const mid2022 = rulesFor({ asOf: '2022-06-01' });
    expect(mid2022).toMatchObject({ billingGranularityMs: 1, initBilledOnDemand: false, asyncPayloadLimitBytes: 262_144 });
    expect(mid2022.scaling).toEqual({ model: 'account-burst', burst: 3000, perMinute: 500 });
    expect(rulesFor({ asOf: '2020-11-30' }).billingGranularityMs).toBe(100);
    expect(rulesFor({ asOf: '2020-12-01' }).billingGranularityMs).toBe(1);
    expect(rulesFor({ asOf: '2022-06-01', use: { scaling: 'after' } }).scaling.model).toBe('per-function');
    expect(rulesFor({ use: { 'billing-granularity': 'before' } }).billingGranularityMs).toBe(100);
  });

  it('F57: the old burst depends on the Region', () => {
    const burst = (region: string) => (rulesFor({ asOf: '2023-01-01' }, region).scaling as { burst: number }).burst;
    expect([burst('us-west-2'), burst('eu-central-1'), burst('sa-east-1')]).toEqual([3000, 1000, 500]);
  });

  it('a scenario with a malformed date or an unknown rule is refused at its path', () => {
    expect(issuesOf(scenario({ rules: { asOf: 'June 2022' } }))[0].path).toBe('rules.asOf');
    expect(issuesOf(scenario({ rules: { use: { gravity: 'before' } } as never }))[0].path).toBe('rules.use');
  });

  it('a result names the rules it followed, with sources, when the scenario sets them', async () => {
    const r = await simulate(scenario({ rules: { asOf: '2022-06-01' } }));
    expect(r.rules!.asOf).toBe('2022-06-01');
    expect(r.rules!.rules.find((x) => x.id === 'init-billing')).toMatchObject({ side: 'before', factIds: ['F27', 'F51'] });
    expect((await simulate(scenario())).rules).toBeUndefined();
  });
});

describe('billing then and now', () => {
  const twoInvokes = (rules?: Scenario['rules']) => scenario({
    rules, functions: [fn({ handler: { kind: 'model', initMs: 300, durationMs: 12.34 } })], sources: [syncAt([0, 1000])],
  });

  it('F45: a 12.34 ms invocation bills 13 ms today and 100 ms under the 2020 rules', async () => {
    const now = await simulate(twoInvokes());
    const then = await simulate(twoInvokes({ asOf: '2020-06-01' }));
    expect(now.invocations[1]).toMatchObject({ coldStart: false, durationMs: 12.34, billedDurationMs: 13 });
    expect(then.invocations[1]).toMatchObject({ coldStart: false, durationMs: 12.34, billedDurationMs: 100 });
    expect(then.logs.some((l) => l.message.includes('Duration: 12.34 ms\tBilled Duration: 100 ms'))).toBe(true);
  });

  it('F27 F51: a cold start (Init 300 ms + 50 ms at 1 GB) bills 350 ms today and 50 ms before August 2025', async () => {
    const cold = (rules?: Scenario['rules']) => simulate(scenario({
      rules, functions: [fn({ memoryMB: 1024, handler: { kind: 'model', initMs: 300, durationMs: 50 } })],
    }));
    expect((await cold()).invocations[0].billedDurationMs).toBe(350);
    const before = await cold({ asOf: '2025-07-31' });
    expect(before.invocations[0]).toMatchObject({ coldStart: true, initDurationMs: 300, billedDurationMs: 50 });
    expect(before.cost.fn.gbSeconds).toBeCloseTo(0.05, 10);
  });
});

describe('payload limits then and now', () => {
  const big = 'x'.repeat(300 * 1024);
  const send = (invocationType: 'Event' | 'RequestResponse', rules?: Scenario['rules']) => simulate(scenario({
    rules, sources: [{ type: 'invoke', function: 'fn', invocationType, arrivals: { at: [0] }, payloads: [JSON.stringify({ big })] }],
  }));

  it('F32: a 300 KB Event invoke is accepted today and refused with 413 under the 2023 rules', async () => {
    expect((await send('Event')).requests[0]).toMatchObject({ statusCode: 202, outcome: 'succeeded' });
    const then = (await send('Event', { asOf: '2023-06-01' })).requests[0];
    expect(then).toMatchObject({ statusCode: 413, outcome: 'failed' });
    expect((then.response as { errorMessage: string }).errorMessage).toContain('262144 bytes');
  });

  it('F32 F31: the old 256 KB limit is for Event invokes only: a 300 KB sync invoke still runs', async () => {
    expect((await send('RequestResponse', { asOf: '2023-06-01' })).requests[0]).toMatchObject({ statusCode: 200, outcome: 'succeeded' });
  });
});

describe('scaling then and now', () => {
  // 2,000 new 10-minute requests a second for 130 s: concurrency is held back only by scaling.
  const burst = (rules?: Scenario['rules']) => simulate({
    durationMs: 130_000, rules, account: { concurrencyLimit: 20_000 }, record: { logs: false, requests: false, invocations: false },
    functions: [{ name: 'fn', timeoutMs: 900_000, handler: { kind: 'model', initMs: 100, durationMs: 600_000 } }],
    sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 2000, process: 'uniform' } }],
  });
  const atSecond = (r: Awaited<ReturnType<typeof burst>>) => {
    const series = r.metrics.fn.series.ConcurrentExecutions;
    // A second without a change has no point: the last one before it holds.
    return (s: number) => series.filter((p) => p.timeMs <= s * 1000).at(-1)!.value;
  };

  it('F56 F57: the same burst grows 1,000 per 10 s today, and 3,000 at once then +500 a minute in us-east-1 under the 2023 rules', async () => {
    const now = atSecond(await burst());
    expect([now(0), now(9), now(10), now(19), now(20), now(40), now(100)]).toEqual([1000, 1000, 2000, 2000, 3000, 5000, 11_000]);
    const then = atSecond(await burst({ asOf: '2023-06-01' }));
    expect([then(0), then(1), then(2), then(60), then(61), then(62), then(120), then(121)]).toEqual([2000, 3000, 3000, 3000, 3500, 3500, 3500, 4000]);
  }, 60_000);
});
