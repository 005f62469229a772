import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeScenarioHash, encodeScenarioHash } from './shareLink';

class ScenarioError extends Error {
  issues = [{ path: 'functions.0.memoryMB', message: 'must be 128..10240' }];
}
const validate = (input: unknown) => {
  const s = input as { durationMs?: unknown };
  if (typeof s?.durationMs !== 'number') throw new ScenarioError('bad');
  return s as { durationMs: number };
};

describe('scenario share links', () => {
  it('round-trips a scenario through the URL hash', () => {
    const scenario = { seed: 7, durationMs: 5000, functions: [], sources: [] };
    const hash = encodeScenarioHash(scenario);
    expect(decodeScenarioHash(hash, validate)).toEqual({ ok: true, scenario });
  });

  it('says a link without a scenario is absent rather than broken', () => {
    expect(decodeScenarioHash('', validate)).toEqual({ ok: 'absent' });
  });

  it('refuses a cut-off link with a clear message', () => {
    const hash = encodeScenarioHash({ durationMs: 5000, functions: [{ name: 'a' }], sources: [] });
    const result = decodeScenarioHash(hash.slice(0, 20), validate);
    expect(result.ok).toBe(false);
    expect((result as { message: string }).message).toMatch(/damaged/);
  });

  it('lists the validator issues for a scenario that breaks a rule', () => {
    const hash = `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify({ durationMs: 'soon' }))}`;
    const result = decodeScenarioHash(hash, validate);
    expect(result).toEqual({ ok: false, message: 'The link does not hold a valid scenario: functions.0.memoryMB: must be 128..10240' });
  });
});
