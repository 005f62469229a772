import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { z } from 'zod';
import { decodeShare, encodeShare, MAX_DECODED_CHARS, MAX_ENCODED_CHARS } from './codec';
import { readHashEntry, withHashEntry } from './hash';

const schema = z.object({ v: z.literal(1), code: z.string(), n: z.number() });

function encoded(value: unknown): string {
  const r = encodeShare(value);
  if (!r.ok) throw new Error(r.message);
  return r.encoded;
}

describe('share-link codec', () => {
  it('round-trips any code text exactly, including unicode and newlines', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer(), (code, n) => {
      const value = { v: 1 as const, code, n };
      const back = decodeShare(encoded(value), schema);
      expect(back).toEqual({ ok: true, value });
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

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (junk) => {
      const result = decodeShare(junk, schema);
      if (result.ok) expect(schema.safeParse(result.value).success).toBe(true);
      else expect(result.message.length).toBeGreaterThan(0);
    }));
  });

  it('refuses well-formed data of the wrong shape and names where it is wrong', () => {
    const result = decodeShare(encoded({ v: 1, code: 42, n: 1 }), schema);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (!result.ok) expect(result.message).toContain('code');
  });

  it('refuses an oversized link before decompressing it', () => {
    const result = decodeShare('A'.repeat(MAX_ENCODED_CHARS + 1), schema);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses a short link that expands past the decoded limit', () => {
    const bomb = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, code: 'a'.repeat(MAX_DECODED_CHARS), n: 1 }));
    expect(bomb.length).toBeLessThan(MAX_ENCODED_CHARS);
    expect(decodeShare(bomb, schema)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('will not write a link longer than it would accept', () => {
    // Random text barely compresses, so this goes over the limit.
    let seed = 12345;
    const noisy = Array.from({ length: 60_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    const r = encodeShare({ v: 1, code: noisy, n: 1 });
    expect(r.ok).toBe(false);
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
  });
});
