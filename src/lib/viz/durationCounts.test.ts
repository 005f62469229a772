import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationCounts } from './durationCounts';

const centi = (ms: number) => Math.round(ms * 100) / 100;
/** Nearest rank on a sorted copy: the definition, as CloudWatch's pNN. */
const nearestRank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];

describe('DurationCounts', () => {
  it('gives the nearest-rank percentile of what was added, at 0.01 ms', () => {
    const d = new DurationCounts();
    for (const ms of [200, 100.004, 300.126, 5000]) d.add(ms);
    expect(d.percentile(50)).toBe(200);
    expect(d.percentile(25)).toBe(100);
    expect(d.percentile(75)).toBe(300.13);
    expect(d.percentile(99)).toBe(5000);
    d.remove(5000);
    expect(d.percentile(99)).toBe(300.13);
    expect(d.size).toBe(3);
  });

  it('is empty-safe and refuses to remove what it does not hold', () => {
    const d = new DurationCounts();
    expect(d.percentile(50)).toBeUndefined();
    expect(() => d.remove(10)).toThrow();
  });

  it('agrees with a sort-based percentile under any mix of adds and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 900_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (values, removals, p) => {
          const d = new DurationCounts();
          const kept = values.map(centi);
          for (const v of kept) d.add(v);
          for (const r of removals) {
            if (kept.length <= 1) break;
            const [gone] = kept.splice(r % kept.length, 1);
            d.remove(gone);
          }
          expect(d.percentile(p)).toBe(nearestRank(kept, p));
        },
      ),
    );
  });
});
