import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../simulator/index';
import { decodeScenarioJsonHash } from './scenarioJsonHash';

const scenario = {
  seed: 3,
  durationMs: 4000,
  functions: [{ name: 'api', handler: { kind: 'model', durationMs: 120 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 500] } }],
};
const hashOf = (json: string) => `#scenario-json=${encodeURIComponent(json)}`;

describe('plain-JSON scenario hash from the one-tag embed', () => {
  it('reads a scenario written as encodeURIComponent(JSON) and validates it with the engine', () => {
    const result = decodeScenarioJsonHash(hashOf(JSON.stringify(scenario)), parseScenario);
    expect(result.ok).toBe(true);
    expect(result.ok === true && result.scenario).toEqual(parseScenario(scenario));
  });

  it('keeps a plus sign and spaces inside strings as they were written', () => {
    const named = { ...scenario, functions: [{ ...scenario.functions[0], environment: { GREETING: 'a + b c' } }] };
    const result = decodeScenarioJsonHash(hashOf(JSON.stringify(named)), parseScenario);
    expect(result.ok === true && result.scenario.functions[0].environment).toEqual({ GREETING: 'a + b c' });
  });

  it('says a hash without the key is absent rather than broken', () => {
    expect(decodeScenarioJsonHash('#scenario=abc', parseScenario)).toEqual({ ok: 'absent' });
    expect(decodeScenarioJsonHash('', parseScenario)).toEqual({ ok: 'absent' });
  });

  it('refuses unreadable JSON with a message instead of throwing', () => {
    const result = decodeScenarioJsonHash(hashOf('{"durationMs": 40'), parseScenario);
    expect(result).toEqual({ ok: false, message: 'The embedded scenario is not readable JSON.' });
  });

  it('names the field the engine rejected', () => {
    const bad = { ...scenario, functions: [{ ...scenario.functions[0], memoryMB: 64 }] };
    const result = decodeScenarioJsonHash(hashOf(JSON.stringify(bad)), parseScenario);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(/^The embedded scenario is not valid: .*memoryMB/);
  });

  it('refuses a scenario longer than a share link may expand to', () => {
    const result = decodeScenarioJsonHash(hashOf(`"${'x'.repeat(300_001)}"`), parseScenario);
    expect(result.ok === false && result.message).toMatch(/too long/);
  });
});
