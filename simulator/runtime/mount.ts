// The environment's files beyond the handler: layers extracted into /opt in order, a later
// layer's file replacing an earlier one's (F38), and the function's own node_modules under
// /var/task. Curated packages are vendored from node_modules at build time and loaded only when
// a function lists one, so pages that never use them do not download them.
import curated from './curated-packages.json' with { type: 'json' };
import type { CodeFunctionSpec } from './types';

export const CURATED_PACKAGE_NAMES: readonly string[] = Object.keys(curated);

/** Bytes a curated package adds to the unzipped package: the whole package as npm installs it (F36). */
export function curatedPackageBytes(name: string): number {
  const entry = (curated as Record<string, { unpackedBytes: number }>)[name];
  if (!entry) throw new Error(`${name} is not one of the curated packages (${CURATED_PACKAGE_NAMES.join(', ')})`);
  return entry.unpackedBytes;
}

type Vendored = Record<string, { version: string; files: Record<string, string> }>;

function place(files: Record<string, string>, dir: string, names: readonly string[], vendored: Vendored) {
  for (const name of names) {
    const pkg = vendored[name];
    if (!pkg) throw new Error(`${name} is not one of the curated packages (${CURATED_PACKAGE_NAMES.join(', ')})`);
    for (const [path, text] of Object.entries(pkg.files)) files[`${dir}/${name}/${path}`] = text;
  }
}

/** A path inside a layer, as extraction under /opt leaves it: no '.', '..' or empty parts. */
const insideLayer = (path: string) => path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..').join('/');

/** Absolute path → text for every file the worker can require; {} when there are none. */
export async function mountFiles(spec: Pick<CodeFunctionSpec, 'layers' | 'packages'>): Promise<Record<string, string>> {
  const layers = spec.layers ?? [];
  const wanted = [...(spec.packages ?? []), ...layers.flatMap((l) => l.packages ?? [])];
  if (wanted.length === 0 && layers.every((l) => !l.files || Object.keys(l.files).length === 0)) return {};
  const vendored: Vendored = wanted.length ? (await import('./generated/curated-packages.js')).CURATED_FILES : {};
  const files: Record<string, string> = {};
  for (const layer of layers) {
    place(files, '/opt/nodejs/node_modules', layer.packages ?? [], vendored);
    for (const [path, text] of Object.entries(layer.files ?? {})) files['/opt/' + insideLayer(path)] = text;
  }
  place(files, '/var/task/node_modules', spec.packages ?? [], vendored);
  return files;
}
