import { describe, expect, it } from 'vitest';
import { RUNTIME_API_HOST, createRuntimeApi, routeOf } from './runtimeApi';

const BASE = `http://${RUNTIME_API_HOST}/2018-06-01`;

describe('the simulated Runtime API', () => {
  it('F97: GET /next hands out the event with the documented headers, deadline in Unix ms', () => {
    const api = createRuntimeApi({ events: [{ a: 1 }], timeoutMs: 3000, epochMs: 1_000_000 });
    const answer = api.handle('GET', `${BASE}/runtime/invocation/next`);
    if (answer === 'wait') throw new Error('expected an event');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ a: 1 });
    expect(answer.headers['Lambda-Runtime-Aws-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(answer.headers['Lambda-Runtime-Deadline-Ms'])).toBe(1_000_000 + api.nowMs() + 3000);
    expect(answer.headers['Lambda-Runtime-Invoked-Function-Arn']).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:function:/);
    expect(answer.headers['Lambda-Runtime-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
  });

  it('F98: a response to the open request id is accepted with 202, a second one gets 400 InvalidRequestID', () => {
    const api = createRuntimeApi({ events: [1] });
    const next = api.handle('GET', `${BASE}/runtime/invocation/next`);
    if (next === 'wait') throw new Error('expected an event');
    const id = next.headers['Lambda-Runtime-Aws-Request-Id'];
    const first = api.handle('POST', `${BASE}/runtime/invocation/${id}/response`, {}, '"ok"');
    expect(first).toMatchObject({ status: 202 });
    const again = api.handle('POST', `${BASE}/runtime/invocation/${id}/response`, {}, '"ok"');
    expect(again).toMatchObject({ status: 400 });
    expect(JSON.parse((again as { body: string }).body)).toEqual({ errorType: 'InvalidRequestID', errorMessage: 'Invalid request ID' });
    expect(api.invocations[0]).toMatchObject({ status: 'success', response: '"ok"' });
  });

  it('F99: /error records the body\'s type and message, or the Lambda-Runtime-Function-Error-Type header', () => {
    const api = createRuntimeApi({ events: [1, 2] });
    const id1 = (api.handle('GET', `${BASE}/runtime/invocation/next`) as { headers: Record<string, string> }).headers['Lambda-Runtime-Aws-Request-Id'];
    api.handle('POST', `${BASE}/runtime/invocation/${id1}/error`, {}, JSON.stringify({ errorType: 'TypeError', errorMessage: 'bad', stackTrace: [] }));
    const id2 = (api.handle('GET', `${BASE}/runtime/invocation/next`) as { headers: Record<string, string> }).headers['Lambda-Runtime-Aws-Request-Id'];
    api.handle('POST', `${BASE}/runtime/invocation/${id2}/error`, { 'lambda-runtime-function-error-type': 'Custom.Boom' }, 'not json');
    expect(api.invocations.map((i) => i.error)).toEqual([
      { errorType: 'TypeError', errorMessage: 'bad', stackTrace: [] },
      { errorType: 'Custom.Boom', errorMessage: 'not json' },
    ]);
  });

  it('F101: unknown paths, other hosts and other API versions get 404; a wrong method gets 405', () => {
    const api = createRuntimeApi({ events: [1] });
    expect(api.handle('GET', `${BASE}/runtime/invocation/nxt`)).toMatchObject({ status: 404, body: '404 page not found\n' });
    expect(api.handle('GET', `http://example.com/2018-06-01/runtime/invocation/next`)).toMatchObject({ status: 404 });
    expect(api.handle('GET', `http://${RUNTIME_API_HOST}/2020-01-01/runtime/invocation/next`)).toMatchObject({ status: 404 });
    expect(api.handle('POST', `${BASE}/runtime/invocation/next`)).toMatchObject({ status: 405 });
    expect(api.steps.every((s) => s.kind === 'rejected')).toBe(true);
  });

  it('F98: a response for a request id that was never handed out gets 400', () => {
    const api = createRuntimeApi({ events: [1] });
    expect(api.handle('POST', `${BASE}/runtime/invocation/not-an-id/response`, {}, '1')).toMatchObject({ status: 400 });
  });

  it('F97: /next blocks while an invocation is open and once the events run out', () => {
    const api = createRuntimeApi({ events: [1] });
    api.handle('GET', `${BASE}/runtime/invocation/next`);
    expect(api.handle('GET', `${BASE}/runtime/invocation/next`)).toBe('wait');
    const timedOut = api.timeOutOpenInvocation();
    expect(timedOut?.error?.errorMessage).toMatch(/Task timed out after 3\.00 seconds$/); // F133
    expect(api.handle('GET', `${BASE}/runtime/invocation/next`)).toBe('wait');
  });

  it('F100: /init/error is accepted before the first event and refused after it', () => {
    const before = createRuntimeApi({ events: [1] });
    expect(before.handle('POST', `${BASE}/runtime/init/error`, {}, '{}')).toMatchObject({ status: 202 });
    const after = createRuntimeApi({ events: [1] });
    after.handle('GET', `${BASE}/runtime/invocation/next`);
    expect(after.handle('POST', `${BASE}/runtime/init/error`, {}, '{}')).toMatchObject({ status: 403 });
  });

  it('routes a request id with URL escapes', () => {
    expect(routeOf(`${BASE}/runtime/invocation/a%2Fb/error`)).toEqual({ kind: 'error', requestId: 'a/b' });
  });

  it('is deterministic: the same seed hands out the same request ids', () => {
    const ids = () => {
      const api = createRuntimeApi({ events: [1], seed: 5 });
      return (api.handle('GET', `${BASE}/runtime/invocation/next`) as { headers: Record<string, string> }).headers['Lambda-Runtime-Aws-Request-Id'];
    };
    expect(ids()).toBe(ids());
  });
});
