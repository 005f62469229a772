// The zod schema of a function's layers and its own package as a scenario writes them; the
// types are read off it (layers/packageSize.ts uses them, scenario/schema.ts spreads the fields).
import { z } from 'zod';
import { CURATED_PACKAGE_NAMES } from '../runtime/mount';

const curatedPackage = z.string().refine((p) => CURATED_PACKAGE_NAMES.includes(p), {
  message: `a package is one of the curated set: ${CURATED_PACKAGE_NAMES.join(', ')}`,
});
export const layerSchema = z.strictObject({
  name: z.string().min(1).describe('The layer\'s name, as in its ARN.'),
  version: z.number().int().positive().optional().describe('The layer version number.'),
  files: z.record(z.string(), z.string()).optional()
    .describe('Files by path inside the layer, e.g. nodejs/node_modules/x/index.js; extracted to /opt, a later layer\'s file winning (F38, F39).'),
  packages: z.array(curatedPackage).optional()
    .describe('Curated npm packages the layer carries under nodejs/node_modules (e.g. lodash).'),
  sizeBytes: z.number().int().nonnegative().optional()
    .describe('Unzipped size in bytes, at least the files\' UTF-8 bytes plus the packages\' sizes (the default) (F36).'),
}).describe('A Lambda layer: a set of files mounted under /opt at Init.');

/** FunctionSpec's layer and package fields. */
export const packageFields = {
  layers: z.array(layerSchema).optional()
    .describe('Layers in extraction order; at most 5 (F37), 250 MB unzipped with the code (F36); their size lengthens Init (F24).'),
  packages: z.array(curatedPackage).optional()
    .describe('Curated npm packages in the function\'s own package, under /var/task/node_modules.'),
  codeSizeBytes: z.number().int().nonnegative().optional()
    .describe('Unzipped size of the function\'s own package in bytes, at least the code plus its packages (the default) (F24, F36).'),
};

/** One layer: files extracted to /opt in the listed order (F38), curated packages, a size (F36). */
export type LayerSpec = z.infer<typeof layerSchema>;
const packageFieldsSchema = z.strictObject(packageFields);
export type FunctionPackageFields = z.infer<typeof packageFieldsSchema>;
