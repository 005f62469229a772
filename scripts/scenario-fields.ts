// Rewrites the scenario field table in simulator/README.md from the zod schema's descriptions.
//   npx tsx scripts/scenario-fields.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldTable } from '../simulator/scenario/fieldDocs';

const path = new URL('../simulator/README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withFieldTable(before);
writeFileSync(path, after);
console.log(after === before ? 'simulator/README.md: the field table was up to date' : 'simulator/README.md: field table rewritten');
