// Small deterministic helpers the event builders share: ids drawn from the seeded PRNG,
// base64 of UTF-8 text, AWS timestamp formats, and the contract's payload rule.
import { mulberry32 } from '../../core/rng';
import { uuidV4From } from '../../core/ids';

/** A seeded uniform source in [0, 1), handed in by the engine (never Math.random). */
export type Rng = () => number;

/** Where and when an event is built: absolute epoch ms derived from the virtual clock. */
export interface EventContext {
  epochMs: number;
  rng: Rng;
  region?: string;
  accountId?: string;
}

/** A seeded generator for sample events and tests (sources get the engine's PRNG). */
export const seededRng: (seed: number) => Rng = mulberry32;

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT_ID = '123456789012';

const HEX = '0123456789abcdef';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The contract's payload rule: a string is used verbatim, anything else is JSON.stringify'd. */
export function payloadText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  return JSON.stringify(payload) ?? 'null';
}

/** n characters drawn from an alphabet. */
export function randomChars(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

export const randomHex = (rng: Rng, n: number): string => randomChars(rng, HEX, n);
export const randomBase64 = (rng: Rng, n: number): string => randomChars(rng, BASE64, n);
/** Shaped like an IAM unique id (AIDA..., AROA...): 21 upper-case letters and digits. */
export const randomIamId = (rng: Rng, prefix: string): string => prefix + randomChars(rng, UPPER_ALNUM, 17);

/** An RFC 4122 version-4 UUID from the seeded PRNG (four 32-bit draws). */
export const uuid: (rng: Rng) => string = uuidV4From;

const encoder = new TextEncoder();

/** Standard base64 of the UTF-8 bytes of text (Kinesis `data`). */
export function base64Utf8(text: string): string {
  const bytes = encoder.encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >>> 18) & 63] + BASE64[(n >>> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >>> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

/** UTF-8 byte length without encoding (payload size limits are counted per record). */
export { utf8ByteLength as utf8Length } from '../../core/utf8';

/** ISO-8601 with milliseconds, as S3, SNS and EventBridge write it. */
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** ISO-8601 without milliseconds (EventBridge `time`). */
export const isoTimeSeconds = (epochMs: number): string => isoTime(Math.floor(epochMs / 1000) * 1000).replace('.000Z', 'Z');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's CLF-style request time: `17/Jun/2024:14:48:13 +0000`. */
export function apiGatewayTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
