// Published versions and aliases. Each version is its own FunctionPool (its own configuration,
// handler and warm environments: an environment belongs to one version), sharing the function's
// concurrency, reservation and scaling window through `main`, the $LATEST pool. An alias routes
// each invocation to its version, or by weight to a second one, drawing from its own seeded stream.
import type { FunctionSpec } from '../scenario/types';
import { resolveFunction } from '../scenario/defaults';
import type { ResolvedFunctionSpec } from '../sources/types';
import type { FunctionPool } from './functionPool';
import type { AliasRoute } from './aliasRoute';

export const LATEST = '$LATEST';

/** 'fn:live' -> { name: 'fn', qualifier: 'live' }; 'fn' -> qualifier undefined. */
export function splitTarget(target: string): { name: string; qualifier: string | undefined } {
  const i = target.indexOf(':');
  return i < 0 ? { name: target, qualifier: undefined } : { name: target.slice(0, i), qualifier: target.slice(i + 1) };
}

export const baseName = (target: string): string => splitTarget(target).name;

export const isVersioned = (f: FunctionSpec): boolean => (f.versions?.length ?? 0) > 0 || (f.aliases?.length ?? 0) > 0;

/**
 * Resolved configuration of versions 1..n: the function's configuration with each version's
 * fields instead. Provisioned concurrency: the version's own plus its aliases' (F16); an alias
 * that routes to two versions splits its PC by weight (an assumption: not in the facts file).
 */
export function versionSpecs(f: FunctionSpec): ResolvedFunctionSpec[] {
  const versions = f.versions ?? [];
  const pc = versions.map((v) => v.provisionedConcurrency ?? 0);
  for (const a of f.aliases ?? []) {
    const total = a.provisionedConcurrency ?? 0;
    const second = a.additionalVersion ? Math.round(total * a.additionalVersion.weight) : 0;
    pc[a.version - 1] += total - second;
    if (a.additionalVersion) pc[a.additionalVersion.version - 1] += second;
  }
  const { versions: _v, aliases: _a, ...base } = f;
  return versions.map((v, i) => resolveFunction({ ...base, ...v, handler: v.handler ?? f.handler, provisionedConcurrency: pc[i] }));
}

export type Alias = AliasRoute<FunctionPool>;

/** The pool and alias a target names (`fn`, `fn:$LATEST`, `fn:3`, `fn:alias`: its primary version), or undefined. */
export function lookupTarget(functions: Map<string, FunctionPool>, target: string): { readonly pool: FunctionPool; readonly alias: Alias | null } | undefined {
  if (target.indexOf(':') < 0) return functions.get(target)?.asTarget; // the common case: nothing to split
  const { name, qualifier } = splitTarget(target);
  const main = functions.get(name);
  if (!main) return undefined;
  if (qualifier === undefined || qualifier === LATEST) return main.asTarget;
  if (/^\d+$/.test(qualifier)) return main.versions[Number(qualifier) - 1]?.asTarget;
  const alias = main.aliases.get(qualifier);
  return alias ? { pool: alias.primary, alias } : undefined;
}

/** A published version is immutable: an update may add versions and change their PC, nothing else. */
export function checkVersionsKept(before: FunctionSpec, patch: Partial<FunctionSpec>): void {
  if (!patch.versions) return;
  const snapshot = (v: object) => JSON.stringify({ ...v, provisionedConcurrency: undefined });
  (before.versions ?? []).forEach((v, i) => {
    const next = patch.versions![i];
    if (!next || snapshot(next) !== snapshot(v)) {
      throw new Error(`updateFunction: version ${i + 1} is published and cannot change or disappear; publish a new version instead`);
    }
  });
}

/**
 * How much of the function's reservation is in use for a placement on `fn`: its environments
 * serving requests, plus, F16, the idle provisioned environments of its other versions (PC is
 * carved out of the reservation: with reserved = PC, $LATEST is throttled).
 */
export function reservedInUse(fn: FunctionPool): number {
  const main = fn.main;
  if (main.versions.length === 0) return main.concurrency;
  let held = main.concurrency;
  if (main !== fn) held += main.idleProvisioned.length;
  for (const v of main.versions) if (v !== fn) held += v.idleProvisioned.length;
  return held;
}
