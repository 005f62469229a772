// The README's generated list of scenario fields: where it sits between two markers, so a script
// can rewrite it and a test can check it never drifts from the schema.
import { scenarioFieldTable } from './fieldTable';

export const FIELDS_START = '<!-- scenario fields: generated from simulator/scenario/schema.ts by `npx tsx scripts/scenario-fields.ts` -->';
export const FIELDS_END = '<!-- end of scenario fields -->';

/** `readme` with the text between the markers replaced by the current table. */
export function withFieldTable(readme: string): string {
  const start = readme.indexOf(FIELDS_START);
  const end = readme.indexOf(FIELDS_END);
  if (start < 0 || end < start) throw new Error('the README has no scenario field markers');
  return `${readme.slice(0, start + FIELDS_START.length)}\n${scenarioFieldTable()}\n${readme.slice(end)}`;
}
