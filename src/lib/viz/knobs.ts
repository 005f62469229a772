// Scenario knobs a lesson exposes (load rate, memory, timeout, reserved and provisioned
// concurrency, batch size, shards, ...). A knob names a path in the plain-JSON scenario;
// changing it yields a new scenario that is re-run from the start with the same seed.

export interface Knob {
  path: string; // dot path, e.g. 'functions.0.memoryMB'
  label: string;
  min: number;
  max: number;
  step: number;
  unit?: string;
  /** Empty input removes the field (e.g. no reserved concurrency). */
  optional?: boolean;
}

type Json = Record<string, unknown> | unknown[];

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of the scenario with one value set (undefined removes it); the input is untouched. */
export function setPath<T>(obj: T, path: string, value: number | undefined): T {
  const copy = structuredClone(obj) as unknown as Json;
  const keys = path.split('.');
  let cur: Record<string, unknown> = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy as unknown as T;
}

interface ScenarioShape {
  durationMs: number;
  account?: { concurrencyLimit?: number };
  functions: { name: string; memoryMB?: number; handler: { kind: string; durationMs?: unknown; errorRate?: number } }[];
  sources: { type: string; function: string; arrivals: { rate?: number; at?: number[] }; batchSize?: number; shards?: number }[];
}

/** The knobs that make sense for a scenario when a lesson does not choose its own. */
export function defaultKnobs(scenario: ScenarioShape): Knob[] {
  const knobs: Knob[] = [];
  const many = scenario.functions.length > 1;
  scenario.sources.forEach((s, i) => {
    const of = scenario.sources.length > 1 ? ` (${s.type} → ${s.function})` : '';
    if (typeof s.arrivals.rate === 'number') knobs.push({ path: `sources.${i}.arrivals.rate`, label: `Load rate${of}`, min: 0, max: 5000, step: 1, unit: 'req/s' });
    if (s.type === 'sqs' || s.type === 'kinesis' || s.type === 'dynamodb-streams') knobs.push({ path: `sources.${i}.batchSize`, label: `Batch size${of}`, min: 1, max: 10_000, step: 1, optional: true });
    if (s.type === 'kinesis' || s.type === 'dynamodb-streams') knobs.push({ path: `sources.${i}.shards`, label: `Shards${of}`, min: 1, max: 100, step: 1 });
  });
  scenario.functions.forEach((f, i) => {
    const of = many ? ` (${f.name})` : '';
    knobs.push({ path: `functions.${i}.memoryMB`, label: `Memory${of}`, min: 128, max: 10_240, step: 1, unit: 'MB', optional: true }); // F28
    knobs.push({ path: `functions.${i}.timeoutMs`, label: `Timeout${of}`, min: 1000, max: 900_000, step: 1000, unit: 'ms', optional: true }); // F29
    if (f.handler.kind === 'model' && typeof f.handler.durationMs === 'number') {
      knobs.push({ path: `functions.${i}.handler.durationMs`, label: `Handler duration${of}`, min: 0, max: 900_000, step: 1, unit: 'ms' });
    }
    knobs.push({ path: `functions.${i}.reservedConcurrency`, label: `Reserved concurrency${of}`, min: 0, max: 10_000, step: 1, optional: true }); // F59
    knobs.push({ path: `functions.${i}.provisionedConcurrency`, label: `Provisioned concurrency${of}`, min: 0, max: 10_000, step: 1, optional: true }); // F16
  });
  knobs.push({ path: 'account.concurrencyLimit', label: 'Account concurrency limit', min: 1, max: 100_000, step: 1, optional: true }); // F52
  knobs.push({ path: 'durationMs', label: 'Arrivals for', min: 100, max: 3_600_000, step: 100, unit: 'ms' });
  return knobs;
}
