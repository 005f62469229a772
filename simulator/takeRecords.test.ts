import { describe, expect, it } from 'vitest';
import { createSimulation, RecordStrings, simulate, unpackRecords, type RecordBatch, type Scenario, type Simulation, type UnpackedRecords } from './index';

// Async events that fail are retried minutes later (F63, F64), so requests stay unfinished
// across several takes; environments are reclaimed when idle and at the end.
const scenario = (): Scenario => ({
  seed: 7,
  durationMs: 60_000,
  functions: [{ name: 'fn', timeoutMs: 5000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 100, max: 900 }, errorRate: 0.3 } }],
  sources: [
    { type: 'invoke', function: 'fn', invocationType: 'Event', arrivals: { rate: 5 } },
    { type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 3 } },
  ],
});

/**
 * Runs the scenario twice in steps; each step takes one run's records as lists and the other's
 * packed, through what postMessage does (the typed arrays move, nothing else is an object per
 * record), and checks invocations and logs read back the same. Returns the packed run.
 */
function takeBoth(scenario: () => Scenario, untilMs: number, stepMs: number, check: (got: UnpackedRecords, want: RecordBatch) => void): Simulation {
  const plain = createSimulation(scenario());
  const packed = createSimulation(scenario());
  const strings = new RecordStrings(); // the receiver's copy of the string tables
  for (let t = stepMs; t <= untilMs; t += stepMs) {
    plain.runUntilSync(t);
    packed.runUntilSync(t);
    const want = plain.takeRecords();
    const { packed: message, transfer } = packed.takePackedRecords();
    const got = unpackRecords(structuredClone(message, { transfer }), strings);
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true); // moved, not copied
    expect(JSON.stringify(got.invocations)).toBe(JSON.stringify(want.invocations));
    expect(JSON.stringify(got.logs)).toBe(JSON.stringify(want.logs));
    check(got, want);
  }
  return packed;
}

describe('takeRecords', () => {
  it('hands over every record exactly once, and the batches add up to the whole run', async () => {
    const whole = await simulate(scenario());
    const sim = createSimulation(scenario());
    const got: RecordBatch = { requests: [], invocations: [], environments: [], logs: [] };
    let sawUnfinishedLeft = false;
    for (let t = 7_000; !sim.isFinished() || t < 80_000; t += 7_000) {
      sim.runUntilSync(t);
      const batch = sim.takeRecords();
      for (const key of ['requests', 'invocations', 'environments', 'logs'] as const) (got[key] as unknown[]).push(...batch[key]);
      expect(batch.requests.every((r) => r.outcome !== 'unfinished')).toBe(true);
      expect(batch.environments.every((e) => e.destroyedMs !== undefined)).toBe(true);
      const left = sim.result({ snapshot: false });
      expect(left.invocations).toHaveLength(0);
      expect(left.requests.every((r) => r.outcome === 'unfinished')).toBe(true);
      if (left.requests.length > 0) sawUnfinishedLeft = true;
      if (t > 8 * 3_600_000) throw new Error('the run never finished');
    }
    const end = await sim.run();
    for (const key of ['requests', 'invocations', 'environments', 'logs'] as const) (got[key] as unknown[]).push(...end[key]);
    expect(sawUnfinishedLeft).toBe(true);
    // Invocations are recorded as they end: viewers rely on end order to forget a prefix.
    const ends = got.invocations.map((i) => i.endMs);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    const byId = <T extends { requestId?: string; id?: string }>(list: T[]) => [...list].sort((a, b) => String(a.requestId ?? a.id).localeCompare(String(b.requestId ?? b.id)));
    expect(byId(got.requests)).toEqual(byId(whole.requests.map(({ response: _r, ...r }) => r)).map((r) => expect.objectContaining(r)));
    expect(got.requests).toHaveLength(whole.requests.length);
    expect(byId(got.invocations)).toEqual(byId(whole.invocations));
    // The loop moved the clock past the last event, so environments alive at the end end later.
    const ended = (list: typeof whole.environments) => byId(list).map((e) => (e.endReason === 'end' ? { ...e, destroyedMs: 'end' } : e));
    expect(ended(got.environments)).toEqual(ended(whole.environments));
    expect(got.logs).toHaveLength(whole.logs.length);
    expect(new Set(got.logs.map((l) => `${l.timeMs}|${l.message}`))).toEqual(new Set(whole.logs.map((l) => `${l.timeMs}|${l.message}`)));
    // Metrics are not records: they keep counting what was taken.
    expect(end.metrics.fn.invocations).toBe(whole.metrics.fn.invocations);
    expect(end.cost).toEqual(whole.cost);
  });

  it('never hands over a code handler\'s log line before its time: batches stay in time order across takes', async () => {
    const source = `import { burnCpu } from 'lambda-lab:cpu';
export const handler = async () => { console.log('start'); burnCpu(400); console.log('after 400 ms of CPU'); return 1; };`;
    const sim = createSimulation({ seed: 3, durationMs: 3000, functions: [{ name: 'fn', memoryMB: 1769, handler: { kind: 'code', source } }],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0, 1000, 2000] } }] });
    const logs: { timeMs: number }[] = [];
    for (let t = 100; t <= 3000; t += 100) {
      await sim.runUntil(t);
      const batch = sim.takeRecords();
      for (const l of batch.logs) expect(l.timeMs).toBeLessThanOrEqual(sim.now());
      logs.push(...batch.logs);
    }
    logs.push(...(await sim.run()).logs);
    sim.dispose();
    expect(logs.filter((l: any) => l.message.endsWith('after 400 ms of CPU'))).toHaveLength(3);
    const times = logs.map((l) => l.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('packed batches, posted as typed columns, unpack to the same records as takeRecords', () => {
    let records = 0;
    takeBoth(scenario, 90_000, 5_000, (got, want) => {
      expect(JSON.stringify(got.environments)).toBe(JSON.stringify(want.environments));
      // A viewer gets requests without the caller's response body (VizRequest).
      expect(JSON.stringify(got.requests)).toBe(JSON.stringify(want.requests.map(({ response: _r, ...r }) => r)));
      records += got.invocations.length + got.logs.length + got.requests.length;
    });
    expect(records).toBeGreaterThan(1000);
  });
});

