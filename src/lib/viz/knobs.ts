// Scenario knobs a lesson exposes (load rate, memory, timeout, reserved and provisioned
// concurrency, batch size, shards, ...). A knob names a path in the plain-JSON scenario;
// changing it yields a new scenario that is re-run from the start with the same seed.
import type { Scenario } from '../../../simulator/index';
import { BATCH_SIZE_MAX, MEMORY_MAX_MB, MEMORY_MIN_MB, TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from '../../../simulator/constants';

export interface Knob {
  path: string; // dot path, e.g. 'functions.0.memoryMB'
  label: string;
  min: number;
  max: number;
  step: number;
  unit?: string;
  /** Empty input removes the field (e.g. no reserved concurrency). */
  optional?: boolean;
  /**
   * Scenario units per shown unit: a timeout is kept in ms but shown in seconds, as the Lambda
   * console shows it (scale 1000). min, max and step are in the shown unit.
   */
  scale?: number;
}

/** The knob's value as shown to people, from the scenario's value. */
export function shownValue(knob: Knob, stored: unknown): number | undefined {
  return typeof stored === 'number' ? stored / (knob.scale ?? 1) : undefined;
}

/** The scenario's value from what a person typed (undefined stays undefined). */
export function storedValue(knob: Knob, shown: number | undefined): number | undefined {
  return shown === undefined ? undefined : Math.round(shown * (knob.scale ?? 1) * 1000) / 1000;
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
export function setPath<T>(obj: T, path: string, value: number | string | undefined): T {
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

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** What is wrong with a typed value, in the knob's own words; undefined when it is in range. */
export function knobValueProblem(knob: Knob, shown: number | undefined): string | undefined {
  if (shown === undefined) return knob.optional ? undefined : `${knob.label} needs a value.`;
  if (!Number.isFinite(shown)) return `${knob.label} must be a number.`;
  if (shown >= knob.min && shown <= knob.max) return undefined;
  const unit = knob.unit ? ` ${knob.unit}` : '';
  return `${knob.label} goes from ${number(knob.min)} to ${number(knob.max)}${unit}; ${number(shown)} is too ${shown < knob.min ? 'small' : 'large'}.`;
}

/**
 * The engine's refusal (a ScenarioError) told in the knob's words: its own problem without the
 * scenario path or the fact id, which mean nothing to a learner.
 */
export function knobRefusal(knob: Knob, err: unknown): string {
  if (typeof err === 'string') return err; // already in words (a challenge's own check)
  const issues = (err as { issues?: { path: string; message: string }[] })?.issues;
  const plain = (m: string) => m.replace(/\s*\(F\d+\)/g, '');
  const mine = Array.isArray(issues) ? issues.filter((i) => i.path === knob.path) : [];
  if (mine.length) return `${knob.label}: ${mine.map((i) => plain(i.message)).join('; ')}.`;
  if (Array.isArray(issues) && issues.length) return `This value does not work with the rest of the scenario: ${plain(issues[0].message)}.`;
  return `${knob.label}: ${err instanceof Error ? err.message : String(err)}`;
}

/** The knobs that make sense for a scenario when a lesson does not choose its own. */
export function defaultKnobs(scenario: Scenario): Knob[] {
  const knobs: Knob[] = [];
  const many = scenario.functions.length > 1;
  scenario.sources.forEach((s, i) => {
    // A source's own name tells a steady load from a burst; type and function are the fallback.
    const of = scenario.sources.length > 1 ? ` (${s.name ?? `${s.type} → ${s.function}`})` : '';
    if ('rate' in s.arrivals) knobs.push({ path: `sources.${i}.arrivals.rate`, label: `Load rate${of}`, min: 0, max: 5000, step: 1, unit: 'req/s' });
    if (s.type === 'sqs' || s.type === 'kinesis' || s.type === 'dynamodb-streams') knobs.push({ path: `sources.${i}.batchSize`, label: `Batch size${of}`, min: 1, max: BATCH_SIZE_MAX, step: 1, optional: true }); // F73, F85
    if (s.type === 'kinesis' || s.type === 'dynamodb-streams') knobs.push({ path: `sources.${i}.shards`, label: `Shards${of}`, min: 1, max: 100, step: 1 });
  });
  scenario.functions.forEach((f, i) => {
    const of = many ? ` (${f.name})` : '';
    knobs.push({ path: `functions.${i}.memoryMB`, label: `Memory${of}`, min: MEMORY_MIN_MB, max: MEMORY_MAX_MB, step: 1, unit: 'MB', optional: true }); // F28
    knobs.push({ path: `functions.${i}.timeoutMs`, label: `Timeout${of}`, min: TIMEOUT_MIN_MS / 1000, max: TIMEOUT_MAX_MS / 1000, step: 1, unit: 's', scale: 1000, optional: true }); // F29
    if (f.handler.kind === 'model' && typeof f.handler.durationMs === 'number') {
      knobs.push({ path: `functions.${i}.handler.durationMs`, label: `Handler duration${of}`, min: 0, max: TIMEOUT_MAX_MS, step: 1, unit: 'ms' });
    }
    knobs.push({ path: `functions.${i}.reservedConcurrency`, label: `Reserved concurrency${of}`, min: 0, max: 10_000, step: 1, optional: true }); // F59
    knobs.push({ path: `functions.${i}.provisionedConcurrency`, label: `Provisioned concurrency${of}`, min: 0, max: 10_000, step: 1, optional: true }); // F16
  });
  knobs.push({ path: 'account.concurrencyLimit', label: 'Account concurrency limit', min: 1, max: 100_000, step: 1, optional: true }); // F52
  knobs.push({ path: 'durationMs', label: 'Arrivals for', min: 100, max: 3_600_000, step: 100, unit: 'ms' });
  return knobs;
}
