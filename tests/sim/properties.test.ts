// Invariants over random scenarios (fast-check): every request ends with exactly one outcome,
// no function runs more environments at once than its limits allow, environments never grow
// faster than the scaling rate, billed >= duration, and the same seed gives the same result.
// A failing run prints the scenario (and so its seed) through fast-check's counterexample.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../simulator/index';
import { scenarioArb } from './arbitraries';
import { checkConcurrencyLimits, checkRecords, checkRequestsEndOnce, checkScalingRate } from './invariants';

// Sync callers only (invoke RequestResponse, API Gateway); tests/sim/sweep.test.ts covers every source.
const syncScenarioArb = scenarioArb({ syncOnly: true });
const runs = { numRuns: 60 };

describe('engine invariants over random scenarios', () => {
  it('every request ends with exactly one outcome and one attempt at most (sync callers)', async () => {
    await fc.assert(fc.asyncProperty(syncScenarioArb, async (s) => {
      expect(checkRequestsEndOnce(s, await simulate(s))).toEqual([]);
    }), runs);
  });

  it('no function runs more environments at once than its reserved or the account limit allows', async () => {
    await fc.assert(fc.asyncProperty(syncScenarioArb, async (s) => {
      expect(checkConcurrencyLimits(s, await simulate(s))).toEqual([]);
    }), runs);
  });

  it('on-demand environments never grow faster than the scaling rate', async () => {
    await fc.assert(fc.asyncProperty(syncScenarioArb, async (s) => {
      expect(checkScalingRate(s, await simulate(s))).toEqual([]);
    }), runs);
  });

  it('billed duration is never below the duration, cold starts carry Init Duration, logs are ordered with START, END and REPORT', async () => {
    await fc.assert(fc.asyncProperty(syncScenarioArb, async (s) => {
      expect(checkRecords(await simulate(s))).toEqual([]);
    }), runs);
  });

  it('the same scenario and seed give an identical result', async () => {
    await fc.assert(fc.asyncProperty(syncScenarioArb, async (s) => {
      const a = JSON.stringify(await simulate(s));
      const b = JSON.stringify(await simulate(structuredClone(s)));
      expect(a).toBe(b);
    }), { numRuns: 30 });
  });
});
