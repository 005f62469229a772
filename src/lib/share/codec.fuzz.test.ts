// Hostile input for the share codec: random and truncated strings as share links and as
// `#scenario-json=` hashes give a valid value or a clear refusal, never another kind of
// throw and never a hang. About 1,000 runs in all; FUZZ_RUNS=n runs each property n times.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../../simulator/index';
import { consoleStateSchema, defaultState } from '../../widgets/function-console/state';
import { decodeShare, encodeShare, readShared, SCENARIO_KEY, type Check, type HashResult } from './codec';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Far above any decode seen (a few ms); a hang or a runaway expansion would blow it. */
const SLOW_MS = 2_000;

const scenario = {
  seed: 11, durationMs: 3000,
  functions: [{ name: 'api', handler: { kind: 'model', durationMs: 80 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 10, 2000] } }],
};
const validScenarioLink = (() => {
  const r = encodeShare(scenario);
  if (!r.ok) throw new Error(r.message);
  return r.encoded;
})();
const validConsoleLink = (() => {
  const r = encodeShare(defaultState());
  if (!r.ok) throw new Error(r.message);
  return r.encoded;
})();
const validJson = encodeURIComponent(JSON.stringify(scenario));

/** Runs one decode and holds it to the contract: a value the check accepts, or a clear refusal. */
function expectValueOrRefusal<T>(decode: () => HashResult<T>, check: Check<T>): void {
  const started = performance.now();
  const result = decode(); // a throw of any kind fails the property here
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
  if (result.ok === true) {
    expect(() => (typeof check === 'function' ? check(result.value) : check.parse(result.value))).not.toThrow();
  } else if (result.ok === false) {
    expect(['too-large', 'corrupt', 'invalid']).toContain(result.reason);
    expect(result.message).toMatch(/^The (shared |embedded )?(link|scenario) .{8,}/);
  }
}

const lzAlphabet = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'), maxLength: 600 });
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), lzAlphabet);
const cut = (text: string) => fc.integer({ min: 0, max: text.length }).map((n) => text.slice(0, n));

describe('share codec under fuzzing', () => {
  it('random strings as a console share link: a console state or a clear refusal', () => {
    fc.assert(fc.property(anyText, (junk) => {
      expectValueOrRefusal(() => decodeShare(junk, consoleStateSchema), consoleStateSchema);
    }), { numRuns: RUNS });
  });

  it('random and truncated strings as a #scenario= link: a valid scenario or a clear refusal', () => {
    fc.assert(fc.property(fc.oneof(anyText, cut(validScenarioLink), cut(validConsoleLink)), (value) => {
      expectValueOrRefusal(() => readShared(`#${SCENARIO_KEY}=${value}`, SCENARIO_KEY, parseScenario), parseScenario);
    }), { numRuns: RUNS });
  });

  it('random and truncated strings as a #scenario-json= hash: a valid scenario or a clear refusal', () => {
    const json = fc.json({ maxDepth: 4 }).map((text) => encodeURIComponent(text));
    fc.assert(fc.property(fc.oneof(anyText, json, cut(validJson)), (value) => {
      expectValueOrRefusal(() => readShared(`#${SCENARIO_KEY}-json=${value}`, SCENARIO_KEY, parseScenario), parseScenario);
    }), { numRuns: RUNS });
  });

  it('arbitrary JSON values behind a well-formed link: refused as invalid, never thrown', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
      const written = encodeShare(data);
      if (!written.ok) return;
      expectValueOrRefusal(() => readShared(`#scenario=${written.encoded}`, SCENARIO_KEY, parseScenario), parseScenario);
      expectValueOrRefusal(() => decodeShare(written.encoded, consoleStateSchema), consoleStateSchema);
    }), { numRuns: RUNS });
  });

  it('the valid links the fuzzer starts from do decode', () => {
    expect(readShared(`#scenario=${validScenarioLink}`, SCENARIO_KEY, parseScenario).ok).toBe(true);
    expect(readShared(`#scenario-json=${validJson}`, SCENARIO_KEY, parseScenario).ok).toBe(true);
    expect(decodeShare(validConsoleLink, consoleStateSchema).ok).toBe(true);
  });
});
