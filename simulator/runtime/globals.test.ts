import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { loadAwsSample } from '../sources/events/awsSamples.testkit';
import { kinesisExample, samHelloWorld } from './fixtures/real-handlers';
import { codeSpec, harness } from './testing/fake-host';
import type { CodeFunctionSpec } from './types';

async function answer(source: string, event: unknown = {}, over: Partial<CodeFunctionSpec> = {}) {
  const h = harness(codeSpec(source, over));
  const init = await h.init();
  const outcome = init.status === 'success' ? await h.invoke(event, 'req-1') : init;
  h.destroy();
  return { outcome, logs: h.fake.logs.map((l) => l.message) };
}
const kinesisEvent = loadAwsSample('kinesis.json');

describe('Node.js globals inside the handler realm', () => {
  test('real handlers from lambda-facts §4 run unmodified: Kinesis base64 decoding with Buffer, the SAM hello world', async () => {
    const k = await answer(kinesisExample, kinesisEvent, { handler: 'example.handler' });
    expect(k.outcome).toEqual({ status: 'success', response: null });
    const lines = k.logs.map((l) => l.split('\t').slice(1).join('\t'));
    expect(lines).toContain('req-1\tINFO\tRecord Data: {"message": "test message", "username": "test"}');
    expect(lines).toContain(`req-1\tINFO\tSuccessfully processed ${kinesisEvent.Records.length} records.`);
    const hello = await answer(samHelloWorld, {}, { handler: 'app.lambdaHandler', runtime: 'nodejs20.x' });
    expect(hello.outcome).toEqual({ status: 'success', response: { statusCode: 200, body: '{"message":"hello world"}' } });
  });

  test('Buffer converts between utf8, base64, base64url and hex like Node', async () => {
    const r = await answer(`export const handler = async () => {
  const b = Buffer.from('héllo ✓', 'utf8');
  return [b.toString('base64'), Buffer.from(b.toString('base64'), 'base64').toString(), b.toString('hex'),
    Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGk_-w', 'base64url').toString('hex'), b.length,
    Buffer.isBuffer(b), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), JSON.stringify(Buffer.from('hi'))];
};`);
    expect(r.outcome).toEqual({ status: 'success', response: ['aMOpbGxvIOKckw==', 'héllo ✓', '68c3a96c6c6f20e29c93', 'hello', '68693ffb', 10, true, 'ab', '{"type":"Buffer","data":[104,105]}'] });
  });

  test('the reserved environment variables are set and win over user values; TZ is UTC (F114, F115, F103)', async () => {
    const r = await answer(`export const handler = async () => {
  const e = process.env;
  return [e._HANDLER, e.AWS_REGION, e.AWS_EXECUTION_ENV, e.AWS_LAMBDA_FUNCTION_NAME, e.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    e.AWS_LAMBDA_FUNCTION_VERSION, e.AWS_LAMBDA_INITIALIZATION_TYPE, e.AWS_LAMBDA_LOG_GROUP_NAME, e.LAMBDA_TASK_ROOT,
    e.TZ, e.MY_SETTING, typeof e.AWS_ACCESS_KEY_ID, e._X_AMZN_TRACE_ID, new Date().getTimezoneOffset()];
};`, {}, { environment: { MY_SETTING: 'on', AWS_REGION: 'eu-west-1' } });
    expect(r.outcome).toEqual({ status: 'success', response: ['index.handler', 'us-east-1', 'AWS_Lambda_nodejs24.x', 'my-function', '128',
      '$LATEST', 'on-demand', '/aws/lambda/my-function', '/var/task', ':UTC', 'on', 'string',
      'Root=1-00000000-000000000000000000000000;Sampled=0', 0] });
  });

  test('Date, performance.now and timers follow virtual time from the epoch of the simulation', async () => {
    const r = await answer(`const t0 = performance.now();
export const handler = async () => {
  const a = Date.now();
  await new Promise((r) => setTimeout(r, 1500));
  return [a, Date.now() - a, new Date().toISOString(), performance.now() - t0, new Date(2026, 0, 2, 3).toISOString(),
    new Date('2026-03-04T05:06:07').toISOString(), new Date(0).toLocaleTimeString('en-US')];
};`, {}, { epochMs: Date.UTC(2026, 5, 1) });
    expect(r.outcome).toEqual({ status: 'success', response: [Date.UTC(2026, 5, 1), 1500, '2026-06-01T00:00:01.500Z', 1500,
      '2026-01-02T03:00:00.000Z', '2026-03-04T05:06:07.000Z', '12:00:00 AM'] });
  });

  test('node:crypto, crypto and node:util load in both module systems; randomUUID repeats for the same seed', async () => {
    const esm = `import { createHash, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { Buffer as B } from 'buffer';
export const handler = async () => [createHash('sha256').update('abc').digest('hex'), randomUUID(), format('%s=%d', 'n', 42), B === Buffer];`;
    const a = await answer(esm, {}, { seed: 7 });
    const b = await answer(esm, {}, { seed: 7 });
    const c = await answer(esm, {}, { seed: 8 });
    expect((a.outcome as any).response.slice(0, 1)).toEqual(['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']);
    expect((a.outcome as any).response[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((a.outcome as any).response).toEqual((b.outcome as any).response);
    expect((c.outcome as any).response[1]).not.toBe((a.outcome as any).response[1]);
    expect((a.outcome as any).response.slice(2)).toEqual(['n=42', true]);
    const cjs = await answer(`const crypto = require('crypto'); const util = require('node:util');
exports.handler = async () => [crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'), util.inspect({ a: [1, 2] })];`);
    expect(cjs.outcome).toEqual({ status: 'success', response: ['f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8', '{ a: [ 1, 2 ] }'] });
  });

  test('createHash and createHmac give Node\'s digests for sha1, sha256, sha512, md5 and sha3-256; others are refused like Node', async () => {
    const algorithms = ['sha1', 'SHA256', 'sha-512', 'md5', 'sha3-256', 'RSA-SHA256'];
    const r = await answer(`const crypto = require('node:crypto');
exports.handler = async () => {
  const out = ${JSON.stringify(algorithms)}.map((a) => [crypto.createHash(a).update('héllo').digest('hex'), crypto.createHmac(a, 'key').update('héllo').digest('base64')]);
  try { crypto.createHash('whirlpool9'); } catch (e) { out.push(e.message); }
  return out;
};`);
    const expected = [...algorithms.map((a) => [createHash(a).update('héllo').digest('hex'), createHmac(a, 'key').update('héllo').digest('base64')]), 'Digest method not supported'];
    expect(r.outcome).toEqual({ status: 'success', response: expected });
  });

  test('a built-in the simulation does not provide fails with Runtime.ImportModuleError', async () => {
    const r = await answer("import { readFileSync } from 'node:fs';\nexport const handler = async () => 1;");
    expect(r.outcome).toMatchObject({ status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: 'Error: No such built-in module: node:fs' });
    const dyn = await answer("export const handler = async () => { try { await import('left-pad'); } catch (e) { return [e.code, e.message]; } };");
    expect(dyn.outcome).toEqual({ status: 'success', response: ['ERR_MODULE_NOT_FOUND', "Cannot find package 'left-pad' imported from /var/task/index.mjs"] });
  });

  test('the handler cannot reach the network, storage, other threads or the engine channel', async () => {
    const r = await answer(`export const handler = async () => [typeof XMLHttpRequest, typeof WebSocket, typeof importScripts,
  typeof indexedDB, typeof caches, typeof postMessage, typeof BroadcastChannel, typeof require, typeof fetch];`);
    expect(r.outcome).toEqual({ status: 'success', response: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'function'] });
  });

  test('console formats objects like util.format (F120)', async () => {
    const r = await answer(`export const handler = async () => {
  console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
  console.log('%s has %d items', 'cart', 3, { extra: true });
  console.log(new Error('shown with stack').stack.split('\\n')[0], null, undefined, 5n);
};`);
    const msgs = r.logs.map((l) => l.split('\t').slice(3).join('\t'));
    expect(msgs).toEqual([
      "{ a: 1, b: 'two', c: [ 1, 2, 3 ], d: { e: { f: [Object] } } }",
      'cart has 3 items { extra: true }',
      'Error: shown with stack null undefined 5n',
    ]);
  });

  test('deterministic CPU mode adds no virtual time for real work; measured mode adds some (F28)', async () => {
    const busy = `export const handler = async () => { const t = performance.now(); let x = 0; for (let i = 0; i < 3e6; i++) x += i % 7; return performance.now() - t; };`;
    const none = await answer(busy, {}, { cpuTime: 'none' });
    expect(none.outcome).toEqual({ status: 'success', response: 0 });
    const measured = await answer(busy, {}, { cpuTime: 'measured', cpuShare: 1, timeoutMs: 900_000 });
    expect((measured.outcome as any).response).toBeGreaterThan(0);
  });
});
