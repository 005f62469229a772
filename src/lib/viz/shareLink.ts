// Scenario share links: JSON -> lz-string (URL-safe) in the URL hash, and back through the
// engine's own validator, so a link either reproduces a scenario exactly or is refused whole.

import LZString from 'lz-string';

export const HASH_KEY = 'scenario';
const MAX_ENCODED_CHARS = 30_000;
export const MAX_DECODED_CHARS = 300_000; // a short link must not expand into megabytes

export type LinkResult<T> = { ok: true; scenario: T } | { ok: false; message: string } | { ok: 'absent' };

export function encodeScenarioHash(scenario: unknown): string {
  return `#${HASH_KEY}=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

/** Read `#scenario=...`; `validate` is parseScenario and throws on a bad scenario. */
export function decodeScenarioHash<T>(hash: string, validate: (input: unknown) => T): LinkResult<T> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(HASH_KEY);
  if (encoded === null) return { ok: 'absent' };
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, message: `The link is too long (${encoded.length} characters).` };
  let text: string | null = null;
  try {
    // URLSearchParams turns '+' into ' '; the URL-safe alphabet uses '+', so put it back.
    text = LZString.decompressFromEncodedURIComponent(encoded.replace(/ /g, '+'));
  } catch {
    text = null;
  }
  if (!text) return { ok: false, message: 'The link is damaged: it may have been cut off when it was copied.' };
  if (text.length > MAX_DECODED_CHARS) return { ok: false, message: 'The link expands to more data than a scenario may hold.' };
  return scenarioFromJson(text, validate, { notJson: 'The link is damaged: its data is not readable.', invalid: 'The link does not hold a valid scenario' });
}

/** JSON text to a validated scenario, taken whole or refused whole with a message. */
export function scenarioFromJson<T>(text: string, validate: (input: unknown) => T, messages: { notJson: string; invalid: string }): LinkResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: messages.notJson };
  }
  try {
    return { ok: true, scenario: validate(data) };
  } catch (err) {
    return { ok: false, message: `${messages.invalid}: ${describeIssues(err)}` };
  }
}

/** A ScenarioError's problems by path (the first three), or any other error's message. */
export function describeIssues(err: unknown): string {
  const issues = (err as { issues?: { path: string; message: string }[] })?.issues;
  if (Array.isArray(issues) && issues.length) {
    return issues.slice(0, 3).map((i) => `${i.path || 'scenario'}: ${i.message}`).join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
  }
  return err instanceof Error ? err.message : String(err);
}
