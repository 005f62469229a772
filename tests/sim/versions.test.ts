// Versions and aliases: published versions as immutable snapshots, aliases with weighted
// routing, provisioned concurrency on a version or alias (F16, F17), START lines and log
// streams that carry the version (F116, F125), per-version and per-alias metrics.
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, type FunctionSpec, type Scenario } from '../../simulator/index';
import { issuesOf, syncAt } from './helpers';

const versioned = (more: Partial<FunctionSpec> = {}): FunctionSpec => ({
  name: 'fn', handler: { kind: 'model', initMs: 200, durationMs: 100 },
  versions: [{}, { memoryMB: 256 }, { memoryMB: 512 }], ...more,
});
const run = (fn: FunctionSpec, sources: Scenario['sources'], more: Partial<Scenario> = {}) =>
  simulate({ durationMs: 60_000, functions: [fn], sources, ...more });

describe('versions and aliases', () => {
  it('F112: an alias at 90/10 routes about 10 % to the new version over 10,000 requests (seeded)', async () => {
    const fn = versioned({ aliases: [{ name: 'live', version: 1, additionalVersion: { version: 2, weight: 0.1 } }] });
    const r = await run(fn, [{ type: 'invoke', function: 'fn:live', invocationType: 'RequestResponse', arrivals: { rate: 100, process: 'uniform' } }],
      { durationMs: 100_000, record: { logs: false } });
    expect(r.invocations).toHaveLength(10_000);
    const share = r.invocations.filter((i) => i.version === '2').length / 10_000;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
    expect(r.invocations.every((i) => i.version === '1' || i.version === '2')).toBe(true);
    const m = r.metrics.fn.resources!;
    expect(m['fn:live'].invocations).toBe(10_000);
    expect(m['fn:1'].invocations + m['fn:2'].invocations).toBe(10_000);
    expect(m['fn:2'].invocations).toBe(share * 10_000);
    // The same seed routes the same requests again; another seed routes others.
    const again = await run(fn, [{ type: 'invoke', function: 'fn:live', invocationType: 'RequestResponse', arrivals: { rate: 100, process: 'uniform' } }],
      { durationMs: 100_000, record: { logs: false } });
    expect(again.invocations.map((i) => i.version)).toEqual(r.invocations.map((i) => i.version));
  });

  it('F16 F17: provisioned concurrency on an alias serves warm and spills over cold', async () => {
    const fn = versioned({ aliases: [{ name: 'live', version: 3, provisionedConcurrency: 2 }] });
    const r = await run(fn, [syncAt([0, 0, 0, 0], 'fn:live')]);
    expect(r.invocations.map((i) => i.coldStart).sort()).toEqual([false, false, true, true]);
    expect(r.invocations.every((i) => i.version === '3')).toBe(true);
    expect(r.environments.filter((e) => e.provisioned).map((e) => e.version)).toEqual(['3', '3']);
    expect(r.metrics.fn.resources!['fn:live'].provisionedConcurrencySpilloverInvocations).toBe(2);
    expect(r.metrics.fn.resources!['fn:3'].provisionedConcurrencySpilloverInvocations).toBe(2);
    expect(r.metrics.fn.provisionedConcurrencySpilloverInvocations).toBe(2);
  });

  it('F116 F125: START lines and log streams carry the version that ran', async () => {
    const r = await run(versioned(), [syncAt([0], 'fn:3'), syncAt([0], 'fn')]);
    const starts = r.logs.filter((l) => l.message.startsWith('START')).map((l) => l.message.replace(/RequestId: \S+/, 'RequestId: x'));
    expect(starts.sort()).toEqual(['START RequestId: x Version: $LATEST', 'START RequestId: x Version: 3']);
    expect(r.environments.map((e) => e.logStream.match(/\[(.+)\]/)![1]).sort()).toEqual(['$LATEST', '3']);
    expect(r.invocations.find((i) => i.version === '3')!.billedDurationMs).toBe(300); // its own snapshot: 512 MB, Init billed
  });

  it('F11 F12: warm environments belong to one version; each version starts cold once', async () => {
    const r = await run(versioned(), [syncAt([0, 2000, 4000], 'fn:1'), syncAt([1000, 3000], 'fn:2')]);
    const byVersion = (v: string) => r.invocations.filter((i) => i.version === v).map((i) => i.coldStart);
    expect(byVersion('1')).toEqual([true, false, false]);
    expect(byVersion('2')).toEqual([true, false]);
    expect(new Set(r.invocations.filter((i) => i.version === '1').map((i) => i.environmentId)).size).toBe(1);
    expect(r.cost.fn.requests).toBe(5);
  });

  it('F59: reserved concurrency covers every version of the function', async () => {
    const r = await run(versioned({ reservedConcurrency: 2 }), [syncAt([0], 'fn:1'), syncAt([0], 'fn:2'), syncAt([0], 'fn')]);
    expect(r.requests.filter((q) => q.statusCode === 429)).toHaveLength(1);
    expect(r.metrics.fn.throttles).toBe(1);
  });

  it('F16: with reserved = PC = 5 on an alias, invoking $LATEST is throttled while the alias runs warm', async () => {
    const fn = versioned({ reservedConcurrency: 5, aliases: [{ name: 'live', version: 1, provisionedConcurrency: 5 }] });
    const r = await run(fn, [syncAt([100]), syncAt([200], 'fn:live')]);
    expect(r.requests.map((q) => q.statusCode)).toEqual([429, 200]);
    expect(r.invocations).toMatchObject([{ version: '1', coldStart: false }]);
  });

  it('deploying a new version never drops in-flight requests: the alias moves, running invocations finish on the old one', async () => {
    const fn = versioned({ timeoutMs: 10_000, handler: { kind: 'model', initMs: 200, durationMs: 5000 }, versions: [{}], aliases: [{ name: 'live', version: 1 }] });
    const sim = createSimulation({ durationMs: 20_000, functions: [fn], sources: [syncAt([0, 500, 3000, 3500], 'fn:live')] });
    sim.runUntilSync(2000);
    sim.updateFunction('fn', { versions: [{}, { memoryMB: 1024 }], aliases: [{ name: 'live', version: 2 }] });
    const r = await sim.run();
    expect(r.requests.map((q) => q.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(r.invocations.map((i) => [i.startMs < 2000, i.version])).toEqual([[true, '1'], [true, '1'], [false, '2'], [false, '2']]);
    expect(r.environments.filter((e) => e.version === '1').every((e) => e.endReason === 'end')).toBe(true);
    expect(() => sim.updateFunction('fn', { versions: [{ memoryMB: 2048 }, { memoryMB: 1024 }] })).toThrow(/version 1 is published/);
  });

  it('F16: versions and aliases are checked when the scenario is parsed', () => {
    const base = { durationMs: 1000, sources: [] as Scenario['sources'] };
    const paths = (f: Partial<FunctionSpec>, sources: Scenario['sources'] = []) =>
      issuesOf({ ...base, functions: [versioned(f)], sources }).map((i) => i.path);
    expect(paths({ provisionedConcurrency: 1 })).toEqual(['functions.0.provisionedConcurrency']);
    expect(paths({ aliases: [{ name: 'live', version: 9 }] })).toEqual(['functions.0.aliases.0.version']);
    expect(paths({ aliases: [{ name: '42', version: 1 }] })).toEqual(['functions.0.aliases.0.name']);
    expect(paths({ versions: [{ provisionedConcurrency: 1 }], aliases: [{ name: 'live', version: 1, provisionedConcurrency: 1 }] }))
      .toEqual(['functions.0.aliases.0.provisionedConcurrency']);
    expect(paths({ reservedConcurrency: 2, aliases: [{ name: 'a', version: 1, provisionedConcurrency: 3 }] }))
      .toEqual(['functions.0.provisionedConcurrency']);
    expect(paths({}, [syncAt([0], 'fn:7'), syncAt([0], 'fn:beta'), syncAt([0], 'fn:$LATEST'), syncAt([0], 'fn:2')]))
      .toEqual(['sources.0.function', 'sources.1.function']);
  });
});

describe('versions seen from a code handler', () => {
  it('F112: invoked through alias prod, the ARN ends in :prod and functionVersion is the version that ran', async () => {
    const source = 'export const handler = async (event, context) => ({ arn: context.invokedFunctionArn, version: context.functionVersion, env: process.env.AWS_LAMBDA_FUNCTION_VERSION });';
    const r = await simulate({
      durationMs: 2000,
      functions: [{ name: 'fn', handler: { kind: 'code', source }, versions: [{}, {}, {}], aliases: [{ name: 'prod', version: 3 }] }],
      sources: [syncAt([0], 'fn:prod'), syncAt([0], 'fn')],
    });
    expect(r.requests.map((q) => q.response)).toEqual([
      { arn: 'arn:aws:lambda:us-east-1:123456789012:function:fn:prod', version: '3', env: '3' },
      { arn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', version: '$LATEST', env: '$LATEST' },
    ]);
  });

  it('F38, F39: a version keeps the layers it was published with when $LATEST attaches others', async () => {
    const greet = (word: string) => ({ name: 'greet', files: { 'nodejs/node_modules/greet/index.js': `exports.word = '${word}';` } });
    const source = "import { word } from 'greet';\nexport const handler = async () => word;";
    const r = await simulate({
      durationMs: 2000,
      functions: [{ name: 'fn', handler: { kind: 'code', source }, layers: [greet('two')], versions: [{ layers: [greet('one')] }, {}] }],
      sources: [syncAt([0], 'fn:1'), syncAt([0], 'fn:2'), syncAt([0], 'fn')],
    });
    expect(r.requests.map((q) => q.response)).toEqual(['one', 'two', 'two']);
  });

  it('F37: a version with six layers is refused at its own path', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `l${i}`, sizeBytes: 10 }));
    const fn: FunctionSpec = { name: 'fn', handler: { kind: 'model', durationMs: 1 }, versions: [{ layers: six }] };
    expect(issuesOf({ durationMs: 1000, functions: [fn], sources: [] }).map((i) => i.path)).toContain('functions.0.versions.0.layers');
  });
});
