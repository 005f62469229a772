// The unzipped size of a function's package and its layers, the deploy-time limits on them
// (F36, F37), and what the size adds to a cold start (F24).
import { utf8ByteLength as utf8Bytes } from '../core/utf8';
import { CURATED_PACKAGE_NAMES, curatedPackageBytes } from '../runtime/mount';
import type { FunctionPackageFields, LayerSpec } from '../scenario/types';

/** F37: at most 5 layers per function. */
export const MAX_LAYERS = 5;
/** F36: 250 MB unzipped for the function's code and all its layers; Lambda's messages give the bytes. */
export const MAX_UNZIPPED_BYTES = 262_144_000;

// An unknown name is the schema's own error; it adds nothing here.
const packagesBytes = (names: readonly string[] | undefined) =>
  (names ?? []).reduce((n, p) => n + (CURATED_PACKAGE_NAMES.includes(p) ? curatedPackageBytes(p) : 0), 0);

export function layerBytes(layer: LayerSpec): number {
  if (layer.sizeBytes !== undefined) return layer.sizeBytes;
  return Object.values(layer.files ?? {}).reduce((n, text) => n + utf8Bytes(text), 0) + packagesBytes(layer.packages);
}

/** The function's own package: `codeSizeBytes`, else its handler source plus its curated packages. */
export function codeBytes(fn: FunctionPackageFields & { handler: { kind: string; source?: string } }): number {
  if (fn.codeSizeBytes !== undefined) return fn.codeSizeBytes;
  return (fn.handler.kind === 'code' && fn.handler.source ? utf8Bytes(fn.handler.source) : 0) + packagesBytes(fn.packages);
}

/**
 * What CreateFunction / UpdateFunctionConfiguration would refuse, in Lambda's own words
 * (InvalidParameterValueException). The size messages are the ones Lambda returns as quoted in
 * public reports, e.g. https://github.com/bento-video/bento/issues/1 (layers alone) and
 * https://github.com/brefphp/bref/issues/450 (code plus layers).
 */
export function deployErrors(fn: FunctionPackageFields & { handler: { kind: string; source?: string } }): string[] {
  const layers = fn.layers ?? [];
  if (layers.length > MAX_LAYERS) return [`InvalidParameterValueException: Cannot reference more than ${MAX_LAYERS} layers.`];
  const inLayers = layers.reduce((n, l) => n + layerBytes(l), 0);
  if (inLayers > MAX_UNZIPPED_BYTES) return [`InvalidParameterValueException: Layers consume more than the available size of ${MAX_UNZIPPED_BYTES} bytes`];
  const total = inLayers + codeBytes(fn);
  if (layers.length > 0 && total > MAX_UNZIPPED_BYTES) {
    return [`InvalidParameterValueException: Function code combined with layers exceeds the maximum allowed size of ${MAX_UNZIPPED_BYTES} bytes. The actual size is ${total} bytes.`];
  }
  if (total > MAX_UNZIPPED_BYTES) return [`InvalidParameterValueException: Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`];
  return [];
}

/** Function code plus layers, unzipped. */
export function packageBytes(fn: FunctionPackageFields & { handler: { kind: string; source?: string } }): number {
  return codeBytes(fn) + (fn.layers ?? []).reduce((n, l) => n + layerBytes(l), 0);
}
