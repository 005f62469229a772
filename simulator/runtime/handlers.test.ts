import { describe, expect, test } from 'vitest';
import { codeSpec, harness } from './testing/fake-host';
import type { CodeFunctionSpec } from './types';

async function run(source: string, over: Partial<CodeFunctionSpec> = {}, events: unknown[] = [{}]) {
  const h = harness(codeSpec(source, over));
  const init = await h.init();
  const results: { outcome: unknown; atMs: number }[] = [];
  for (const [i, e] of events.entries()) {
    const start = h.fake.now();
    const outcome = await h.invoke(e, `req-${i + 1}`);
    results.push({ outcome, atMs: h.fake.now() - start });
  }
  h.destroy();
  return { init, results, logs: h.fake.logs.map((l) => l.message) };
}
const node22 = { runtime: 'nodejs22.x' };

describe('handler forms of the Node.js runtimes', () => {
  test('CommonJS exports.handler, module.exports and a nested export path all load (F104)', async () => {
    expect((await run('exports.handler = async (e) => e.x * 2;', {}, [{ x: 21 }])).results[0].outcome).toEqual({ status: 'success', response: 42 });
    expect((await run('module.exports = { handler: async () => "m" };')).results[0].outcome).toEqual({ status: 'success', response: 'm' });
    expect((await run('module.exports.api = { v1: async () => "nested" };', { handler: 'index.api.v1' })).results[0].outcome).toEqual({ status: 'success', response: 'nested' });
  });

  test('a directory-prefixed handler setting loads the named file (F104)', async () => {
    const r = await run('export const sqsPayloadLoggerHandler = async (event) => { console.info(JSON.stringify(event)); };',
      { handler: 'src/handlers/sqs-payload-logger.sqsPayloadLoggerHandler', fileName: 'src/handlers/sqs-payload-logger.mjs' });
    expect(r.results[0].outcome).toEqual({ status: 'success', response: null });
  });

  test('on nodejs22.x a callback response waits for the event loop to drain (F107)', async () => {
    const r = await run(`exports.handler = (event, context, callback) => {
  setTimeout(() => console.log('background done'), 2000);
  callback(null, 1);
};`, node22);
    expect(r.results[0]).toEqual({ outcome: { status: 'success', response: 1 }, atMs: 2000 });
    expect(r.logs.some((l) => l.endsWith('\tbackground done'))).toBe(true);
  });

  test('with callbackWaitsForEmptyEventLoop = false the response is immediate and the timer fires in the next invocation (F107, F09)', async () => {
    const h = harness(codeSpec(`exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  if (event.first) setTimeout(() => console.log('timer from first'), 2000);
  callback(null, 'done');
};`, node22));
    await h.init();
    expect(await h.invoke({ first: true }, 'req-1')).toEqual({ status: 'success', response: 'done' });
    expect(h.fake.now()).toBe(0);
    h.fake.host.schedule(10_000, () => {});
    await h.fake.run(() => false); // ten idle seconds: the environment is frozen
    expect(h.fake.logs.some((l) => l.message.endsWith('\ttimer from first'))).toBe(false);
    expect(await h.invoke({}, 'req-2')).toEqual({ status: 'success', response: 'done' });
    const line = h.fake.logs.find((l) => l.message.endsWith('\ttimer from first'))!;
    expect(line.message.split('\t')[1]).toBe('req-2');
    h.destroy();
  });

  test('on nodejs22.x only the first callback counts, callback errors are function errors, and a forgotten callback returns null (F107)', async () => {
    const twice = await run('exports.handler = (e, c, cb) => { cb(null, 1); cb(null, 2); };', node22);
    expect(twice.results[0].outcome).toEqual({ status: 'success', response: 1 });
    const err = await run("exports.handler = (e, c, cb) => { cb(new Error('nope')); };", node22);
    expect(err.results[0].outcome).toMatchObject({ status: 'error', errorType: 'Error', errorMessage: 'nope' });
    const forgot = await run('exports.handler = (e, c, cb) => { };', node22);
    expect(forgot.results[0].outcome).toEqual({ status: 'success', response: null });
    const succeed = await run("exports.handler = (e, context) => { context.succeed('legacy'); };", node22);
    expect(succeed.results[0].outcome).toEqual({ status: 'success', response: 'legacy' });
  });

  test('on nodejs22.x a callback handler logs the deprecation warning unless it is disabled (F108)', async () => {
    const warn = await run('exports.handler = (e, c, cb) => cb(null, 1);', node22);
    expect(warn.logs[0]).toMatch(/\tundefined\tWARN\tAWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24\./);
    const quiet = await run('exports.handler = (e, c, cb) => cb(null, 1);', { ...node22, environment: { AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING: '1' } });
    expect(quiet.logs).toEqual([]);
  });

  test('on nodejs24.x a callback handler fails init with Runtime.CallbackHandlerDeprecated and the context has no callback API (F108)', async () => {
    const r = await run('exports.handler = (e, c, cb) => cb(null, 1);', { runtime: 'nodejs24.x' });
    expect(r.init).toMatchObject({
      status: 'error', errorType: 'Runtime.CallbackHandlerDeprecated',
      errorMessage: 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.',
    });
    const ctx = await run('export const handler = async (e, c) => [typeof c.succeed, typeof c.done, "callbackWaitsForEmptyEventLoop" in c];');
    expect(ctx.results[0].outcome).toEqual({ status: 'success', response: ['undefined', 'undefined', false] });
  });

  test('on nodejs24.x a plain function returning a value answers with it', async () => {
    expect((await run('exports.handler = (event) => ({ echo: event.v });', {}, [{ v: 7 }])).results[0].outcome)
      .toEqual({ status: 'success', response: { echo: 7 } });
  });

  test('the context object carries the documented fields and types (F109, F110, F112)', async () => {
    const r = await run(`export const handler = async (event, context) => ({
  keys: Object.keys(context).sort(), memory: context.memoryLimitInMB, arn: context.invokedFunctionArn,
  name: context.functionName, version: context.functionVersion, id: context.awsRequestId,
  group: context.logGroupName, stream: context.logStreamName, identity: context.identity,
});`, node22);
    expect(r.results[0].outcome).toEqual({ status: 'success', response: {
      keys: ['awsRequestId', 'callbackWaitsForEmptyEventLoop', 'clientContext', 'done', 'fail', 'functionName', 'functionVersion',
        'getRemainingTimeInMillis', 'identity', 'invokedFunctionArn', 'logGroupName', 'logStreamName', 'memoryLimitInMB', 'succeed'],
      memory: '128', arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function', name: 'my-function', version: '$LATEST',
      id: 'req-1', group: '/aws/lambda/my-function', stream: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    } });
  });

  test('awslambda.streamifyResponse handlers stream their body (F113)', async () => {
    const r = await run(`export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  responseStream.setContentType('text/plain');
  responseStream.write('Hello, ');
  await new Promise((r) => setTimeout(r, 100));
  responseStream.write('world');
  responseStream.end();
});`);
    expect(r.results[0]).toEqual({ outcome: { status: 'success', response: 'Hello, world' }, atMs: 100 });
  });
});
