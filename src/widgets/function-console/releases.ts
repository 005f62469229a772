// What the console has published: numbered versions (immutable snapshots of code and
// configuration) and aliases that point at one version, or split by weight between two (a
// canary). Pure data and functions: the session turns them into the engine's versions/aliases.
// Versions: https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html
// Aliases and weighted routing: https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html
import { LATEST, type Deployment } from './view';

export { LATEST };

export interface PublishedVersion {
  /** 1, 2, … in publishing order. */
  version: number;
  /** The code and configuration frozen when it was published. */
  snapshot: Deployment;
}

export interface AliasConfig {
  name: string;
  version: number;
  /** Weighted routing: `weight` (0-1) of the alias's invocations run `version` instead. */
  canary?: { version: number; weight: number };
  /** The version it pointed at before its last move: what a rollback without a canary returns to. */
  previous?: number;
}

/** What happened, in order, with the number of invocations made before it (the guide reads it). */
export type ReleaseEvent =
  | { kind: 'publish'; version: number; afterInvocations: number }
  | { kind: 'alias'; name: string; version: number; canary?: { version: number; weight: number }; afterInvocations: number }
  | { kind: 'rollback'; name: string; version: number; afterInvocations: number };

export interface Releases {
  versions: PublishedVersion[];
  aliases: AliasConfig[];
  log: ReleaseEvent[];
}

export const NO_RELEASES: Releases = { versions: [], aliases: [], log: [] };

/** The alias form's fields (their `name`s), so a refusal can mark the one that is wrong. */
export const ALIAS_FIELDS = ['aliasName', 'aliasVersion', 'canaryVersion', 'canaryPercent'] as const;
export type AliasField = (typeof ALIAS_FIELDS)[number];

export type Outcome = { ok: true; releases: Releases; message: string } | { ok: false; message: string; field?: AliasField };

const sameDeployment = (a: Deployment, b: Deployment) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Publishes `$LATEST` as the next version. As Lambda does, nothing new is published when the code
 * and configuration are those of the newest version: that version is the answer again
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
export function publish(r: Releases, latest: Deployment, invocations: number): Outcome & { version?: number } {
  const newest = r.versions[r.versions.length - 1];
  if (newest && sameDeployment(newest.snapshot, latest)) {
    return { ok: true, releases: r, version: newest.version, message: `Nothing changed since version ${newest.version}, so no new version was published.` };
  }
  const version = r.versions.length + 1;
  return {
    ok: true, version,
    releases: { ...r, versions: [...r.versions, { version, snapshot: latest }], log: [...r.log, { kind: 'publish', version, afterInvocations: invocations }] },
    message: `Published version ${version}: a read-only copy of the code and configuration as deployed now.`,
  };
}

/** What the alias form asks for: a name, the version, and optionally a second version with its share in %. */
export interface AliasRequest {
  name: string;
  version: number;
  canaryVersion?: number;
  canaryPercent?: number;
}

/** Lambda's alias names: 1-128 letters, digits, - or _, not only digits (a number names a version). */
export function aliasNameProblem(name: string): string | undefined {
  if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) return 'An alias name is 1 to 128 letters, digits, - or _.';
  if (/^\d+$/.test(name)) return 'An alias name cannot be only digits: a number names a version.';
  return undefined;
}

/** Creates the alias or moves it; a canary needs a second, different published version. */
export function setAlias(r: Releases, req: AliasRequest, invocations: number): Outcome {
  const name = req.name.trim();
  const nameProblem = aliasNameProblem(name);
  const problem = nameProblem ? { field: 'aliasName' as const, message: nameProblem } : versionProblem(r, req);
  if (problem) return { ok: false, ...problem };
  const weight = (req.canaryPercent ?? 0) / 100;
  const canary = req.canaryVersion !== undefined && weight > 0 ? { version: req.canaryVersion, weight } : undefined;
  const existing = r.aliases.find((a) => a.name === name);
  const previous = existing && existing.version !== req.version ? existing.version : existing?.previous;
  const alias: AliasConfig = { name, version: req.version, ...(canary ? { canary } : {}), ...(previous ? { previous } : {}) };
  const aliases = existing ? r.aliases.map((a) => (a === existing ? alias : a)) : [...r.aliases, alias];
  const event: ReleaseEvent = { kind: 'alias', name, version: req.version, ...(canary ? { canary } : {}), afterInvocations: invocations };
  const verb = existing ? 'Updated' : 'Created';
  return { ok: true, releases: { ...r, aliases, log: [...r.log, event] }, message: `${verb} alias ${name}: ${routingText(alias)}.` };
}

function versionProblem(r: Releases, req: AliasRequest): { field: AliasField; message: string } | undefined {
  const exists = (v: number) => r.versions.some((p) => p.version === v);
  if (!exists(req.version)) {
    return { field: 'aliasVersion', message: r.versions.length === 0 ? 'Publish a version first: an alias points at a published version.' : `There is no version ${req.version}.` };
  }
  const percent = req.canaryPercent ?? 0;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { field: 'canaryPercent', message: 'The canary share is a percentage from 0 to 100.' };
  if (req.canaryVersion === undefined || percent === 0) return undefined;
  if (!exists(req.canaryVersion)) return { field: 'canaryVersion', message: `There is no version ${req.canaryVersion}.` };
  if (req.canaryVersion === req.version) return { field: 'canaryVersion', message: 'The canary must be a different version from the one the alias points at.' };
  return undefined;
}

/**
 * A rollback is a routing change: an alias with a canary sends everything to its version again
 * (weight 0); one that was moved goes back to the version it pointed at before.
 */
export function rollback(r: Releases, name: string, invocations: number): Outcome {
  const alias = r.aliases.find((a) => a.name === name);
  if (!alias) return { ok: false, message: `There is no alias ${name}.` };
  let next: AliasConfig;
  if (alias.canary) next = { name, version: alias.version, ...(alias.previous ? { previous: alias.previous } : {}) };
  else if (alias.previous) next = { name, version: alias.previous };
  else return { ok: false, message: `Alias ${name} has nothing to roll back: no canary, and it has never moved.` };
  const event: ReleaseEvent = { kind: 'rollback', name, version: next.version, afterInvocations: invocations };
  return {
    ok: true,
    releases: { ...r, aliases: r.aliases.map((a) => (a === alias ? next : a)), log: [...r.log, event] },
    message: `Rolled back alias ${name}: ${routingText(next)}. Nothing was redeployed.`,
  };
}

/** The shares an alias routes, largest first: [[version, percent], …]. */
export function shares(alias: AliasConfig): [number, number][] {
  if (!alias.canary) return [[alias.version, 100]];
  const canary = Math.round(alias.canary.weight * 1000) / 10;
  return [[alias.version, Math.round((100 - canary) * 10) / 10], [alias.canary.version, canary]];
}

export function routingText(alias: AliasConfig): string {
  return shares(alias).map(([v, p]) => `version ${v}${alias.canary ? `: ${p} %` : ''}`).join(', ');
}

/** What the console can invoke: $LATEST, each version, each alias. */
export function invokeTargets(r: Releases): { value: string; label: string }[] {
  return [
    { value: LATEST, label: '$LATEST (unpublished)' },
    ...r.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` })),
    ...r.aliases.map((a) => ({ value: a.name, label: `Alias ${a.name}` })),
  ];
}
