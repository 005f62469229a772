// parseScenario is the one gate every scenario from a link, a file or an embed passes. Fed
// arbitrary JSON, and valid scenarios with parts swapped for arbitrary JSON (so the fuzz reaches
// every nested rule), it either returns a scenario the engine accepts again unchanged or throws a
// ScenarioError listing its problems: never another exception, never a hang, never a change to
// Object.prototype from `__proto__` or `constructor` keys.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, ScenarioError } from '../../simulator/index';
import { scenarioArb } from './arbitraries';
import { fuzzRuns } from './fuzzRuns';

const RUNS = fuzzRuns(10_000, 500);
const SLOW_MS = 1000; // one parse taking this long counts as a hang

/** Paths to every node of a JSON value: ['functions', 0, 'handler'] and so on. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/** `base` with the node at `path` replaced (or deleted when `replacement` is undefined). */
function replaceAt(base: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (replacement === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = replacement;
  return copy;
}

// Keys a careless merge would turn into prototype pollution, and keys the schema nearly knows.
const trickyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'durationMs', 'functions', 'kind', 'type', 'at', 'rate', '');
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(1e308, -1, 0, 0.5, 2 ** 53, -(2 ** 31), '', 'model', 'code', 'sqs', [], {}, null, true),
  fc.string({ maxLength: 5000 }),
  fc.dictionary(trickyKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** A valid scenario with up to three nodes swapped for garbage, deleted or given a tricky key. */
const damagedScenario: fc.Arbitrary<unknown> = fc
  .tuple(scenarioArb({ codeShare: 0.2 }), fc.array(fc.tuple(fc.nat(), fc.option(garbage, { nil: undefined }), trickyKey), { maxLength: 3 }))
  .map(([scenario, edits]) => {
    let value: unknown = JSON.parse(JSON.stringify(scenario));
    for (const [pick, replacement, key] of edits) {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length];
      const node = path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], value);
      const isObject = typeof node === 'object' && node !== null && !Array.isArray(node);
      value = replaceAt(value, pick % 5 === 0 && isObject ? [...path, key] : path, replacement);
    }
    return value;
  });

/** Through JSON text, as a link or a file delivers it: `__proto__` becomes an own key. */
const asJson = (value: unknown) => {
  const text = JSON.stringify(value);
  return text === undefined ? value : JSON.parse(text);
};

describe(`parseScenario on ${RUNS} arbitrary JSON values`, () => {
  it('returns a scenario it accepts again unchanged, or throws a ScenarioError with its problems', () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), damagedScenario).map(asJson), (input) => {
        const started = performance.now();
        let parsed: unknown;
        try {
          parsed = parseScenario(input);
        } catch (err) {
          expect(err).toBeInstanceOf(ScenarioError);
          const issues = (err as ScenarioError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) expect(typeof issue.path === 'string' && typeof issue.message === 'string' && issue.message.length > 0).toBe(true);
        }
        if (parsed !== undefined) {
          valid++;
          expect(parseScenario(asJson(parsed))).toEqual(parsed);
        }
        expect(performance.now() - started).toBeLessThan(SLOW_MS);
        expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    // The damaged scenarios keep some cases valid, so the deep rules are reached too.
    expect(valid).toBeGreaterThan(RUNS / 50);
  }, 600_000);

  it('refuses the shapes the fuzz found with a ScenarioError, not a TypeError', () => {
    const base = { durationMs: 1000, functions: [{ name: 'a', handler: { kind: 'model', durationMs: 1 } }], sources: [] };
    const noPrimitive = JSON.parse('{"toString": {}, "valueOf": []}');
    const found = [
      { ...base, sources: [{ type: 'invoke', function: 'a', invocationType: 'Event', arrivals: { at: [noPrimitive] } }] },
      { ...base, account: { concurrencyLimit: noPrimitive } },
      { ...base, functions: [{ ...base.functions[0], reservedConcurrency: noPrimitive, provisionedConcurrency: noPrimitive }] },
      { ...base, sources: [{ type: 'sqs', function: 'a', batchSize: noPrimitive, maximumBatchingWindowMs: noPrimitive, arrivals: { at: [] } }] },
    ];
    for (const input of found) expect(() => parseScenario(input)).toThrow(ScenarioError);
  });
});
