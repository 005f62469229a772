// Hostile handler code in Node worker threads: each case ends in the documented Lambda error or a
// plain function error, and nothing escapes the environment. The console runs the same handlers
// in Chromium (tests/e2e/console-hostile.spec.ts).
import { describe, expect, test } from 'vitest';
import { simulate } from '../index';
import { codeSpec, harness } from './testing/fake-host';
import {
  ALLOCATE_200_MB, GROWING_MEMORY, NETWORK_ATTEMPTS, NETWORK_EXPECTED, PROTO_ECHO, PROTO_EVENT_JSON, SELF_CLOSE,
  STORAGE_AND_CHANNELS, STORAGE_EXPECTED,
} from './testing/hostile-handlers';

const KILLED = { status: 'crash', errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: signal: killed' };

describe('out of memory ends the environment as F134 says', () => {
  test.each(['buffer', 'typed', 'string'])('F134: allocating 200 MB (%s) at 128 MB is killed with the log pair; the next invoke starts a new environment', async (kind) => {
    const h = harness(codeSpec(ALLOCATE_200_MB));
    await h.init();
    expect(await h.invoke({ kind }, 'req-oom')).toEqual(KILLED);
    const lines = h.fake.logs.map((l) => l.message);
    expect(lines).toContain('RequestId: req-oom Error: Runtime exited with error: signal: killed\nRuntime.ExitError');
    expect(await h.invoke({ kind: 'none-such' }, 'req-next')).toMatchObject({ status: 'error', errorType: 'TypeError' });
    h.destroy();
  });

  test('F134: the same 200 MB fit in a 512 MB function', async () => {
    const h = harness(codeSpec(ALLOCATE_200_MB, { memoryMB: 512 }));
    await h.init();
    expect(await h.invoke({ kind: 'buffer' })).toEqual({ status: 'success', response: { allocated: 200 * 1024 * 1024 } });
    h.destroy();
  });

  test('F134: memory that grows in small steps hits the worker heap limit and is killed the same way', async () => {
    const h = harness(codeSpec(GROWING_MEMORY), { watchdogMs: 60_000 });
    await h.init();
    expect(await h.invoke({}, 'req-grow')).toEqual(KILLED);
    expect(h.fake.logs.map((l) => l.message)).toContain('RequestId: req-grow Error: Runtime exited with error: signal: killed\nRuntime.ExitError');
    h.destroy();
  }, 60_000);
});

describe('no way out of the environment', () => {
  test('network attempts fail as without a network, through eval and the Function constructors too; fetch is answered by the simulation', async () => {
    const h = harness(codeSpec(NETWORK_ATTEMPTS));
    await h.init();
    expect(await h.invoke()).toEqual({ status: 'success', response: NETWORK_EXPECTED });
    expect(h.fake.dependencies.stats().httpRequests).toBe(1);
    h.destroy();
  });

  test('storage and every channel to the host are absent', async () => {
    const h = harness(codeSpec(STORAGE_AND_CHANNELS));
    await h.init();
    expect(await h.invoke()).toEqual({ status: 'success', response: STORAGE_EXPECTED });
    h.destroy();
  });

  test('self.close() is a function error and the environment stays warm', async () => {
    const h = harness(codeSpec(`let n = 0;\n${SELF_CLOSE.replace('async () => {', 'async (event) => { n++; if (event.ok) return n;')}`));
    await h.init();
    expect(await h.invoke({})).toMatchObject({ status: 'error', errorType: 'TypeError' });
    expect(await h.invoke({ ok: true })).toEqual({ status: 'success', response: 2 });
    h.destroy();
  });

  test('eval and the Function constructors still run ordinary code and may import the provided modules', async () => {
    const h = harness(codeSpec(`export const handler = async () => [
  eval('1 + 2'), new Function('a', 'b', 'return a * b')(6, 7), (async function () {}).constructor.name,
  await new (async () => {}).constructor('return 5')(), typeof eval("import('lambda-lab:cpu')"),
  (await eval("import('lambda-lab:cpu')")).burnCpu === undefined,
];`));
    await h.init();
    expect(await h.invoke()).toEqual({ status: 'success', response: [3, 42, 'AsyncFunction', 5, 'object', false] });
    h.destroy();
  });
});

describe('hostile event JSON', () => {
  test('an event with __proto__ and constructor keys reaches the handler as plain keys; no prototype changes', async () => {
    const payload = JSON.parse(PROTO_EVENT_JSON);
    const r = await simulate({
      seed: 1, durationMs: 10,
      functions: [{ name: 'fn', runtime: 'nodejs24.x', timeoutMs: 3000, handler: { kind: 'code', source: PROTO_ECHO } }],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0] }, payloads: [payload] }],
    } as any);
    expect(r.requests[0].response).toEqual({ keys: ['__proto__', 'constructor', 'key1'], ownProto: true, polluted: 'no' });
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
