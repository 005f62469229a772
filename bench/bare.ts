// The yardstick for the engine benchmarks: the least a simulator of the 1,000,000-invocation
// workload must do. A binary heap of timed events (the engine's own EventQueue), arrivals at
// 10,000/s, each invocation ending 99.95 ms later, and one plain record object kept per
// invocation. No concurrency limits, no sources, no logs: what is left is the event loop and
// the cost of keeping a record.
import { EventQueue, TimedEvent } from '../simulator/core/eventQueue';

export const BARE_NAME = 'bare binary-heap loop, 1,000,000 invocations, one record each (the yardstick)';

interface BareRecord { id: number; environment: number; startMs: number; endMs: number; durationMs: number }

export function bareLoop(invocations: number, sampleHeap: () => void): BareRecord[] {
  const queue = new EventQueue();
  const records: BareRecord[] = [];
  const free: number[] = [];
  let environments = 0;
  let key = 0;
  const end = (r: BareRecord) => {
    r.endMs = r.startMs + r.durationMs;
    records.push(r);
    free.push(r.environment);
  };
  const arrive = (i: number) => {
    const startMs = i / 10; // 10,000 arrivals per virtual second
    if (i + 1 < invocations) queue.push(new TimedEvent((i + 1) / 10, key++, arrive, i + 1, false));
    const r: BareRecord = { id: i, environment: free.pop() ?? environments++, startMs, endMs: 0, durationMs: 99.95 };
    queue.push(new TimedEvent(startMs + r.durationMs, key++, end, r, false));
  };
  queue.push(new TimedEvent(0, key++, arrive, 0, false));
  for (let ev = queue.pop(); ev; ev = queue.pop()) {
    ev.fn!(ev.arg);
    if ((key & 0xfffff) === 0) sampleHeap();
  }
  sampleHeap();
  return records;
}
