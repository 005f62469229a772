import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { z } from 'zod';
import { parseScenario } from '../../../simulator/index';
import { consoleStateSchema } from '../../widgets/function-console/state';
import {
  decodeShare, encodeShare, hashKeeping, MAX_DECODED_CHARS, MAX_ENCODED_CHARS, readHashEntry, readShared,
  SCENARIO_KEY, scenarioShareKey, sharedHash, withHashEntry, withoutHashEntry,
} from './codec';

const schema = z.object({ v: z.literal(1), code: z.string(), n: z.number() });
const scenario = {
  seed: 7, durationMs: 2000,
  functions: [{ name: 'api', memoryMB: 256, handler: { kind: 'model', durationMs: 120 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 500] } }],
};

function encoded(value: unknown): string {
  const r = encodeShare(value);
  if (!r.ok) throw new Error(r.message);
  return r.encoded;
}

/** Random text that barely compresses. */
function noise(length: number): string {
  let seed = 12345;
  return Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(33 + (seed % 90));
  }).join('');
}

describe('share-link codec', () => {
  it('round-trips any code text exactly, including unicode and newlines', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer(), (code, n) => {
      const value = { v: 1 as const, code, n };
      expect(decodeShare(encoded(value), schema)).toEqual({ ok: true, value });
    }));
  });

  it('writes only characters that survive in a URL hash unescaped', () => {
    const text = encoded({ v: 1, code: 'export const handler = async (e) => ({ ok: "ü ✓ #&=?" });', n: 3 });
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
  });

  it('refuses a truncated link with a message instead of throwing', () => {
    const text = encoded({ v: 1, code: 'x'.repeat(50) + 'let y = 1;'.repeat(40), n: 1 });
    const result = decodeShare(text.slice(0, Math.floor(text.length / 2)), schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['corrupt', 'invalid']).toContain(result.reason);
  });

  it('refuses well-formed data of the wrong shape and names where it is wrong', () => {
    const result = decodeShare(encoded({ v: 1, code: 42, n: 1 }), schema);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (!result.ok) expect(result.message).toMatch(/^The shared link is not valid: code: /);
  });

  it('refuses an oversized link before decompressing it', () => {
    expect(decodeShare('A'.repeat(MAX_ENCODED_CHARS + 1), schema)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses a short link that expands past the decoded limit', () => {
    const bomb = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, code: 'a'.repeat(MAX_DECODED_CHARS), n: 1 }));
    expect(bomb.length).toBeLessThan(MAX_ENCODED_CHARS);
    expect(decodeShare(bomb, schema)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('will not write a link it would refuse: too long, or expanding past the decoded limit', () => {
    expect(encodeShare({ v: 1, code: noise(60_000), n: 1 }).ok).toBe(false);
    // Compresses to a short link, but the decoder refuses what it expands to.
    expect(encodeShare({ v: 1, code: 'a'.repeat(MAX_DECODED_CHARS), n: 1 }).ok).toBe(false);
  });

  it('decodes every link it writes, at any size around the limits', () => {
    // Sizes near each limit, where an encoder and a decoder that disagree would show it.
    const near = (limit: number) => fc.oneof(fc.constant(0), fc.integer({ min: limit - 2_000, max: limit + 2_000 }));
    fc.assert(fc.property(near(MAX_ENCODED_CHARS), near(MAX_DECODED_CHARS), (noisy, plain) => {
      const value = { v: 1 as const, code: noise(noisy) + 'a'.repeat(plain), n: 1 };
      const written = encodeShare(value);
      if (written.ok) expect(decodeShare(written.encoded, schema)).toEqual({ ok: true, value });
    }), { numRuns: 8 });
  });
});

