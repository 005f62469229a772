import { describe, expect, it } from 'vitest';
import { runBootstrap } from './bootstrapRun';

const EVENTS = [{ n: 1 }, { n: 2 }, { n: 3 }];

// A complete loop in the shape of AWS's custom-runtime tutorial: next, handler, response or error.
const CORRECT = `
const api = 'http://' + process.env.AWS_LAMBDA_RUNTIME_API + '/2018-06-01/runtime/invocation';
const handler = async (event) => ({ doubled: event.n * 2 });
while (true) {
  const next = await fetch(api + '/next');
  const id = next.headers.get('Lambda-Runtime-Aws-Request-Id');
  const event = await next.json();
  try {
    const result = await handler(event);
    await fetch(api + '/' + id + '/response', { method: 'POST', body: JSON.stringify(result) });
  } catch (err) {
    await fetch(api + '/' + id + '/error', { method: 'POST',
      headers: { 'Lambda-Runtime-Function-Error-Type': 'Runtime.HandlerError' },
      body: JSON.stringify({ errorType: err.name, errorMessage: err.message, stackTrace: [] }) });
  }
}`;

describe('a bootstrap against the simulated Runtime API', () => {
  it('F102: a correct loop serves all three events and then waits in /next', async () => {
    const run = await runBootstrap(CORRECT, { events: EVENTS });
    expect(run.outcome).toEqual({ kind: 'waiting' });
    expect(run.answered).toBe(3);
    expect(run.invocations.map((i) => i.response)).toEqual(['{"doubled":2}', '{"doubled":4}', '{"doubled":6}']);
    expect(run.steps.map((s) => s.kind)).toEqual(['next', 'response', 'next', 'response', 'next', 'response', 'next']);
    expect(run.steps.at(-1)?.status).toBe(0); // blocked: frozen until another event arrives (F97)
  });

  it('F133: a loop that never posts a response times the invocation out at its deadline', async () => {
    const source = `const api = 'http://' + process.env.AWS_LAMBDA_RUNTIME_API + '/2018-06-01/runtime/invocation';
      while (true) { const next = await fetch(api + '/next'); await next.json(); }`;
    const run = await runBootstrap(source, { events: EVENTS, timeoutMs: 3000 });
    expect(run.outcome.kind).toBe('timeout');
    expect(run.answered).toBe(0);
    expect(run.invocations[0]).toMatchObject({ status: 'timeout', endMs: run.invocations[0].deadlineMs });
    expect(run.invocations[0].error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${run.invocations[0].requestId} Error: Task timed out after 3.00 seconds` });
    expect(run.invocations).toHaveLength(1); // the environment is reset after a timeout (F06)
  });

  it('F99: a loop that posts /error records the documented error shape', async () => {
    const source = CORRECT.replace('({ doubled: event.n * 2 })', '{ throw new TypeError("n is " + event.n); }');
    const run = await runBootstrap(source, { events: EVENTS });
    expect(run.outcome).toEqual({ kind: 'waiting' });
    expect(run.invocations.map((i) => i.status)).toEqual(['error', 'error', 'error']);
    expect(run.invocations[0].error).toEqual({ errorType: 'TypeError', errorMessage: 'n is 1', stackTrace: [] });
  });

  it('F101: a malformed path gets the API\'s 404 and the event stays unanswered', async () => {
    const source = CORRECT.replace("'/' + id + '/response'", "'/' + id + '/respond'");
    const run = await runBootstrap(source, { events: EVENTS });
    expect(run.steps[1]).toMatchObject({ kind: 'rejected', status: 404, path: expect.stringMatching(/\/respond$/) });
    expect(run.outcome.kind).toBe('timeout');
  });

  it('a bootstrap that returns, throws or exits ends the run as an exit', async () => {
    expect((await runBootstrap('return 1;', { events: EVENTS })).outcome.kind).toBe('exited');
    expect((await runBootstrap('throw new Error("boom")', { events: EVENTS })).outcome).toEqual({ kind: 'exited', message: 'Uncaught Error: boom' });
    expect((await runBootstrap('process.exit(2)', { events: EVENTS })).outcome).toEqual({ kind: 'exited', message: 'Runtime exited with error: exit status 2' }); // F135
  });

  it('reports a syntax error instead of throwing', async () => {
    expect((await runBootstrap('while (', { events: EVENTS })).outcome.kind).toBe('syntax-error');
  });

  it('stops a loop that never blocks after the call limit', async () => {
    const source = `while (true) await fetch('http://' + process.env.AWS_LAMBDA_RUNTIME_API + '/2018-06-01/nope');`;
    const run = await runBootstrap(source, { events: EVENTS, maxCalls: 50 });
    expect(run.outcome).toEqual({ kind: 'call-limit', calls: 50 });
  });

  it('keeps console output with the virtual time of the call before it', async () => {
    const run = await runBootstrap(CORRECT.replace('const event = await next.json();', 'const event = await next.json(); console.log("got", event);'), { events: EVENTS });
    expect(run.logs.map((l) => l.line)).toEqual(['got {"n":1}', 'got {"n":2}', 'got {"n":3}']);
  });

  it('is deterministic: the same bootstrap and seed give the same steps and ids', async () => {
    const a = await runBootstrap(CORRECT, { events: EVENTS, seed: 9 });
    const b = await runBootstrap(CORRECT, { events: EVENTS, seed: 9 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
