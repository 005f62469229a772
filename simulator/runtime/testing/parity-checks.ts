// One set of scripted checks that runs in Node (Vitest, worker threads) and in Chromium
// (src/pages/dev/runtime-check.astro, module Workers): the same handlers must behave the same.
import { kinesisExample, layerSampleHandler } from '../fixtures/real-handlers';
import type { EnvironmentOptions } from '../environment';
import type { CodeFunctionSpec } from '../types';
import { codeSpec, createFakeHost, harness, type RunOutcome } from './fake-host';

const brief = (o: RunOutcome) => ('errorType' in o ? { status: o.status, errorType: o.errorType, errorMessage: o.errorMessage } : o);

async function once(source: string, event: unknown = {}, over: Partial<CodeFunctionSpec> = {}, opts: Partial<EnvironmentOptions> = {}) {
  const h = harness(codeSpec(source, over), opts);
  const init = await h.init();
  const outcome = init.status === 'success' ? await h.invoke(event, 'req-1') : init;
  h.destroy();
  return { outcome: brief(outcome), logs: h.fake.logs.map((l) => l.message.split('\t').slice(1).join('\t')) };
}

const checks: Record<string, () => Promise<unknown>> = {
  async warmState() {
    const src = 'let n = 0;\nexport const handler = async () => ++n;';
    const fake = createFakeHost();
    const a = harness(codeSpec(src), {}, fake);
    const b = harness(codeSpec(src), {}, fake);
    await a.init(); await b.init();
    const r = [await a.invoke(), await a.invoke(), await b.invoke()].map(brief);
    a.destroy(); b.destroy();
    return r;
  },
  async logsAndVirtualTime() {
    return once(`console.log('init');
export const handler = async (event, context) => { await new Promise((r) => setTimeout(r, 200)); console.log('left', context.getRemainingTimeInMillis(), { a: [1] }); return Date.now(); };`, {}, { epochMs: 0 });
  },
  async syntaxError() { return (await once('export const handler = async () => { const x = ; };')).outcome; },
  async missingPackage() { return (await once("import _ from 'lodash';\nexport const handler = async () => 1;")).outcome; },
  async missingExport() { return (await once('exports.other = 1;')).outcome; },
  async thrownString() { return (await once("export const handler = async () => { throw 'boom'; };")).outcome; },
  async unhandledRejection() {
    return (await once("export const handler = async () => { Promise.reject(new Error('r')); await new Promise((r) => setTimeout(r, 10)); return 1; };")).outcome;
  },
  async neverSettles() { return (await once('export const handler = async () => new Promise(() => {});')).outcome; },
  async infiniteLoop() { return (await once('export const handler = async () => { while (true) {} };', {}, {}, { watchdogMs: 500 })).outcome; },
  async processExit() { return (await once('export const handler = async () => { process.exit(2); };')).outcome; },
  async callbackNode22() {
    return (await once('exports.handler = (e, c, cb) => { setTimeout(() => {}, 1000); cb(null, "cb"); };', {}, { runtime: 'nodejs22.x' })).outcome;
  },
  async kinesisSample() {
    const event = { Records: [{ eventID: 'e1', kinesis: { data: 'eyJtZXNzYWdlIjogInRlc3QgbWVzc2FnZSJ9' } }] };
    return once(kinesisExample, event, { handler: 'example.handler' });
  },
  async layerSample() { // F39: lodash from a layer, vendored and loaded on demand
    return (await once(layerSampleHandler, {}, { layers: [{ packages: ['lodash'] }] })).outcome;
  },
  async globals() {
    return (await once(`import { createHash, randomUUID } from 'node:crypto';
export const handler = async () => [typeof XMLHttpRequest, typeof WebSocket, typeof indexedDB, typeof caches, typeof importScripts,
  typeof postMessage, typeof document, typeof window, typeof fetch, new Date().getTimezoneOffset(), new Date(0).getHours(),
  createHash('sha256').update('abc').digest('base64'), randomUUID(), process.env.AWS_LAMBDA_FUNCTION_NAME,
  typeof Object.getPrototypeOf(globalThis).fetch, typeof globalThis.WorkerGlobalScope?.prototype?.fetch];`, {}, { seed: 42 })).outcome;
  },
};

export const PARITY_EXPECTED: Record<string, unknown> = {
  warmState: [{ status: 'success', response: 1 }, { status: 'success', response: 2 }, { status: 'success', response: 1 }],
  logsAndVirtualTime: { outcome: { status: 'success', response: 200 }, logs: ['undefined\tINFO\tinit', 'req-1\tINFO\tleft 2800 { a: [ 1 ] }'] },
  syntaxError: { status: 'error', errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "SyntaxError: Unexpected token ';'" },
  missingPackage: { status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find package 'lodash' imported from /var/task/index.mjs" },
  missingExport: { status: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' },
  thrownString: { status: 'error', errorType: 'string', errorMessage: 'boom' },
  unhandledRejection: { status: 'crash', errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: r' },
  neverSettles: { status: 'error', errorType: 'Runtime.NodeJsExit', errorMessage: 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes' },
  infiniteLoop: { status: 'timeout' },
  processExit: { status: 'crash', errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 2' },
  callbackNode22: { status: 'success', response: 'cb' },
  kinesisSample: {
    outcome: { status: 'success', response: null },
    logs: ['req-1\tINFO\tProcessed Kinesis Event - EventID: e1', 'req-1\tINFO\tRecord Data: {"message": "test message"}', 'req-1\tINFO\tSuccessfully processed 1 records.'],
  },
  layerSample: { status: 'success', response: { statusCode: 200, body: '"2, Pat"' } },
  globals: {
    status: 'success',
    response: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'function', 0, 0,
      'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=', '9972daab-2c86-459f-9d78-3fe1be4e3280', 'my-function', 'undefined', 'undefined'],
  },
};

/** Runs every check in order; one failing check does not stop the others. */
export async function runParityChecks(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) {
    try { results[name] = await check(); } catch (e) { results[name] = { thrown: String(e) }; }
  }
  return results;
}
