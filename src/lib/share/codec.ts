// Share links: state -> lz-string (URL-safe alphabet) -> URL hash, and back.
// Decoding never throws: a mangled, oversized or wrong-shaped link gives a reason the widget
// can show next to its defaults.
import LZString from 'lz-string';
import type { ZodType } from 'zod';

/** Longest encoded payload we write or accept; chat apps and browsers cope well below this. */
export const MAX_ENCODED_CHARS = 30_000;
/** Guard against decompression bombs: a short link must not expand into megabytes. */
export const MAX_DECODED_CHARS = 300_000;

export type DecodeFailure = { ok: false; reason: 'too-large' | 'corrupt' | 'invalid'; message: string };
export type DecodeResult<T> = { ok: true; value: T } | DecodeFailure;
export type EncodeResult = { ok: true; encoded: string } | { ok: false; message: string };

export function encodeShare(value: unknown): EncodeResult {
  const encoded = LZString.compressToEncodedURIComponent(JSON.stringify(value));
  if (encoded.length > MAX_ENCODED_CHARS) {
    return { ok: false, message: `This state is too large for a link (${encoded.length} characters, limit ${MAX_ENCODED_CHARS}). Shorten the code or the event.` };
  }
  return { ok: true, encoded };
}

export function decodeShare<T>(encoded: string, schema: ZodType<T>): DecodeResult<T> {
  if (encoded.length > MAX_ENCODED_CHARS) {
    return { ok: false, reason: 'too-large', message: `The shared link is too long (${encoded.length} characters, limit ${MAX_ENCODED_CHARS}).` };
  }
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(encoded);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, reason: 'corrupt', message: 'The shared link is damaged (it may have been cut off when copied).' };
  if (text.length > MAX_DECODED_CHARS) {
    return { ok: false, reason: 'too-large', message: 'The shared link expands to more data than the console accepts.' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', message: 'The shared link is damaged (its data is not readable).' };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
    return { ok: false, reason: 'invalid', message: `The shared link does not describe a function console${where}.` };
  }
  return { ok: true, value: parsed.data };
}