describe('records in columns with versions and dated rules', () => {
  // An alias splitting between versions 1 and 2, run under the 2020 rules (F45: 100 ms steps).
  const versioned = (): Scenario => ({
    seed: 3,
    durationMs: 30_000,
    rules: { asOf: '2020-06-01' },
    functions: [{
      name: 'fn', handler: { kind: 'model', initMs: 180, durationMs: { dist: 'uniform', min: 20, max: 250 } },
      versions: [{}, { memoryMB: 256 }], aliases: [{ name: 'live', version: 1, additionalVersion: { version: 2, weight: 0.5 } }],
    }],
    sources: [{ type: 'invoke', function: 'fn:live', invocationType: 'RequestResponse', arrivals: { rate: 20 } }],
  });

  it('F116 F118 F45: START names the version that ran and REPORT bills by the run\'s rules, also after packing', () => {
    const starts = new Set<string>();
    let reports = 0;
    const packed = takeBoth(versioned, 40_000, 10_000, (got) => {
      expect(got.invocations.every((i) => i.version === '1' || i.version === '2')).toBe(true);
      const byId = new Map(got.invocations.map((i) => [i.requestId, i]));
      for (const { message: line } of got.logs) {
        const start = /^START RequestId: (\S+) Version: (\S+)$/.exec(line);
        if (start) {
          starts.add(start[2]);
          continue;
        }
        const report = /^REPORT RequestId: (\S+)\tDuration: [\d.]+ ms\tBilled Duration: (\d+) ms/.exec(line);
        if (!report) continue;
        const inv = byId.get(report[1])!;
        expect(Number(report[2])).toBe(inv.billedDurationMs);
        expect(inv.billedDurationMs % 100).toBe(0); // F45: 100 ms steps under the 2020 rules
        expect(line.includes('Init Duration:')).toBe(inv.coldStart);
        reports++;
      }
    });
    expect([...starts].sort()).toEqual(['1', '2']);
    expect(reports).toBeGreaterThan(400);
    const metrics = packed.result().metrics.fn.resources!;
    expect(metrics['fn:1'].invocations + metrics['fn:2'].invocations).toBe(metrics['fn:live'].invocations);
  });
});
