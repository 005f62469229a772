// The "field set" of a JSON value: every path with the value types seen there. Tests compare a
// builder's output with AWS's published samples by field set, not by example values.

export type FieldShape = Map<string, Set<string>>;

/** Paths like `Records[].s3.object.key`; array elements share one `[]` path. */
export function fieldShape(value: unknown): FieldShape {
  const shape: FieldShape = new Map();
  walk(value, '', shape);
  return shape;
}

function walk(value: unknown, path: string, shape: FieldShape): void {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (!shape.has(path)) shape.set(path, new Set());
  shape.get(path)!.add(type);
  if (Array.isArray(value)) for (const item of value) walk(item, `${path}[]`, shape);
  else if (type === 'object') {
    for (const [key, child] of Object.entries(value as object)) walk(child, path ? `${path}.${key}` : key, shape);
  }
}

export interface FieldShapeDiff {
  onlyInBuilt: string[];
  onlyInSample: string[];
  typeMismatches: string[];     // `path: built types != sample types`
}

export function compareFieldShapes(built: FieldShape, sample: FieldShape): FieldShapeDiff {
  const types = (s: Set<string>) => [...s].sort().join('|');
  const diff: FieldShapeDiff = { onlyInBuilt: [], onlyInSample: [], typeMismatches: [] };
  for (const [path, t] of built) {
    const other = sample.get(path);
    if (!other) diff.onlyInBuilt.push(path);
    else if (types(t) !== types(other)) diff.typeMismatches.push(`${path}: ${types(t)} != ${types(other)}`);
  }
  for (const path of sample.keys()) if (!built.has(path)) diff.onlyInSample.push(path);
  return diff;
}
