// Code-handler runtime benchmarks (real milliseconds, medians): a warm invocation's round trip
// through the worker, and an execution environment's start (worker boot + module init).
// Runs under `npm run bench`, or alone: `npx tsx bench/runtime.ts`.
import { pathToFileURL } from 'node:url';
import { codeSpec, harness } from '../simulator/runtime/testing/fake-host';
import type { Benchmark } from './types';

const SOURCE = `let n = 0;
export const handler = async (event, context) => { n++; console.log('invocation', n); return { n, requestId: context.awsRequestId }; };`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function warmRoundTrip(count: number) {
  const h = harness(codeSpec(SOURCE));
  await h.init();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const o = await h.invoke({ i });
    times.push(performance.now() - t0);
    if (o.status !== 'success') throw new Error(`invoke ${i}: ${JSON.stringify(o)}`);
  }
  h.destroy();
  return times;
}

async function environmentStart(count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const h = harness(codeSpec(SOURCE));
    const t0 = performance.now();
    const o = await h.init();
    times.push(performance.now() - t0);
    h.destroy();
    if (o.status !== 'success') throw new Error(`init ${i}: ${JSON.stringify(o)}`);
  }
  return times;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'code handler: warm invocation round trip (1,000 invokes, one worker thread)',
    async run(sampleHeap) {
      const t = await warmRoundTrip(1000);
      sampleHeap();
      return { invocations: t.length, note: `median ${median(t).toFixed(3)} ms real per warm invoke` };
    },
  },
  {
    name: 'code handler: execution environment start (30 environments, worker boot + init)',
    async run(sampleHeap) {
      const t = await environmentStart(30);
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
