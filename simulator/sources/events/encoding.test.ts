import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiGatewayTime, base64Utf8, isoTimeSeconds, payloadText, seededRng, uuid } from './encoding';

describe('event encoding helpers', () => {
  it('uses a string payload verbatim and JSON.stringifies anything else (contract payload rule)', () => {
    expect(payloadText('{"a": 1}')).toBe('{"a": 1}');
    expect(payloadText('plain text')).toBe('plain text');
    expect(payloadText({ a: 1 })).toBe('{"a":1}');
    expect(payloadText(42)).toBe('42');
    expect(payloadText(null)).toBe('null');
    expect(payloadText([1, 'x'])).toBe('[1,"x"]');
  });

  it("base64-encodes UTF-8 exactly like Node's Buffer", () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
      expect(base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }));
  });

  it('draws version-4 UUIDs from the seeded generator, the same for the same seed', () => {
    const a = uuid(seededRng(9));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid(seededRng(9))).toBe(a);
    expect(uuid(seededRng(10))).not.toBe(a);
  });

  it("formats times as API Gateway and EventBridge write them", () => {
    expect(apiGatewayTime(1_718_635_693_506)).toBe('17/Jun/2024:14:48:13 +0000');
    expect(apiGatewayTime(Date.UTC(2026, 0, 5, 1, 2, 3))).toBe('05/Jan/2026:01:02:03 +0000');
    expect(isoTimeSeconds(Date.UTC(2026, 0, 5, 1, 2, 3, 999))).toBe('2026-01-05T01:02:03Z');
  });
});
