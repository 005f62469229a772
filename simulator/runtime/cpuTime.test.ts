// CPU time of code handlers on virtual time, through simulate(): the runtime's own work per
// invoke (F141), burnCpu from 'lambda-lab:cpu' scaled by memory (F28), and Init drawn from the
// calibration like a model handler's (F22) plus module-scope CPU work.
import { describe, expect, test } from 'vitest';
import { simulate, type Scenario } from '../index';

function scenario(source: string, at: number[], fn: Record<string, unknown> = {}): Scenario {
  return {
    seed: 7, durationMs: Math.max(...at) + 1,
    functions: [{ name: 'fn', timeoutMs: 10_000, handler: { kind: 'code', source }, ...fn }],
    sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at } }],
  } as Scenario;
}
const hello = 'export const handler = async () => "hello";';

describe('CPU time of code handlers', () => {
  test('F141: a handler that returns at once reports Duration > 0 and bills at least 1 ms; F12: two requests in the same ms get two environments', async () => {
    const r = await simulate(scenario(hello, [0, 1000, 1000]));
    expect(r.environments).toHaveLength(2);
    expect(r.invocations.map((i) => i.coldStart).sort()).toEqual([false, true, true]);
    const reports = r.logs.filter((l) => l.message.startsWith('REPORT'));
    expect(reports).toHaveLength(3);
    expect(reports.some((l) => l.message.includes('Duration: 0.00 ms'))).toBe(false);
    for (const inv of r.invocations) {
      expect(inv.durationMs).toBeGreaterThan(0.5); // about 1-2 ms at 128 MB
      expect(inv.durationMs).toBeLessThan(3);
      expect(inv.billedDurationMs).toBeGreaterThanOrEqual(1);
    }
  });

  test('F28: burnCpu(200) takes 200 ms at 1,769 MB, twice that at 884 MB, 13.8x at 128 MB and no less above 1,769 MB', async () => {
    const source = `import { burnCpu } from 'lambda-lab:cpu';
export const handler = async () => { const t = Date.now(); burnCpu(200); return Date.now() - t; };`;
    const at = async (memoryMB: number) => (await simulate(scenario(source, [0], { memoryMB }))).invocations[0];
    const one = await at(1769);
    expect(one.durationMs).toBeGreaterThan(200);
    expect(one.durationMs).toBeLessThan(200.5); // plus ~0.1 ms of the runtime's own work
    // Each plus the runtime's own work per invoke, which also scales with memory (F141).
    for (const memoryMB of [884, 128]) {
      const extra = (await at(memoryMB)).durationMs - 200 * (1769 / memoryMB);
      expect(extra).toBeGreaterThan(0);
      expect(extra).toBeLessThan(3);
    }
    expect((await at(3538)).durationMs).toBeCloseTo(one.durationMs, 0);
    const r = await simulate(scenario(source, [0], { memoryMB: 884 }));
    expect(Number(r.requests[0].response)).toBeCloseTo(400.23, 0); // the handler's own clock moved too
  });

  test('F22: code-handler Init is drawn from the calibration, so cold starts differ, and module-scope CPU work adds to it', async () => {
    const r = await simulate(scenario(hello, Array(8).fill(0)));
    const inits = r.invocations.map((i) => i.initDurationMs!);
    expect(new Set(inits).size).toBe(8);
    const median = [...inits].sort((a, b) => a - b)[4];
    expect(median).toBeGreaterThan(135 * 0.75); // nodejs24.x x86_64 128 MB: p50 135 ms (F22, §2)
    expect(median).toBeLessThan(135 * 1.25);
    const busy = `import { burnCpu } from 'lambda-lab:cpu';
burnCpu(300);
export const handler = async () => 1;`;
    const heavy = await simulate(scenario(busy, [0], { memoryMB: 1769 }));
    const env = heavy.environments[0];
    expect(env.initPhasesMs!.function).toBeCloseTo(300, 5);
    expect(heavy.invocations[0].initDurationMs).toBeCloseTo(env.initPhasesMs!.runtime + 300, 5);
  });

  test('burnCpu past the timeout times out at the deadline; the same seed gives the same bytes', async () => {
    const source = `import { burnCpu } from 'lambda-lab:cpu';
export const handler = async (event) => { console.log('before'); burnCpu(event.ms ?? 0); console.log('after'); return 1; };`;
    const s: Scenario = { ...scenario(source, [0, 5000]), sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0, 5000] }, payloads: [{ ms: 1500 }, { ms: 10 }] }] } as Scenario;
    s.functions[0].timeoutMs = 1000;
    s.functions[0].memoryMB = 1769;
    const a = await simulate(s);
    expect(a.invocations.map((i) => [i.status, i.durationMs >= 10])).toEqual([['timeout', true], ['success', true]]);
    // The worker was stopped at the deadline: its 'after' line (1.5 s in) was never written.
    expect(a.logs.filter((l) => l.message.endsWith('\tafter'))).toHaveLength(1);
    expect(JSON.stringify(await simulate(structuredClone(s)))).toBe(JSON.stringify(a));
  });
});
