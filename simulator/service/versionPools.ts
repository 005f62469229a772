// Builds and updates the pools of a function's published versions and its aliases
// (versions.ts). Published versions are immutable: an update may add versions, move aliases and
// change provisioned concurrency; environments already running finish on their own version.
import type { Rng } from '../core/rng';
import type { ResolvedFunctionSpec } from '../sources/types';
import { FunctionPool, type HandlerStrategy } from './functionPool';
import { FunctionStats, type Recorder } from './recorder';
import { AliasRoute } from './aliasRoute';
import { isVersioned, LATEST, versionSpecs } from './versions';

/** What building version pools needs from the service. */
interface VersionHost {
  readonly recorder: Recorder;
  handlerFor(spec: ResolvedFunctionSpec): HandlerStrategy;
}

/** At start: a pool per published version and a route per alias, for a function with versions. */
export function attachVersions(service: VersionHost, main: FunctionPool, rng: Rng): void {
  if (!isVersioned(main.spec)) return;
  main.resourceStats = new FunctionStats();
  service.recorder.resourceStats.set(`${main.spec.name}:${LATEST}`, main.resourceStats);
  syncVersions(service, main, rng);
}

/** Adds pools for new versions, updates PC on existing ones, and points aliases at their versions. */
function syncVersions(service: VersionHost, main: FunctionPool, rng: Rng): FunctionPool[] {
  const name = main.spec.name;
  const changed: FunctionPool[] = [];
  versionSpecs(main.spec).forEach((spec, i) => {
    const existing = main.versions[i];
    if (existing) {
      if ((existing.spec.provisionedConcurrency ?? 0) !== (spec.provisionedConcurrency ?? 0)) changed.push(existing);
      existing.configure(spec);
      return;
    }
    const pool = new FunctionPool(spec, main.stats, rng.derive(`function:${name}:${i + 1}`), main.scalingLimit, main.scalingWindowMs);
    pool.main = main;
    pool.version = String(i + 1);
    pool.handler = service.handlerFor(spec);
    pool.resourceStats = new FunctionStats();
    service.recorder.resourceStats.set(`${name}:${i + 1}`, pool.resourceStats);
    main.versions.push(pool);
    changed.push(pool);
  });
  for (const a of main.spec.aliases ?? []) {
    const primary = main.versions[a.version - 1];
    const second = a.additionalVersion ? main.versions[a.additionalVersion.version - 1] : null;
    const weight = a.additionalVersion?.weight ?? 0;
    const route = main.aliases.get(a.name);
    if (route) {
      route.primary = primary;
      route.second = second;
      route.weight = weight;
      continue;
    }
    const created = new AliasRoute(a.name, primary, second, weight, rng.derive(`routing:${name}:${a.name}`));
    main.aliases.set(a.name, created);
    service.recorder.resourceStats.set(`${name}:${a.name}`, created.stats);
  }
  return changed;
}

/**
 * A deployment at run time: new versions, aliases moved (new invocations follow them at once;
 * busy environments finish on the version they run), provisioned concurrency changed. Returns
 * the pools whose provisioned concurrency must be provisioned again.
 */
export function updateVersions(service: VersionHost, main: FunctionPool, spec: ResolvedFunctionSpec, rng: Rng): FunctionPool[] {
  if (!isVersioned(spec)) return [];
  if (!main.resourceStats) {
    main.resourceStats = new FunctionStats();
    service.recorder.resourceStats.set(`${spec.name}:${LATEST}`, main.resourceStats);
  }
  return syncVersions(service, main, rng);
}
