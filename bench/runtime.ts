// Code-handler runtime benchmarks (real milliseconds, medians): a warm invocation's round trip
// through the worker, and an execution environment's start (worker boot + module init).
// Runs under `npm run bench`, or alone: `npx tsx bench/runtime.ts`.
import { pathToFileURL } from 'node:url';
import { environmentStartMs, median, warmRoundTripMs } from '../simulator/runtime/testing/timings';
import type { Benchmark } from './types';

export const benchmarks: Benchmark[] = [
  {
    name: 'code handler: warm invocation round trip (1,000 invokes, one worker thread)',
    async run(sampleHeap) {
      const t = await warmRoundTripMs(1000);
      sampleHeap();
      return { invocations: t.length, note: `median ${median(t).toFixed(3)} ms real per warm invoke` };
    },
  },
  {
    name: 'code handler: execution environment start (30 environments, worker boot + init)',
    async run(sampleHeap) {
      const t = await environmentStartMs(30);
      sampleHeap();
      return { invocations: 0, note: `median ${median(t).toFixed(1)} ms real per environment start` };
    },
  },
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const b of benchmarks) {
    const r = await b.run(() => {});
    console.log(`${b.name}\n  ${r.note}`);
  }
}
