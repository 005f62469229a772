// Why the engine has its own event queue: the same workload (2,000 pending events, 2M
// push+pop pairs with (time, key) ordering) on simulator/core/eventQueue.ts and on heap-js.
import { Heap } from 'heap-js';
import { EventQueue, TimedEvent } from '../simulator/core/eventQueue';
import type { Benchmark } from './types';

const PENDING = 2000;
const OPS = 2_000_000;
const noop = () => {};

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The simulator's queue use: pop the earliest event, schedule one a little later. */
interface Queue {
  push(e: TimedEvent): unknown;
  pop(): TimedEvent | undefined;
}

function run(q: Queue): number {
  const rnd = lcg(1);
  let key = 0;
  for (let i = 0; i < PENDING; i++) q.push(new TimedEvent(rnd() * 100, key++, noop, undefined, false));
  const t0 = cpuMs();
  for (let i = 0; i < OPS; i++) {
    const top = q.pop()!;
    q.push(new TimedEvent(top.timeMs + rnd() * 100, key++, noop, undefined, false));
  }
  return cpuMs() - t0;
}

const runOwn = () => run(new EventQueue());
const runHeapJs = () => run(new Heap<TimedEvent>((a, b) => a.timeMs - b.timeMs || a.key - b.key));

/** CPU time, not wall time: the machine is shared and wall time swings by 2x. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const benchmarks: Benchmark[] = [{
  name: 'event queue: 2,000,000 pop+push at 2,000 pending (counted as invocations), own heap vs heap-js 2.7.1',
  async run(sample) {
    runOwn(); runHeapJs(); // warm-up
    const own: number[] = [], heapJs: number[] = [];
    for (let i = 0; i < 5; i++) { own.push(runOwn()); heapJs.push(runHeapJs()); } // interleaved
    sample();
    const best = (xs: number[]) => Math.min(...xs);
    return { invocations: OPS, note: `CPU ms, best of 5 interleaved: own heap ${best(own).toFixed(0)}, heap-js ${best(heapJs).toFixed(0)}: heap-js takes ${(best(heapJs) / best(own)).toFixed(2)}x` };
  },
}];
