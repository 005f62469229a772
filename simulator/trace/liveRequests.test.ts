import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiveRequests } from './liveRequests';
import type { RequestRecord } from './records';

const request = (n: number): RequestRecord => ({ id: `req-${n}`, source: 's', function: 'f', arrivedMs: n, outcome: 'unfinished', attempts: 0, invocationIds: [] });

describe('live requests', () => {
  it('hold every unfinished request by slot, as a slot-per-request array would, across window compactions', () => {
    // push n: that many new requests; finish k: the k-th oldest request still unfinished (so long runs finish and the window moves)
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 1, max: 1500 }) }), fc.record({ finish: fc.nat(2000) }));
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const live = new LiveRequests();
      const model: (RequestRecord | undefined)[] = [];
      for (const o of ops) {
        if ('push' in o) {
          for (let i = 0; i < o.push; i++) {
            const r = request(model.length);
            model.push(r);
            live.push(r);
          }
        } else {
          const open = model.flatMap((r, slot) => (r ? [slot] : []));
          if (open.length === 0) continue;
          // mostly the oldest ones finish first, as in a run
          for (const slot of open.slice(0, Math.min(open.length, o.finish + 1))) {
            model[slot] = undefined;
            live.delete(slot);
          }
        }
      }
      for (let slot = 0; slot < model.length; slot++) expect(live.get(slot)).toBe(model[slot]);
      expect(live.get(-1)).toBeUndefined();
      expect(live.get(model.length)).toBeUndefined();
      expect([...live.entries()]).toEqual(model.flatMap((r, slot) => (r ? [[r, slot]] : [])));
      // The quick look-up near the head finds the oldest unfinished ones, and nothing else
      const open = model.flatMap((r, slot) => (r ? [slot] : []));
      open.forEach((slot, k) => expect(live.slotNearHead(model[slot]!)).toBe(k === 0 ? slot : live.slotNearHead(model[slot]!) < 0 ? -1 : slot));
      expect(live.slotNearHead(request(-1))).toBe(-1);
    }), { numRuns: 60 });
  });
});
