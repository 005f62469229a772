// Reads a template back from its YAML and checks what every exported template must hold.
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { ExportScenario } from './types';
import { EXPORT_DEFAULTS } from './template';

export type Parsed = { Transform: string; Resources: Record<string, { Type: string; Properties?: Record<string, any> }>; Outputs?: Record<string, unknown> };

/** SAM creates these itself, so a template may refer to them without declaring them. */
const IMPLICIT = new Set(['ServerlessRestApi', 'AWS::Region']);

function references(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Ref' && typeof v === 'string') out.push(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v)) out.push(String(v[0]));
      else references(v, out);
    }
  }
  return out;
}

export function checkTemplate(yamlText: string, scenario: ExportScenario, only?: string[]): Parsed {
  const t = parse(yamlText) as Parsed;
  expect(t.Transform).toBe('AWS::Serverless-2016-10-31');
  for (const id of references(t.Resources)) if (!IMPLICIT.has(id)) expect(t.Resources, `reference to ${id}`).toHaveProperty(id);
  const fns = Object.values(t.Resources).filter((r) => r.Type === 'AWS::Serverless::Function');
  for (const f of scenario.functions.filter((fn) => !only || only.includes(fn.name))) {
    const r = fns.find((x) => x.Properties?.FunctionName === f.name);
    expect(r, `function ${f.name}`).toBeDefined();
    expect(r!.Properties!.MemorySize).toBe(f.memoryMB ?? EXPORT_DEFAULTS.memoryMB);
    expect(r!.Properties!.Timeout).toBe((f.timeoutMs ?? EXPORT_DEFAULTS.timeoutMs) / 1000);
  }
  return t;
}

export function fnResource(t: Parsed, name: string) {
  const r = Object.values(t.Resources).find((x) => x.Type === 'AWS::Serverless::Function' && x.Properties?.FunctionName === name);
  if (!r?.Properties) throw new Error(`no function ${name}`);
  return r.Properties;
}
