// The `node:crypto` subset handlers commonly touch, driven by the environment's seeded random
// source so deterministic runs repeat exactly. Self-contained (serialized with toString).

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

  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  function sha256(data: Uint8Array): Uint8Array {
    const len = data.length;
    const padded = new Uint8Array(((len + 9 + 63) >> 6) << 6);
    padded.set(data);
    padded[len] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 4, len * 8);
    view.setUint32(padded.length - 8, Math.floor(len / 0x20000000));
    const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const W = new Uint32Array(64);
    const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
    for (let off = 0; off < padded.length; off += 64) {
      for (let i = 0; i < 16; i++) W[i] = view.getUint32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(W[i - 15], 7) ^ rotr(W[i - 15], 18) ^ (W[i - 15] >>> 3);
        const s1 = rotr(W[i - 2], 17) ^ rotr(W[i - 2], 19) ^ (W[i - 2] >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    const out = new Uint8Array(32);
    const ov = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) ov.setUint32(i * 4, H[i]);
    return out;
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
    if (String(algorithm).toLowerCase() !== 'sha256') unsupported(algorithm);
    return digestObject(sha256);
  }
  function createHmac(algorithm: string, key: any) {
    if (String(algorithm).toLowerCase() !== 'sha256') unsupported(algorithm);
    let k = toBytes(key);
    if (k.length > 64) k = sha256(k);
    const block = new Uint8Array(64);
    block.set(k);
    const ipad = block.map((x) => x ^ 0x36);
    const opad = block.map((x) => x ^ 0x5c);
    return digestObject((data) => sha256(Buffer.concat([opad, sha256(Buffer.concat([ipad, data]))])));
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
