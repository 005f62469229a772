// The download: template.yaml written with the `yaml` package, each function's handler under
// src/, and a folder per layer, ready for `sam build && sam deploy --guided`.
import { stringify } from 'yaml';
import { handlerFile } from './handlerFiles';
import { layerFolder, plan, samTemplate } from './template';
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
  const seen = new Set<string>();
  for (const layer of plan(scenario, options).flatMap((p) => p.fn.layers ?? [])) {
    if (seen.has(layer.name)) continue;
    seen.add(layer.name);
    // The layer's own files at their paths (Node packages under nodejs/node_modules, F39); its
    // curated packages named in nodejs/package.json, to install there before deploying.
    for (const [path, content] of Object.entries(layer.files ?? {})) {
      // Never a path that would land outside the folder when unzipped.
      if (!path.startsWith('/') && !path.split('/').includes('..')) files.push({ path: `${layerFolder(layer.name)}${path}`, content });
    }
    const deps = Object.fromEntries((layer.packages ?? []).map((p) => [p, '*']));
    if (layer.packages?.length || !layer.files) {
      files.push({ path: `${layerFolder(layer.name)}nodejs/package.json`, content: `${JSON.stringify({ name: layer.name, private: true, dependencies: deps }, null, 2)}\n` });
    }
  }
  return files;
}
