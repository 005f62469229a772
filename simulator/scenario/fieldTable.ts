// The scenario's fields as JSON Schema (for editors) and as a table (for the docs), both read
// off the zod schema, so the field descriptions have one home: the .describe() texts in schema.ts.
import { z } from 'zod';
import { scenarioSchema } from './schema';

type JsonSchema = {
  type?: string; const?: unknown; enum?: unknown[]; description?: string;
  properties?: Record<string, JsonSchema>; required?: string[];
  items?: JsonSchema; additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[];
};

export interface FieldRow {
  /** Dotted path: `[]` is any array item, `<name>` any key, `{type=sqs}` the variants that have it. */
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** The scenario as JSON Schema (draft 2020-12), descriptions included; cross-field rules are parseScenario's. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

const DIST_PATH = 'Dist';
const variantsOf = (s: JsonSchema): JsonSchema[] | undefined => s.oneOf ?? s.anyOf;
const isDist = (s: JsonSchema): boolean => !!variantsOf(s)?.every((v) => v.properties?.dist?.const !== undefined);
const isMsOrDist = (s: JsonSchema): boolean => !!s.anyOf?.some((v) => v.type === 'number') && !!s.anyOf?.some(isDist);

function typeOf(s: JsonSchema): string {
  if (isMsOrDist(s)) return `ms or ${DIST_PATH}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = variantsOf(s);
  if (variants?.every((v) => v.const !== undefined)) return variants.map((v) => JSON.stringify(v.const)).join(' | ');
  if (variants) {
    const key = discriminator(variants);
    return key ? `object, by ${key}` : [...new Set(variants.map(typeOf))].join(' | ');
  }
  if (s.type === 'array') return `array of ${s.items ? typeOf(s.items) : 'any'}`;
  if (s.type === 'object' && typeof s.additionalProperties === 'object') return `map of ${typeOf(s.additionalProperties)}`;
  return s.type ?? 'any JSON';
}

/** The discriminator of a union of objects: a property every variant fixes to a constant. */
function discriminator(variants: JsonSchema[]): string | undefined {
  const first = Object.keys(variants[0]?.properties ?? {});
  return first.find((key) => variants.every((v) => v.properties?.[key]?.const !== undefined));
}

/** Rows of a union's variants; a row not in every variant names the variants it is in. */
function unionRows(variants: JsonSchema[], path: string): FieldRow[] {
  const key = discriminator(variants);
  const seen = new Map<string, { row: FieldRow; labels: string[] }>();
  for (const v of variants) {
    const label = key ? String(v.properties?.[key]?.const) : '';
    for (const row of fieldRows(v, path)) {
      const id = JSON.stringify([row.path, row.type, row.required, row.description]);
      const entry = seen.get(id) ?? { row, labels: [] };
      entry.labels.push(label);
      seen.set(id, entry);
    }
  }
  return [...seen.values()].map(({ row, labels }) => {
    if (!key || labels.length === variants.length) return row;
    return { ...row, path: `${path}{${key}=${labels.join(',')}}${row.path.slice(path.length)}` };
  });
}

/** Every field under `schema`, depth first, in the schema's order. */
function fieldRows(schema: JsonSchema, path: string): FieldRow[] {
  if (isMsOrDist(schema) || isDist(schema)) return [];
  const variants = variantsOf(schema);
  if (variants) return unionRows(variants, path);
  if (schema.type === 'array' && schema.items) return fieldRows(schema.items, `${path}[]`);
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    return fieldRows(schema.additionalProperties, `${path}.<name>`);
  }
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const at = path ? `${path}.${name}` : name;
    const row = { path: at, type: typeOf(field), required: required.has(name), description: field.description ?? '' };
    return [row, ...fieldRows(field, at)];
  });
}

/** The scenario's fields, then the fields of a duration distribution (`Dist`) once. */
export function scenarioFieldRows(): FieldRow[] {
  const root = scenarioJsonSchema() as JsonSchema;
  const dist = findDist(root);
  return [...fieldRows(root, ''), ...(dist ? unionRows(variantsOf(dist)!, DIST_PATH) : [])];
}

function findDist(s: JsonSchema): JsonSchema | undefined {
  if (isDist(s)) return s;
  const children = [...Object.values(s.properties ?? {}), ...(variantsOf(s) ?? []), s.items,
    typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined];
  for (const child of children) {
    const found = child && findDist(child);
    if (found) return found;
  }
  return undefined;
}

/** The rows as a Markdown table. */
export function scenarioFieldTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = scenarioFieldRows().map((r) =>
    `| \`${r.path}\` | ${cell(r.type)} | ${r.required ? 'yes' : ''} | ${cell(r.description)} |`);
  return ['| Field | Type | Required | What it means |', '| --- | --- | --- | --- |', ...lines].join('\n');
}
