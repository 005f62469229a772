// /scenario.schema.json: the scenario as JSON Schema, every field with its description, read off
// the engine's zod schema at build time. The playground's JSON editor checks against it (path in
// src/lib/editor/jsonBox.ts); any editor that knows JSON Schema can use it too.
import { scenarioJsonSchema } from '../../simulator/index';

export function GET(): Response {
  const schema = { ...scenarioJsonSchema(), title: 'Lambda Lab scenario' };
  return new Response(JSON.stringify(schema), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
