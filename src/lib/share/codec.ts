// The one share codec: a widget's state in the URL hash, as a keyed entry so that several
// widgets on a page keep their own (`#fc-lab=…&scenario=…`). A value is JSON compressed with
// lz-string's URL-safe alphabet; the one-tag embed, which has no compressor, writes plain JSON
// under `<key>-json` instead. Decoding never throws: a mangled, oversized or wrong-shaped link
// gives a reason the widget can show next to its defaults.
import LZString from 'lz-string';

/** Longest encoded payload we write or accept; chat apps and browsers cope well below this. */
export const MAX_ENCODED_CHARS = 30_000;
/** Guard against decompression bombs: a short link must not expand into megabytes. */
export const MAX_DECODED_CHARS = 300_000;
/** The playground's key; old links (`#scenario=…`, `#scenario-json=…`) use it. */
export const SCENARIO_KEY = 'scenario';

export type DecodeFailure = { ok: false; reason: 'too-large' | 'corrupt' | 'invalid'; message: string };
export type DecodeResult<T> = { ok: true; value: T } | DecodeFailure;
export type HashResult<T> = DecodeResult<T> | { ok: 'absent' };
export type EncodeResult = { ok: true; encoded: string } | { ok: false; message: string };

/** A zod schema, or a function like parseScenario that returns the value or throws. */
export type Check<T> = { parse(data: unknown): T } | ((data: unknown) => T);

export function encodeShare(value: unknown): EncodeResult {
  const json = JSON.stringify(value);
  const encoded = LZString.compressToEncodedURIComponent(json);
  // The decoder's two limits, so a link we write is a link we read.
  if (encoded.length > MAX_ENCODED_CHARS || json.length > MAX_DECODED_CHARS) {
    const size = encoded.length > MAX_ENCODED_CHARS ? `${encoded.length} characters, limit ${MAX_ENCODED_CHARS}` : `${json.length} characters of data, limit ${MAX_DECODED_CHARS}`;
    return { ok: false, message: `This is too large for a link (${size}). Make it smaller to share it.` };
  }
  return { ok: true, encoded };
}

/** `what` starts each message: "The shared link is damaged …". */
export function decodeShare<T>(encoded: string, check: Check<T>, what = 'The shared link'): DecodeResult<T> {
  if (encoded.length > MAX_ENCODED_CHARS) {
    return { ok: false, reason: 'too-large', message: `${what} is too long (${encoded.length} characters, limit ${MAX_ENCODED_CHARS}).` };
  }
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(encoded);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, reason: 'corrupt', message: `${what} is damaged (it may have been cut off when copied).` };
  return decodeJson(text, check, what);
}

/** Plain JSON text (the `<key>-json` form), taken whole or refused whole like a link. */
export function decodeJson<T>(text: string, check: Check<T>, what = 'The embedded scenario'): DecodeResult<T> {
  if (text.length > MAX_DECODED_CHARS) {
    return { ok: false, reason: 'too-large', message: `${what} is too long: it holds more than ${MAX_DECODED_CHARS} characters of data.` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', message: `${what} is damaged: its data is not readable JSON.` };
  }
  try {
    return { ok: true, value: typeof check === 'function' ? check(data) : check.parse(data) };
  } catch (err) {
    return { ok: false, reason: 'invalid', message: `${what} is not valid: ${describeIssues(err)}` };
  }
}

/** A validator's problems by path (the first three), or any other error's message. */
export function describeIssues(err: unknown): string {
  const issues = (err as { issues?: { path: string | PropertyKey[]; message: string }[] })?.issues;
  if (Array.isArray(issues) && issues.length) {
    const at = (path: string | PropertyKey[]) => (Array.isArray(path) ? path.map(String).join('.') : path);
    return issues.slice(0, 3).map((i) => `${at(i.path) || 'top level'}: ${i.message}`).join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
  }
  return err instanceof Error ? err.message : String(err);
}

/** Reads `key` (compressed) or else `<key>-json` (plain) from a hash; 'absent' if neither is there. */
export function readShared<T>(hash: string, key: string, check: Check<T>): HashResult<T> {
  const encoded = readHashEntry(hash, key);
  if (encoded !== undefined) return decodeShare(repairEncoded(encoded), check, 'The link');
  // Percent escapes as the embed writes them, read the way URLSearchParams reads them.
  const json = readHashEntry(hash, `${key}-json`);
  if (json !== undefined) return decodeJson(new URLSearchParams(`v=${json}`).get('v') ?? '', check);
  return { ok: 'absent' };
}

/** The hash key of a shared player: `data-share=""` is the playground's, a name gives its own. */
export function scenarioShareKey(name: string | undefined): string {
  return name ? `${SCENARIO_KEY}.${name}` : SCENARIO_KEY;
}

/**
 * The hash with `value` shared under `key`, other entries kept (a plain `<key>-json` entry is
 * superseded); or why it cannot be.
 */
export function sharedHash(hash: string, key: string, value: unknown): { ok: true; hash: string } | { ok: false; message: string } {
  const encoded = encodeShare(value);
  return encoded.ok ? { ok: true, hash: withHashEntry(withoutHashEntry(hash, `${key}-json`), key, encoded.encoded) } : encoded;
}

/** For a URL kept in step with a widget: `value` under `key`, or no entry when too large. */
export function hashKeeping(hash: string, key: string, value: unknown): string {
  const shared = sharedHash(hash, key, value);
  return shared.ok ? shared.hash : withoutHashEntry(withoutHashEntry(hash, key), `${key}-json`);
}

/**
 * Undoes what a URL's travels may do to the lz alphabet (A-Z a-z 0-9 + - $, no '%'): percent
 * escapes, and '+' read as a space, as the first scenario links were decoded.
 */
function repairEncoded(value: string): string {
  let text = value;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      /* a stray '%': leave it for the decoder to refuse */
    }
  }
  return text.replace(/ /g, '+');
}

// Entries are `key=value` joined by '&'. Not URLSearchParams: it would turn the '+' of
// lz-string's alphabet into a space.

export function readHashEntry(hash: string, key: string): string | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return undefined;
}

/** The hash with `key` set to `value` (replacing an earlier entry), keeping other entries. */
export function withHashEntry(hash: string, key: string, value: string): string {
  return '#' + [...otherEntries(hash, key), `${key}=${value}`].join('&');
}

/** The hash without `key`'s entry ('' when nothing is left). */
export function withoutHashEntry(hash: string, key: string): string {
  const rest = otherEntries(hash, key);
  return rest.length ? `#${rest.join('&')}` : '';
}

function otherEntries(hash: string, key: string): string[] {
  return hash.replace(/^#/, '').split('&').filter((part) => part !== '' && !part.startsWith(`${key}=`));
}
