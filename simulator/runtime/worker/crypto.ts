// The `node:crypto` subset handlers commonly touch, driven by the environment's seeded random
// source so deterministic runs repeat exactly. Digests come from @noble/hashes.
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha3_256, sha3_512 } from '@noble/hashes/sha3.js';

export function makeCrypto(random: () => number, Buffer: any): any {
  function randomFill(bytes: Uint8Array): Uint8Array {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    return bytes;
  }
  function randomUUID(): string {
    const b = randomFill(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; // RFC 4122 version 4
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => (x < 16 ? '0' : '') + x.toString(16)).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // Digests Node's createHash/createHmac name, from @noble/hashes (audited, no dependencies).
  const DIGESTS: Record<string, any> = { sha1, sha224, sha256, sha384, sha512, md5, 'sha3-256': sha3_256, 'sha3-512': sha3_512 };
  function digestOf(algorithm: string): any {
    const name = String(algorithm).toLowerCase().replace(/^(rsa-)?sha-?(\d)/, 'sha$2');
    return Object.prototype.hasOwnProperty.call(DIGESTS, name) ? DIGESTS[name] : unsupported(algorithm);
  }

  function toBytes(data: any, encoding?: string): Uint8Array {
    return typeof data === 'string' ? Buffer.from(data, encoding) : new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
  }
  function unsupported(algorithm: string): never {
    const err: any = new Error('Digest method not supported');
    err.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw Object.assign(err, { algorithm });
  }
  function digestObject(compute: (data: Uint8Array) => Uint8Array) {
    const parts: Uint8Array[] = [];
    const self = {
      update(data: any, encoding?: string) { parts.push(toBytes(data, encoding)); return self; },
      digest(encoding?: string) {
        const out = Buffer.from(compute(Buffer.concat(parts)));
        return encoding ? out.toString(encoding) : out;
      },
    };
    return self;
  }
  function createHash(algorithm: string) {
    const hash = digestOf(algorithm);
    return digestObject((data) => hash(data));
  }
  function createHmac(algorithm: string, key: any) {
    const hash = digestOf(algorithm);
    const k = toBytes(key);
    return digestObject((data) => hmac(hash, k, data));
  }
  function randomBytes(size: number, cb?: (err: unknown, buf: unknown) => void) {
    const buf = Buffer.from(randomFill(new Uint8Array(size)));
    if (cb) { queueMicrotask(() => cb(null, buf)); return undefined; }
    return buf;
  }
  function randomInt(min: number, max?: number) {
    if (max === undefined) { max = min; min = 0; }
    return min + Math.floor(random() * (max - min));
  }
  const getRandomValues = (arr: any) => { randomFill(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength)); return arr; };
  return {
    randomUUID, randomBytes, randomInt, createHash, createHmac, getRandomValues,
    webcrypto: { randomUUID, getRandomValues },
    timingSafeEqual: (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]),
  };
}