describe('hash entries', () => {
  it('keeps other entries and replaces its own', () => {
    let hash = withHashEntry('#fc-a=111&other=x', 'fc-b', 'B+$-');
    hash = withHashEntry(hash, 'fc-a', '222');
    expect(readHashEntry(hash, 'fc-a')).toBe('222');
    expect(readHashEntry(hash, 'fc-b')).toBe('B+$-');
    expect(readHashEntry(hash, 'other')).toBe('x');
    expect(readHashEntry(hash, 'fc')).toBeUndefined();
    expect(withoutHashEntry(withoutHashEntry(hash, 'fc-a'), 'fc-b')).toBe('#other=x');
    expect(withoutHashEntry('#fc-a=1', 'fc-a')).toBe('');
  });

  it('two shared players and a console on one page keep their own entries', () => {
    const other = { ...scenario, seed: 8 };
    let hash = '#fc-lab=abc';
    hash = hashKeeping(hash, scenarioShareKey(''), scenario);
    hash = hashKeeping(hash, scenarioShareKey('burst'), other);
    hash = hashKeeping(hash, scenarioShareKey(''), scenario); // the first player writes again
    expect(readHashEntry(hash, 'fc-lab')).toBe('abc');
    expect(readShared(hash, SCENARIO_KEY, parseScenario)).toEqual({ ok: true, value: parseScenario(scenario) });
    expect(readShared(hash, 'scenario.burst', parseScenario)).toEqual({ ok: true, value: parseScenario(other) });
  });

  it('drops its entry instead of keeping a stale one when the state grows too large to share', () => {
    const hash = hashKeeping('#x=1', 'k', { code: 'small' });
    expect(readHashEntry(hash, 'k')).toBeDefined();
    expect(hashKeeping(hash, 'k', { code: noise(60_000) })).toBe('#x=1');
  });

  it('a compressed entry supersedes the plain JSON one the embed wrote', () => {
    const shared = sharedHash(`#scenario-json=${encodeURIComponent(JSON.stringify(scenario))}`, SCENARIO_KEY, scenario);
    expect(shared.ok && shared.hash).toMatch(/^#scenario=[A-Za-z0-9+\-$]+$/);
  });
});

describe('scenario links', () => {
  it('say a hash without either form is absent rather than broken', () => {
    expect(readShared('', SCENARIO_KEY, parseScenario)).toEqual({ ok: 'absent' });
    expect(readShared('#fc-lab=abc', SCENARIO_KEY, parseScenario)).toEqual({ ok: 'absent' });
  });

  it('refuse a cut-off link with a clear message', () => {
    const hash = sharedHash('', SCENARIO_KEY, scenario);
    const result = readShared(hash.ok ? hash.hash.slice(0, 20) : '', SCENARIO_KEY, parseScenario);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(result.ok === false && result.message).toMatch(/damaged/);
  });

  it('list the engine\'s issues for a scenario that breaks a rule (F28)', () => {
    const bad = { ...scenario, functions: [{ ...scenario.functions[0], memoryMB: 64 }] };
    const lz = readShared(`#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(bad))}`, SCENARIO_KEY, parseScenario);
    expect(lz.ok === false && lz.message).toMatch(/^The link is not valid: functions\.0\.memoryMB: /);
    const json = readShared(`#scenario-json=${encodeURIComponent(JSON.stringify(bad))}`, SCENARIO_KEY, parseScenario);
    expect(json.ok === false && json.message).toMatch(/^The embedded scenario is not valid: functions\.0\.memoryMB: /);
  });

  it('read the embed\'s plain JSON, keeping a plus sign and spaces inside strings', () => {
    const named = { ...scenario, functions: [{ ...scenario.functions[0], environment: { GREETING: 'a + b c' } }] };
    const result = readShared(`#scenario-json=${encodeURIComponent(JSON.stringify(named))}`, SCENARIO_KEY, parseScenario);
    expect(result.ok === true && result.value.functions[0].environment).toEqual({ GREETING: 'a + b c' });
  });

  it('refuse unreadable or oversized plain JSON with a message', () => {
    expect(readShared(`#scenario-json=${encodeURIComponent('{"durationMs": 40')}`, SCENARIO_KEY, parseScenario))
      .toMatchObject({ ok: false, reason: 'corrupt', message: 'The embedded scenario is damaged: its data is not readable JSON.' });
    const long = readShared(`#scenario-json=${encodeURIComponent(`"${'x'.repeat(MAX_DECODED_CHARS + 1)}"`)}`, SCENARIO_KEY, parseScenario);
    expect(long).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('survive a link whose "+" became a space or whose characters were percent-escaped', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1000, max: 60_000 }), (seed, durationMs) => {
      const value = { ...scenario, seed, durationMs };
      const hash = sharedHash('', SCENARIO_KEY, value);
      if (!hash.ok) throw new Error(hash.message);
      const text = readHashEntry(hash.hash, SCENARIO_KEY)!;
      for (const mangled of [text.replace(/\+/g, ' '), encodeURIComponent(text)]) {
        expect(readShared(`#scenario=${mangled}`, SCENARIO_KEY, parseScenario)).toEqual({ ok: true, value: parseScenario(value) });
      }
    }), { numRuns: 50 });
  });
});

