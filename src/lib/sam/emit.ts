// The download: template.yaml written with the `yaml` package, each function's handler under
// src/, and a folder per layer, ready for `sam build && sam deploy --guided`.
import { stringify } from 'yaml';
import { handlerFile } from './handlerFiles';
import { plan, samTemplate } from './template';
import type { ExportScenario, SamExportOptions, SamFile } from './types';

export function samTemplateYaml(scenario: ExportScenario, options: SamExportOptions = {}): string {
  // Long-form intrinsics ({ Ref }, { Fn::GetAtt }) need no custom YAML tags, so any YAML parser reads
  // the file. Written as YAML 1.1, which SAM's own reader follows: that quotes '2010-09-09' (else a
  // date there) and words such as yes/no/on/off (else booleans there).
  return stringify(samTemplate(scenario, options), { lineWidth: 0, version: '1.1', directives: false });
}

export function samFiles(scenario: ExportScenario, options: SamExportOptions = {}): SamFile[] {
  const files: SamFile[] = [{ path: 'template.yaml', content: samTemplateYaml(scenario, options) }];
  for (const p of plan(scenario, options)) {
    const file = handlerFile(p.fn);
    files.push({ path: `src/${p.dir}${file.fileName}`, content: file.content });
  }
  const layerNames = new Set(plan(scenario, options).flatMap((p) => (p.fn.layers ?? []).map((l) => (typeof l === 'string' ? l : l.name))));
  for (const name of layerNames) {
    // Node layers put packages under nodejs/node_modules (F39); this file marks where they go.
    files.push({ path: `layers/${name}/nodejs/package.json`, content: `${JSON.stringify({ name, private: true, dependencies: {} }, null, 2)}\n` });
  }
  return files;
}
