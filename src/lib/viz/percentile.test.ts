import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './percentile';

describe('percentile', () => {
  it('is the nearest-rank value of the sorted sample', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(percentile(values, p)).toBe(sorted[Math.ceil((p / 100) * sorted.length) - 1]);
      }),
    );
  });

  it('is undefined for no data', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});
