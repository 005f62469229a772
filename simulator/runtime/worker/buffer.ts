// Node.js's Buffer for the handler's realm (browser workers have none): the `buffer` package,
// the browser edition of Node's own API, with the two places it differs from Node 24 mended:
// the base64url encoding (Node 15+) and UTF-8 decoding of invalid bytes (WHATWG, as Node does).
import { Buffer as PackageBuffer } from 'buffer';

export function makeBufferClass(): any {
  const B: any = PackageBuffer;
  const utf8 = new TextDecoder('utf-8');
  const lower = (e: unknown) => (e === undefined ? 'utf8' : String(e).toLowerCase());
  const toUrl = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const fromUrl = (s: string) => s.replace(/-/g, '+').replace(/_/g, '/');

  const { toString, write } = B.prototype;
  const { from, byteLength, isEncoding } = B;
  B.prototype.toString = function (this: Uint8Array, encoding?: string, start?: number, end?: number) {
    const e = lower(encoding);
    if (e === 'base64url') return toUrl(toString.call(this, 'base64', start, end));
    if (e === 'utf8' || e === 'utf-8') {
      const s = Math.max(0, Number(start) || 0);
      const stop = end === undefined ? this.length : Math.min(this.length, Number(end) || 0);
      return s >= stop ? '' : utf8.decode(this.subarray(s, stop));
    }
    return toString.call(this, encoding, start, end);
  };
  B.prototype.write = function (this: any, str: string, ...rest: any[]) {
    const i = rest.findIndex((a) => typeof a === 'string');
    if (i >= 0 && lower(rest[i]) === 'base64url') { rest[i] = 'base64'; str = fromUrl(str); }
    return write.call(this, str, ...rest);
  };
  B.from = function (value: any, encodingOrOffset?: any, length?: number) {
    if (typeof value === 'string' && lower(encodingOrOffset) === 'base64url') return from.call(B, fromUrl(value), 'base64');
    return from.call(B, value, encodingOrOffset, length);
  };
  B.byteLength = function (value: any, encoding?: string) {
    return byteLength.call(B, typeof value === 'string' && lower(encoding) === 'base64url' ? fromUrl(value) : value, lower(encoding) === 'base64url' ? 'base64' : encoding);
  };
  B.isEncoding = (e: unknown) => lower(e) === 'base64url' || isEncoding.call(B, e);
  return B;
}
