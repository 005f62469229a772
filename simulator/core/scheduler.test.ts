import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRIORITY_ARRIVAL, PRIORITY_NORMAL, Scheduler } from './scheduler';
import { createRng } from './rng';
import { sample } from './distributions';
import { uuidV4 } from './ids';

describe('the scheduler', () => {
  it('runs events in time order, arrivals first at the same ms, then in scheduling order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 200 }), (specs) => {
      const s = new Scheduler();
      const ran: number[] = [];
      specs.forEach(([t, arrival], i) => s.at(t, () => ran.push(i), arrival ? PRIORITY_ARRIVAL : PRIORITY_NORMAL));
      while (s.step());
      const expected = specs.map((x, i) => [x[0], x[1] ? 0 : 1, i] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map((x) => x[2]);
      expect(ran).toEqual(expected);
    }));
  });

  it('never runs a cancelled event and stops when only background work is left', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    const a = s.at(5, () => ran.push('a'));
    s.schedule(6, () => ran.push('b'));
    const id = s.schedule(7, () => ran.push('c'));
    s.at(100, () => ran.push('background'), PRIORITY_NORMAL, true);
    s.cancelEvent(a);
    s.cancel(id);
    while (s.hasForeground()) s.step();
    expect(ran).toEqual(['b']);
    expect(s.now()).toBe(6);
  });

  it('never moves time backwards: an event in the past runs now', () => {
    const s = new Scheduler();
    s.at(10, () => s.at(3, () => expect(s.now()).toBe(10)));
    while (s.step());
  });
});

describe('the seeded PRNG and distributions', () => {
  it('gives the same stream for the same seed and independent streams for derived labels', () => {
    const a = createRng(42), b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.float())).toEqual(Array.from({ length: 5 }, () => b.float()));
    expect(createRng(42).derive('x').float()).not.toBe(createRng(42).derive('y').float());
  });

  it('samples every distribution within its support and near its mean', () => {
    const rng = createRng(1);
    const mean = (d: Parameters<typeof sample>[0]) => Array.from({ length: 20_000 }, () => sample(d, rng)).reduce((x, y) => x + y) / 20_000;
    expect(mean({ dist: 'uniform', min: 10, max: 20 })).toBeCloseTo(15, 0);
    expect(mean({ dist: 'exponential', mean: 50 })).toBeGreaterThan(47);
    expect(mean({ dist: 'lognormal', mu: Math.log(100), sigma: 0.1 })).toBeCloseTo(100 * Math.exp(0.005), -1);
    for (let i = 0; i < 1000; i++) expect(sample({ dist: 'normal', mean: 1, sd: 5 }, rng)).toBeGreaterThanOrEqual(0);
    expect(sample(7, rng)).toBe(7);
  });

  it('makes RFC 4122 version 4 request ids', () => {
    const rng = createRng(3);
    for (let i = 0; i < 100; i++) expect(uuidV4(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
