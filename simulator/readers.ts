// The records a worker sends as typed columns, decoded on a page: a third engine-free door
// beside constants.ts (index.ts re-exports both). Importing these from index.ts would bring
// the whole engine and zod onto the page's main thread.
export { unpackRecords, type PackedRecords, type UnpackedRecords } from './trace/packedRecords';
export { RecordStrings } from './trace/invocationColumns';
