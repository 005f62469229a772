import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { f64, Interner, u8 } from './columns';

describe('columns', () => {
  it('an interner gives each distinct string one id, whatever order and however their endings collide', () => {
    // Short strings from a tiny alphabet: equal endings (the cache's key) are common.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '1', '#'), maxLength: 5 });
    fc.assert(fc.property(fc.array(word, { maxLength: 300 }), (words) => {
      const interner = new Interner();
      const first = new Map<string, number>();
      for (const w of words) {
        const id = interner.id(w);
        if (!first.has(w)) first.set(w, id);
        expect(id).toBe(first.get(w));
        expect(interner.at(id)).toBe(w);
      }
      expect(interner.strings).toEqual([...first.keys()]);
    }));
  });

  it('a column keeps every value pushed across its growth steps', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 2000 }), (xs) => {
      const col = f64();
      const small = u8();
      xs.forEach((x, i) => {
        expect(col.push(x)).toBe(i);
        small.push(i);
      });
      expect(Array.from(col.trimmed())).toEqual(xs);
      expect(Array.from(small.trimmed())).toEqual(xs.map((_, i) => i & 255));
    }), { numRuns: 30 });
  });
});