// Links written before the codec became one module (by the console, the player and /embed.js)
// must keep opening what they opened.
describe('links written by earlier versions', () => {
  const OLD_SCENARIO_LINK = '#scenario=N4IgzgphAmIFwHYA0JoFcBOBDALgSwHsA7AWTHgCYAGGlAMzSIGN9jy4BtUIrAWwnggsABzwgU-XgQwBPEgCFKAVgBsKABZYi0ADYQM8UAGs82wVOgQd41JlyFS7AIzUAvq4C6KMAUxMI7FwgODLCAnAgpgBuBEYC9IwsDoIiYijRBEz2xAAqoeEgAEoQAI5oATjFYMJs8UIYGHhRWDrsoLjwHFRISjQe7v1AA';
  const OLD_EMBED_HASH = '#scenario-json=%7B%22seed%22%3A7%2C%22durationMs%22%3A2000%2C%22functions%22%3A%5B%7B%22name%22%3A%22api%22%2C%22memoryMB%22%3A256%2C%22handler%22%3A%7B%22kind%22%3A%22model%22%2C%22durationMs%22%3A120%7D%7D%5D%2C%22sources%22%3A%5B%7B%22type%22%3A%22invoke%22%2C%22function%22%3A%22api%22%2C%22invocationType%22%3A%22RequestResponse%22%2C%22arrivals%22%3A%7B%22at%22%3A%5B0%2C500%5D%7D%7D%5D%7D';
  const OLD_CONSOLE_LINK = '#fc-lab=N4IgbiBcCMA0IBsCGA7A5gVyWgplEAVkmEgM4DGATgJYAOALiPOQPYAmekIOAHrS5XoACVilLCAFqjYIclIQF4hZAJ4pyQgBQ4AlIoB8W4EJSQhOAHQohAKiEAmIQF8dAbiEB6D0IDUQgCQAOihM3GA4KPQA0tQobPjkGOIsALahOOGR+MaBICi5ZvbQzqGiAGbUaFCglBiR1Cmceew4BKT2ACwWPKFIlOQS1PQ45PQYlE19KQBsHaGNKQIqALIAQlAArND28PQNOCwY9ADKUADs8FJxspT4sRw8FlcycukoYNSULCiNWZAA2v8QMcACoAQQA4gBRXq+IQAIxAAF0kU4nEA';

  it('a playground link and an embed hash give the same scenario as before', () => {
    const expected = parseScenario(scenario);
    expect(readShared(OLD_SCENARIO_LINK, SCENARIO_KEY, parseScenario)).toEqual({ ok: true, value: expected });
    expect(readShared(OLD_EMBED_HASH, SCENARIO_KEY, parseScenario)).toEqual({ ok: true, value: expected });
  });

  it('a function console link gives the same code, event and configuration', () => {
    const result = decodeShare(readHashEntry(OLD_CONSOLE_LINK, 'fc-lab')!, consoleStateSchema);
    expect(result.ok === true && result.value).toMatchObject({
      code: 'export const handler = async (e) => ({ n: e.n * 2 }); // + $\n', event: '{ "n": 21 }',
      config: { architecture: 'arm64', memoryMB: 512, timeoutS: 7, environment: [['STAGE', 'a + b']] },
    });
  });
});
