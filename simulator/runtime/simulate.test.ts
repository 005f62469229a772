// End to end through the engine's front door: simulate() with code handlers.
import { describe, expect, onTestFinished, test } from 'vitest';
import { simulate } from '../index';
import { kinesisExample } from './fixtures/real-handlers';
import { configureCodeRuntime } from './index';

// The engine loads this runtime itself (a lazy import of simulator/runtime/index.ts).

function scenario(source: string, payloads: unknown[], at: number[], fn: Record<string, unknown> = {}) {
  return {
    seed: 1, durationMs: Math.max(...at) + 1,
    functions: [{ name: 'fn', runtime: 'nodejs24.x', timeoutMs: 3000, handler: { kind: 'code', source }, ...fn }],
    sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at }, payloads }],
  } as any;
}

describe('code handlers through simulate()', () => {
  test('module state survives warm invokes; a 5 s sleep under a 3 s timeout times out with the exact message and the next environment starts fresh', async () => {
    const r = await simulate(scenario(`let n = 0;
export const handler = async (event) => { n++; await new Promise((r) => setTimeout(r, event.sleepMs)); return n; };`,
    [{ sleepMs: 200 }, { sleepMs: 200 }, { sleepMs: 5000 }, { sleepMs: 100 }], [0, 1000, 2000, 9000]));
    expect(r.requests.map((q) => q.response)).toEqual([1, 2, expect.anything(), 1]);
    const timedOut = r.invocations[2];
    expect(timedOut.status).toBe('timeout');
    expect(r.requests[2].response).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${timedOut.requestId} Error: Task timed out after 3.00 seconds` });
    expect(r.invocations.map((i) => [i.status, i.durationMs, i.coldStart])).toEqual([
      ['success', 200, true], ['success', 200, false], ['timeout', 3000, false], ['success', 100, true]]);
  });

  test('console lines carry the request id of the invocation that wrote them', async () => {
    const r = await simulate(scenario(`console.log('cold');
export const handler = async (event, context) => { console.log('handling', event.n); return context.awsRequestId; };`, [{ n: 1 }, { n: 2 }], [0, 500]));
    const app = r.logs.filter((l) => /\t(INFO)\t/.test(l.message)).map((l) => l.message.split('\t').slice(1).join('\t'));
    expect(app).toEqual(['undefined\tINFO\tcold', `${r.invocations[0].requestId}\tINFO\thandling 1`, `${r.invocations[1].requestId}\tINFO\thandling 2`]);
    expect(r.requests.map((q) => q.response)).toEqual(r.invocations.map((i) => i.requestId));
  });

  test('broken code returns the documented error body to the caller', async () => {
    const r = await simulate(scenario('export const handler = async () => { const x = ; };', [{}], [0]));
    expect(r.requests[0].response).toMatchObject({ errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "SyntaxError: Unexpected token ';'" });
  });

  test('an infinite loop is stopped and the environment is reset', async () => {
    configureCodeRuntime({ watchdogMs: 300 });
    onTestFinished(() => configureCodeRuntime({ watchdogMs: 3000 }));
    const r = await simulate(scenario(`let n = 0;
export const handler = async (event) => { n++; while (event.spin) {} return n; };`, [{ spin: false }, { spin: true }, { spin: false }], [0, 1000, 8000]));
    expect(r.invocations.map((i) => i.status)).toEqual(['success', 'timeout', 'success']);
    expect(r.requests[2].response).toBe(1);
    expect(r.environments[0].endReason).toBe('timeout-reset');
  });

  test('the Kinesis sample handler decodes its records with Buffer', async () => {
    const event = { Records: [{ eventID: 'shardId-000000000000:1', kinesis: { data: Buffer.from('{"order":42}').toString('base64') } }] };
    const r = await simulate(scenario(kinesisExample, [event], [0], { handler: { kind: 'code', source: kinesisExample, handler: 'example.handler' } }));
    expect(r.invocations[0].status).toBe('success');
    expect(r.logs.some((l) => l.message.endsWith('\tINFO\tRecord Data: {"order":42}'))).toBe(true);
  });

  test('the database refuses connections beyond its maximum across concurrent environments', async () => {
    const source = `import { connect } from 'lambda-lab:db';
let db;
export const handler = async () => { db ??= await connect(); await new Promise((r) => setTimeout(r, 1000)); return 'ok'; };`;
    const r = await simulate({ ...scenario(source, [{}], [0, 0, 0]), dependencies: { db: { maxConnections: 2, connectMs: 20, jitterMs: 0 } } });
    expect(r.invocations.map((i) => i.status).sort()).toEqual(['error', 'success', 'success']);
    expect(r.requests.map((q) => q.response)).toContainEqual(expect.objectContaining({ errorType: 'Error', errorMessage: 'Too many connections' }));
    expect(r.dependencies?.db).toEqual({ peakConnections: 2, refusedConnections: 1, queries: 0 });
  });

  test('the result reports the database peak: one connection per environment when it lives in module scope', async () => {
    const source = `import { connect } from 'lambda-lab:db';
const db = await connect();
export const handler = async () => { await db.query('SELECT 1'); return 'ok'; };`;
    const r = await simulate(scenario(source, [{}], [0, 500, 1000, 1500]));
    expect(r.environments).toHaveLength(1);
    expect(r.dependencies).toEqual({ db: { peakConnections: 1, refusedConnections: 0, queries: 4 }, http: { requests: 0 } });
  });
});
