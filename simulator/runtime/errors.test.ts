import { describe, expect, test } from 'vitest';
import { codeSpec, harness } from './testing/fake-host';
import type { CodeFunctionSpec } from './types';

async function initOf(source: string, over: Partial<CodeFunctionSpec> = {}) {
  const h = harness(codeSpec(source, over));
  const outcome = await h.init();
  h.destroy();
  return { outcome, logs: h.fake.logs.map((l) => l.message) };
}
async function invokeOf(source: string, event: unknown = {}, over: Partial<CodeFunctionSpec> = {}) {
  const h = harness(codeSpec(source, over));
  await h.init();
  const outcome = await h.invoke(event, 'req-1');
  const next = await h.invoke({}, 'req-2');
  h.destroy();
  return { outcome, next, logs: h.fake.logs.map((l) => l.message) };
}
const pick = (o: any) => ({ status: o.status, errorType: o.errorType, errorMessage: o.errorMessage });

describe('broken code gets the documented Lambda errors', () => {
  test('a syntax error is Runtime.UserCodeSyntaxError, in ES modules and in CommonJS (F129)', async () => {
    const esm = await initOf('export const handler = async () => { const x = ; };');
    expect(pick(esm.outcome)).toEqual({ status: 'error', errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "SyntaxError: Unexpected token ';'" });
    const cjs = await initOf('exports.handler = async () => { const x = ; };');
    expect(pick(cjs.outcome)).toEqual({ status: 'error', errorType: 'Runtime.UserCodeSyntaxError', errorMessage: "SyntaxError: Unexpected token ';'" });
    expect(esm.logs[0]).toMatch(/\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime.UserCodeSyntaxError"/);
  });

  test('a missing or non-function export is Runtime.HandlerNotFound with the exact message (F130)', async () => {
    expect(pick((await initOf('exports.other = async () => 1;')).outcome))
      .toEqual({ status: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
    expect(pick((await initOf('export const handler = 42;')).outcome))
      .toEqual({ status: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is not a function' });
  });

  test('a handler setting that names another file is Runtime.ImportModuleError (F128)', async () => {
    const r = await initOf('export const handler = async () => 1;', { handler: 'missing.handler', fileName: 'index.mjs' });
    expect(pick(r.outcome)).toEqual({ status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'missing'\nRequire stack:\n- /var/runtime/index.mjs" });
  });

  test('an unknown package is Runtime.ImportModuleError in both module systems, never a browser message (F128)', async () => {
    const esm = await initOf("import _ from 'lodash';\nexport const handler = async () => _;");
    expect(pick(esm.outcome)).toEqual({ status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find package 'lodash' imported from /var/task/index.mjs" });
    const cjs = await initOf("const AWS = require('aws-sdk');\nexports.handler = async () => 1;");
    expect(pick(cjs.outcome)).toEqual({ status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'aws-sdk'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs" });
  });

  test('a malformed handler setting is Runtime.MalformedHandlerName (F104)', async () => {
    expect(pick((await initOf('exports.handler = async () => 1;', { handler: 'index' })).outcome))
      .toEqual({ status: 'error', errorType: 'Runtime.MalformedHandlerName', errorMessage: 'Bad handler' });
    expect(pick((await initOf('exports.handler = async () => 1;', { handler: '../index.handler' })).outcome))
      .toEqual({ status: 'error', errorType: 'Runtime.MalformedHandlerName', errorMessage: "'../index.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names." });
  });

  test('a module-scope throw is an init error with its own type, and the next invoke re-runs init and fails the same way (F131)', async () => {
    const h = harness(codeSpec(`console.log('loading'); throw new Error('x');\nexport const handler = async () => 1;`));
    expect(pick(await h.init())).toEqual({ status: 'error', errorType: 'Error', errorMessage: 'x' });
    expect(pick(await h.invoke())).toEqual({ status: 'crash', errorType: 'Error', errorMessage: 'x' });
    expect(h.fake.logs.filter((l) => l.message.endsWith('\tloading'))).toHaveLength(2);
    h.destroy();
  });

  test('a thrown Error gives name, message and stack lines, and logs Invoke Error with enumerable fields (F126, F127)', async () => {
    const r = await invokeOf(`export const handler = async () => { const e = new TypeError('bad input'); e.code = 'E1'; throw e; };`);
    expect(pick(r.outcome)).toEqual({ status: 'error', errorType: 'TypeError', errorMessage: 'bad input' });
    expect((r.outcome as any).trace[0]).toBe('TypeError: bad input');
    const line = r.logs.find((l) => l.includes('Invoke Error'))!;
    expect(line.split('\t').slice(1, 4)).toEqual(['req-1', 'ERROR', 'Invoke Error ']);
    expect(JSON.parse(line.split('\t')[4])).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input', code: 'E1' });
    expect(r.next.status).toBe('error'); // the environment stays warm after a function error
  });

  test('a thrown non-Error gives typeof and String() with an empty trace (F126)', async () => {
    const r = await invokeOf(`export const handler = async () => { throw 'boom'; };`);
    expect(r.outcome).toEqual({ status: 'error', errorType: 'string', errorMessage: 'boom', trace: [] });
  });

  test('an unhandled rejection is Runtime.UnhandledPromiseRejection and resets the environment (F132)', async () => {
    const h = harness(codeSpec(`let n = 0;
export const handler = async (event) => { n++; if (event.reject) Promise.reject(new Error('r')); await new Promise((res) => setTimeout(res, 10)); return n; };`));
    await h.init();
    expect(await h.invoke({ reject: false })).toEqual({ status: 'success', response: 1 });
    const r = { outcome: await h.invoke({ reject: true }, 'req-1'), next: await h.invoke({ reject: false }), logs: h.fake.logs.map((l) => l.message) };
    h.destroy();
    expect(pick(r.outcome)).toEqual({ status: 'crash', errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: r' });
    expect(r.logs.some((l) => l.includes('\tERROR\tUnhandled Promise Rejection \t'))).toBe(true);
    expect(r.logs).toContain('RequestId: req-1 Error: Runtime exited with error: exit status 128\nRuntime.ExitError');
    expect(r.next).toEqual({ status: 'success', response: 1 }); // module code ran again
  });

  test('process.exit(1) is Runtime.ExitError "Runtime exited with error: exit status 1" (F135)', async () => {
    const r = await invokeOf(`export const handler = async () => { process.exit(1); };`);
    expect(pick(r.outcome)).toEqual({ status: 'crash', errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 1' });
    expect(r.logs).toContain('RequestId: req-1 Error: Runtime exited with error: exit status 1\nRuntime.ExitError');
  });

  test('an async handler whose promise never settles with nothing else pending is Runtime.NodeJsExit (F106)', async () => {
    const r = await invokeOf(`export const handler = async () => new Promise(() => {});`);
    expect(pick(r.outcome)).toEqual({
      status: 'error', errorType: 'Runtime.NodeJsExit',
      errorMessage: 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes',
    });
  });

  test('a never-settling handler with a live interval runs into the timeout instead', async () => {
    const r = await invokeOf(`export const handler = async () => { setInterval(() => {}, 1000); return new Promise(() => {}); };`);
    expect(r.outcome).toEqual({ status: 'timeout' });
  });

  test('an unserializable response is an Error "Unable to stringify response body"; undefined becomes null', async () => {
    const circular = await invokeOf(`export const handler = async () => { const o = {}; o.self = o; return o; };`);
    expect(pick(circular.outcome)).toEqual({ status: 'error', errorType: 'Error', errorMessage: 'Unable to stringify response body' });
    const big = await invokeOf(`export const handler = async () => ({ n: 1n });`);
    expect(pick(big.outcome)).toEqual({ status: 'error', errorType: 'Error', errorMessage: 'Unable to stringify response body' });
    const none = await invokeOf(`export const handler = async () => {};`);
    expect(none.outcome).toEqual({ status: 'success', response: null });
  });

  test('F31: the 6 MB response limit counts UTF-8 bytes, not UTF-16 code units', async () => {
    // 3.6 M copies of 'é' are 3.6 M code units but 7.2 MB of UTF-8 (over); 3.0 M are 6.0 MB (under).
    const over = await invokeOf(`export const handler = async () => 'é'.repeat(3_600_000);`);
    expect(pick(over.outcome)).toEqual({ status: 'error', errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).' });
    const under = await invokeOf(`export const handler = async () => 'é'.repeat(3_000_000);`);
    expect(under.outcome.status).toBe('success');
  });

  test('an exception thrown from a timer callback is logged as Uncaught Exception and crashes the invocation', async () => {
    const r = await invokeOf(`export const handler = async () => { setTimeout(() => { throw new RangeError('late'); }, 5); await new Promise((res) => setTimeout(res, 50)); return 1; };`);
    expect(pick(r.outcome)).toEqual({ status: 'crash', errorType: 'RangeError', errorMessage: 'late' });
    expect(r.logs.some((l) => l.includes('\tERROR\tUncaught Exception \t{"errorType":"RangeError"'))).toBe(true);
  });

  test('a runtime that dies while frozen is re-initialised inside the next invocation (F06)', async () => {
    const h = harness(codeSpec(`let n = 0; console.log('module code');
export const handler = async (event) => { n++; if (event.bomb) setTimeout(() => { throw new Error('late'); }, 10); return n; };`));
    await h.init();
    expect(await h.invoke({ bomb: true })).toEqual({ status: 'success', response: 1 });
    h.fake.host.schedule(1000, () => {});
    await h.fake.run(() => false); // frozen for a second: the timer waits for the thaw (F09)
    expect(await h.invoke({})).toEqual({ status: 'success', response: 2 }); // the timer fires here and kills the runtime after the answer
    expect(h.runtimeExits).toEqual([{ status: 'crash', errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 129' }]);
    const start = h.fake.now();
    expect(await h.invoke({})).toEqual({ status: 'success', response: 1 });
    expect(h.fake.now()).toBe(start);
    expect(h.fake.logs.filter((l) => l.message.endsWith('\tmodule code'))).toHaveLength(2);
    h.destroy();
  });

  test('process.exit during init is an init error Runtime.ExitError', async () => {
    expect(pick((await initOf('process.exit(3);\nexport const handler = async () => 1;')).outcome))
      .toEqual({ status: 'error', errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: exit status 3' });
  });
});
