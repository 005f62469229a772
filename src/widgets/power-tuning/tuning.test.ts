import { beforeAll, describe, expect, it } from 'vitest';
import { CPU_BOUND_HANDLER, IO_BOUND_HANDLER } from './handlers';
import { markBest, tuneMemory, type TuningPoint, type TuningResult } from './tuning';

const at = (r: TuningResult, memoryMB: number) => r.points.find((p) => p.memoryMB === memoryMB)!;

describe('power tuning a CPU-bound handler (burnCpu 200 ms)', () => {
  let r: TuningResult;
  beforeAll(async () => { r = await tuneMemory({ source: CPU_BOUND_HANDLER }); }, 60_000);

  it('F28: duration falls in proportion to memory up to 1,769 MB (one vCPU)', () => {
    const below = r.points.filter((p) => p.memoryMB <= 1769);
    for (let i = 1; i < below.length; i++) expect(below[i].durationMs).toBeLessThan(below[i - 1].durationMs);
    // 200 ms of work at one vCPU takes 200 × 1,769 / 128 ≈ 2,764 ms at 128 MB, plus the runtime's 1-2 ms.
    expect(at(r, 128).durationMs).toBeGreaterThan(2764);
    expect(at(r, 128).durationMs).toBeLessThan(2770);
    expect(at(r, 1024).durationMs / at(r, 512).durationMs).toBeCloseTo(0.5, 2);
  });

  it('F28: a single thread gains nothing above 1,769 MB, so duration is flat and cost climbs', () => {
    const above = r.points.filter((p) => p.memoryMB >= 1769);
    for (const p of above) expect(p.durationMs).toBe(at(r, 1769).durationMs);
    for (let i = 1; i < above.length; i++) expect(above[i].costUsd).toBeGreaterThan(above[i - 1].costUsd);
  });

  it('F46: up to 1,769 MB memory × time stays the same, so cost per invocation is flat within 1 %', () => {
    const below = r.points.filter((p) => p.memoryMB <= 1769);
    for (const p of below) expect(Math.abs(p.costUsd / at(r, 128).costUsd - 1)).toBeLessThan(0.01);
  });

  it('marks the fastest at 1,769 MB and the cheapest below it', () => {
    expect(r.points[r.fastest].memoryMB).toBe(1769);
    expect(r.points[r.cheapest].memoryMB).toBeLessThan(1769);
    for (const p of r.points) expect(p.costUsd).toBeGreaterThanOrEqual(r.points[r.cheapest].costUsd);
  });

  it('gives the same numbers on a second run (seeded, virtual time)', async () => {
    const again = await tuneMemory({ source: CPU_BOUND_HANDLER, memories: [256, 3008] });
    expect(again.points).toEqual([at(r, 256), at(r, 3008)]);
  });
});

describe('power tuning an I/O-bound handler (waits on lambda-lab:http)', () => {
  let r: TuningResult;
  beforeAll(async () => { r = await tuneMemory({ source: IO_BOUND_HANDLER }); }, 60_000);

  it('duration is flat: more memory buys at most the runtime\'s own 1-2 ms (F141)', () => {
    const durations = r.points.map((p) => p.durationMs);
    expect(Math.max(...durations) - Math.min(...durations)).toBeLessThan(2);
  });

  it('F46: cost grows with memory, so the cheapest is 128 MB', () => {
    for (let i = 1; i < r.points.length; i++) expect(r.points[i].costUsd).toBeGreaterThan(r.points[i - 1].costUsd);
    expect(r.points[r.cheapest].memoryMB).toBe(128);
    expect(at(r, 10240).costUsd / at(r, 128).costUsd).toBeGreaterThan(30);
  });
});

describe('markBest', () => {
  const p = (memoryMB: number, durationMs: number, costUsd: number): TuningPoint => ({ memoryMB, durationMs, billedMs: durationMs, costUsd });

  it('breaks a tie in cost by speed, and a tie in speed by cost', () => {
    const points = [p(128, 400, 2), p(256, 200, 2), p(512, 100, 3), p(1024, 100, 5)];
    expect(markBest(points)).toEqual({ cheapest: 1, fastest: 2 });
  });

  it('keeps the smaller memory when both measures tie', () => {
    expect(markBest([p(128, 10, 1), p(256, 10, 1)])).toEqual({ cheapest: 0, fastest: 0 });
  });
});
