// simulate() with a code handler and no injected factory: the engine loads the real runtime
// (simulator/runtime/index.ts) lazily and backs host.call with its dependency service.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulator/index';

describe('code handlers with the default runtime', () => {
  it('load the runtime on demand and answer from the handler', async () => {
    const r = await simulate({
      durationMs: 2000,
      functions: [{ name: 'fn', handler: { kind: 'code', source: 'export const handler = async (event) => ({ doubled: event.n * 2 });' } }],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0, 1000] }, payloads: [{ n: 2 }, { n: 5 }] }],
    });
    expect(r.requests.map((q) => q.response)).toEqual([{ doubled: 4 }, { doubled: 10 }]);
    expect(r.invocations.map((i) => i.coldStart)).toEqual([true, false]);
    expect(r.logs.filter((l) => l.message.startsWith('REPORT'))).toHaveLength(2);
  });
});
