// Real-time figures for the runtime in whatever host runs this (bench/runtime.ts in Node, the
// dev check page in Chromium): median warm invocation round trip and environment start.
import { codeSpec, harness } from './fake-host';

const SOURCE = `let n = 0;
export const handler = async (event, context) => { n++; console.log('invocation', n); return { n, requestId: context.awsRequestId }; };`;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function warmRoundTripMs(count: number): Promise<number[]> {
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

export async function environmentStartMs(count: number): Promise<number[]> {
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
