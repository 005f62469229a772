// The one-tag embed (/embed.js) has no lz-string to compress with, so it hands the author's
// scenario to the embed page as plain JSON: `#scenario-json=<encodeURIComponent(JSON)>`.
// Checked with the engine's own validator, like a share link: taken whole or refused whole.

import { MAX_DECODED_CHARS, scenarioFromJson, type LinkResult } from '../viz/shareLink';

export const JSON_HASH_KEY = 'scenario-json';

/** Read `#scenario-json=...`; `validate` is parseScenario and throws on a bad scenario. */
export function decodeScenarioJsonHash<T>(hash: string, validate: (input: unknown) => T): LinkResult<T> {
  // URLSearchParams decodes percent escapes; encodeURIComponent never leaves a bare '+'.
  const text = new URLSearchParams(hash.replace(/^#/, '')).get(JSON_HASH_KEY);
  if (text === null) return { ok: 'absent' };
  if (text.length > MAX_DECODED_CHARS) return { ok: false, message: `The embedded scenario is too long (${text.length} characters).` };
  return scenarioFromJson(text, validate, { notJson: 'The embedded scenario is not readable JSON.', invalid: 'The embedded scenario is not valid' });
}
