import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeBufferClass } from './buffer';

const SimBuffer = makeBufferClass();
const encodings = ['utf8', 'base64', 'base64url', 'hex', 'latin1', 'ascii', 'utf16le'] as const;

// Node's Buffer is the reference; handlers decode Kinesis and SQS payloads with it.
describe('the handler realm Buffer', () => {
  test('encodes any string to every encoding exactly like Node', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...encodings), (s, enc) => {
      expect(SimBuffer.from(s, 'utf8').toString(enc)).toBe(Buffer.from(s, 'utf8').toString(enc));
    }), { numRuns: 300 });
  });

  test('decodes any bytes from base64, base64url and hex exactly like Node', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('base64', 'base64url', 'hex'), (bytes, enc) => {
      const text = Buffer.from(bytes).toString(enc);
      expect(Array.from(SimBuffer.from(text, enc))).toEqual(Array.from(Buffer.from(text, enc)));
      expect(SimBuffer.from(text, enc).toString('utf8')).toBe(Buffer.from(text, enc).toString('utf8'));
    }), { numRuns: 300 });
  });

  test('agrees with Node on lengths, concat, equality and JSON', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(SimBuffer.byteLength(a)).toBe(Buffer.byteLength(a));
      expect(SimBuffer.concat([SimBuffer.from(a), SimBuffer.from(b)]).toString('hex')).toBe(Buffer.concat([Buffer.from(a), Buffer.from(b)]).toString('hex'));
      expect(SimBuffer.from(a).equals(SimBuffer.from(b))).toBe(Buffer.from(a).equals(Buffer.from(b)));
      expect(JSON.stringify(SimBuffer.from(a))).toBe(JSON.stringify(Buffer.from(a)));
    }), { numRuns: 200 });
  });

  test('reads, writes and searches like Node (what the hand-written Buffer lacked)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 32 }), fc.double(), (bytes, d) => {
      const ours = SimBuffer.from(bytes);
      const node = Buffer.from(bytes);
      expect([ours.readDoubleLE(0), ours.readInt16BE(2), ours.readBigUInt64BE(0), ours.indexOf(bytes[3]), ours.includes(SimBuffer.from(bytes.subarray(1, 3)))])
        .toEqual([node.readDoubleLE(0), node.readInt16BE(2), node.readBigUInt64BE(0), node.indexOf(bytes[3]), node.includes(Buffer.from(bytes.subarray(1, 3)))]);
      expect(Array.from(SimBuffer.alloc(8).fill(0xab, 2).subarray(0, 6))).toEqual(Array.from(Buffer.alloc(8).fill(0xab, 2).subarray(0, 6)));
      const a = SimBuffer.alloc(8); a.writeDoubleBE(d);
      const b = Buffer.alloc(8); b.writeDoubleBE(d);
      expect(a.toString('hex')).toBe(b.toString('hex'));
    }), { numRuns: 100 });
  });
});
