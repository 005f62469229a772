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

/** A layer's unzipped bytes: `sizeBytes`, but never less than what its files and packages hold. */
export function layerBytes(layer: LayerSpec): number {
  const content = Object.values(layer.files ?? {}).reduce((n, text) => n + utf8Bytes(text), 0) + packagesBytes(layer.packages);
  return Math.max(layer.sizeBytes ?? 0, content);
}

/** The function's own package: `codeSizeBytes`, but never less than its handler source plus its packages. */
export function codeBytes(fn: FunctionPackageFields & { handler: { kind: string; source?: string } }): number {
  const content = (fn.handler.kind === 'code' && fn.handler.source ? utf8Bytes(fn.handler.source) : 0) + packagesBytes(fn.packages);
  return Math.max(fn.codeSizeBytes ?? 0, content);
}

/**
 * What CreateFunction / UpdateFunctionConfiguration would refuse, in Lambda's own words
 * (InvalidParameterValueException). The size messages are the ones Lambda returns as quoted in
 * public reports: https://github.com/bento-video/bento/issues/1 (layers alone),
 * https://github.com/brefphp/bref/issues/450 (code plus layers),
 * https://github.com/amazon-connect/voicemail-for-amazon-connect/issues/77 (code alone). When new
 * code is uploaded to a function that has layers, Lambda words it as "Unzipped size must be smaller
 * than <what the layers leave> bytes"; a scenario deploys code and layers together, so the
 * combined message is used. The wording of the 5-layer refusal is not confirmed by a source.
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
