// The scenario's field descriptions have one home, the zod schema: every field has one, the
// JSON Schema editors read carries them, and the README's table is exactly what the schema gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFieldRows } from '../../simulator/scenario/fieldTable';
import { withFieldTable } from '../../simulator/scenario/fieldDocs';
import { scenarioJsonSchema } from '../../simulator/index';

describe('scenario field descriptions', () => {
  const rows = scenarioFieldRows();

  it('cover every field of the schema, the distributions included', () => {
    expect(rows.length).toBeGreaterThan(80);
    for (const path of ['functions[].memoryMB', 'sources[]{type=sqs}.batchSize', 'service.idleTimeoutMs', 'Dist{dist=lognormal}.mu']) {
      expect(rows.map((r) => r.path)).toContain(path);
    }
    expect(rows.filter((r) => r.description.trim().length < 10).map((r) => r.path)).toEqual([]);
  });

  it('reach the JSON Schema the playground editor uses (F28)', () => {
    const schema = scenarioJsonSchema() as { properties: { functions: { items: { properties: Record<string, { description?: string }> } } } };
    expect(schema.properties.functions.items.properties.memoryMB.description).toMatch(/128-10,240/);
  });

  it('are the table in simulator/README.md (run scripts/scenario-fields.ts after changing the schema)', () => {
    const readme = readFileSync(join(__dirname, '../../simulator/README.md'), 'utf8');
    expect(withFieldTable(readme)).toBe(readme);
  });
});
