// A small Node.js-compatible Buffer for the handler's realm (browser workers have none).
// Self-contained: serialized with Function.prototype.toString into the worker, so it must not
// reference anything outside its own body.

export function makeBufferClass(): any {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64_INDEX = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;
  B64_INDEX['-'.charCodeAt(0)] = 62; // base64url alphabet decodes too, as in Node
  B64_INDEX['_'.charCodeAt(0)] = 63;
  const enc = new TextEncoder();
  const dec = new TextDecoder('utf-8');

  function normEncoding(e: unknown): string {
    const s = String(e === undefined ? 'utf8' : e).toLowerCase();
    if (s === 'utf-8' || s === 'utf8') return 'utf8';
    if (s === 'binary' || s === 'latin1') return 'latin1';
    if (s === 'ucs2' || s === 'ucs-2' || s === 'utf16le' || s === 'utf-16le') return 'utf16le';
    if (s === 'base64' || s === 'base64url' || s === 'hex' || s === 'ascii') return s;
    const err: any = new TypeError(`Unknown encoding: ${e}`);
    err.code = 'ERR_UNKNOWN_ENCODING';
    throw err;
  }

  function decodeBase64(str: string): Uint8Array {
    const out: number[] = [];
    let acc = 0;
    let bits = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      const v = c < 128 ? B64_INDEX[c] : -1;
      if (v < 0) { if (str[i] === '=') break; continue; } // Node skips invalid characters
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 0xff); }
    }
    return Uint8Array.from(out);
  }

  function encodeBase64(bytes: Uint8Array, url: boolean): string {
    let s = '';
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    const rest = bytes.length - i;
    if (rest === 1) s += B64[bytes[i] >> 2] + B64[(bytes[i] & 3) << 4] + '==';
    if (rest === 2) {
      const n = (bytes[i] << 8) | bytes[i + 1];
      s += B64[n >> 10] + B64[(n >> 4) & 63] + B64[(n & 15) << 2] + '=';
    }
    return url ? s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : s;
  }

  function stringToBytes(str: string, encoding: string): Uint8Array {
    switch (encoding) {
      case 'utf8': return enc.encode(str);
      case 'base64': case 'base64url': return decodeBase64(str);
      case 'hex': {
        const n = Math.floor(str.length / 2);
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const pair = str.slice(i * 2, i * 2 + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(pair)) return out.slice(0, i); // Node stops at the first bad pair
          out[i] = parseInt(pair, 16);
        }
        return out;
      }
      case 'utf16le': {
        const out = new Uint8Array(str.length * 2);
        for (let i = 0; i < str.length; i++) { const c = str.charCodeAt(i); out[i * 2] = c & 0xff; out[i * 2 + 1] = c >> 8; }
        return out;
      }
      default: { // latin1, ascii
        const out = new Uint8Array(str.length);
        for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
        return out;
      }
    }
  }

  function bytesToString(bytes: Uint8Array, encoding: string): string {
    switch (encoding) {
      case 'utf8': return dec.decode(bytes);
      case 'base64': return encodeBase64(bytes, false);
      case 'base64url': return encodeBase64(bytes, true);
      case 'hex': { let s = ''; for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16); return s; }
      case 'utf16le': {
        let s = '';
        for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
        return s;
      }
      case 'ascii': { let s = ''; for (const b of bytes) s += String.fromCharCode(b & 0x7f); return s; }
      default: { let s = ''; for (const b of bytes) s += String.fromCharCode(b); return s; }
    }
  }

  class Buffer extends Uint8Array {
    static from(value: any, encodingOrOffset?: any, length?: number): any {
      if (typeof value === 'string') return Buffer.fromBytes(stringToBytes(value, normEncoding(encodingOrOffset)));
      if (value instanceof ArrayBuffer) {
        const off = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
        return new Buffer(value, off, length === undefined ? value.byteLength - off : length);
      }
      if (ArrayBuffer.isView(value)) return Buffer.fromBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice());
      if (Array.isArray(value)) return Buffer.fromBytes(Uint8Array.from(value, (v) => Number(v) & 0xff));
      if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
      throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.');
    }
    static fromBytes(bytes: Uint8Array): any {
      return new Buffer(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
    }
    static alloc(size: number, fill?: any, encoding?: string): any {
      const b = new Buffer(size);
      if (fill !== undefined) b.fill(typeof fill === 'string' ? stringToBytes(fill, normEncoding(encoding))[0] ?? 0 : fill);
      return b;
    }
    static allocUnsafe(size: number): any { return new Buffer(size); }
    static isBuffer(v: unknown): boolean { return v instanceof Buffer; }
    static isEncoding(e: unknown): boolean { try { normEncoding(e); return typeof e === 'string'; } catch { return false; } }
    static byteLength(v: any, encoding?: string): number {
      if (typeof v === 'string') return stringToBytes(v, normEncoding(encoding)).length;
      return v.byteLength;
    }
    static concat(list: Uint8Array[], totalLength?: number): any {
      const total = totalLength ?? list.reduce((n, b) => n + b.length, 0);
      const out = new Buffer(total);
      let off = 0;
      for (const b of list) { if (off >= total) break; out.set(b.subarray(0, total - off), off); off += b.length; }
      return out;
    }
    static compare(a: Uint8Array, b: Uint8Array): number {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
    }
    toString(encoding?: string, start?: number, end?: number): string {
      const s = start === undefined ? 0 : Math.max(0, start);
      const e = end === undefined ? this.length : Math.min(this.length, end);
      return bytesToString(new Uint8Array(this.buffer, this.byteOffset + s, Math.max(0, e - s)), normEncoding(encoding));
    }
    toJSON(): { type: 'Buffer'; data: number[] } { return { type: 'Buffer', data: Array.from(this) }; }
    equals(other: Uint8Array): boolean { return Buffer.compare(this, other) === 0; }
    compare(other: Uint8Array): number { return Buffer.compare(this, other); }
    write(str: string, offset = 0, length?: number, encoding?: string): number {
      if (typeof length === 'string') { encoding = length; length = undefined; }
      const bytes = stringToBytes(str, normEncoding(encoding)).subarray(0, length ?? this.length - offset);
      this.set(bytes.subarray(0, this.length - offset), offset);
      return Math.min(bytes.length, this.length - offset);
    }
    slice(start?: number, end?: number): any { return this.subarray(start, end); }
    subarray(start?: number, end?: number): any {
      const u = Uint8Array.prototype.subarray.call(this, start, end);
      return new Buffer(u.buffer as ArrayBuffer, u.byteOffset, u.byteLength);
    }
    readUInt8(o = 0): number { return this[o]; }
    readUInt16BE(o = 0): number { return (this[o] << 8) | this[o + 1]; }
    readUInt32BE(o = 0): number { return new DataView(this.buffer, this.byteOffset).getUint32(o); }
    readInt32BE(o = 0): number { return new DataView(this.buffer, this.byteOffset).getInt32(o); }
    readUInt32LE(o = 0): number { return new DataView(this.buffer, this.byteOffset).getUint32(o, true); }
    writeUInt32BE(v: number, o = 0): number { new DataView(this.buffer, this.byteOffset).setUint32(o, v); return o + 4; }
  }
  Object.defineProperty(Buffer.prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value(this: Uint8Array) {
      const hex = Array.from(this.subarray(0, 50), (b) => (b < 16 ? '0' : '') + b.toString(16)).join(' ');
      return `<Buffer${hex ? ' ' + hex : ''}${this.length > 50 ? ` ... ${this.length - 50} more bytes` : ''}>`;
    },
  });
  return Buffer;
}
