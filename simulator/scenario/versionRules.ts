// Cross-field rules of versions, aliases and qualified invoke targets (`fn`, `fn:3`, `fn:alias`,
// `fn:$LATEST`). Inputs may be partly broken (the schema reports those fields); only
// well-typed parts are checked here, so every problem is listed once.

type Issue = (path: (string | number)[], message: string) => void;

interface RawVersioned {
  name: string;
  provisionedConcurrency?: number;
  versions?: unknown;
  aliases?: unknown;
}

interface Alias {
  name: string;
  version: number;
  additionalVersion?: { version: number; weight: number };
  provisionedConcurrency?: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function versionsOf(f: RawVersioned): { provisionedConcurrency?: number }[] {
  return Array.isArray(f.versions) ? f.versions.map((v) => (isObj(v) ? { provisionedConcurrency: num(v.provisionedConcurrency) } : {})) : [];
}

export function aliasesOf(f: RawVersioned): Alias[] {
  if (!Array.isArray(f.aliases)) return [];
  return f.aliases.filter(isObj).map((a) => ({
    name: typeof a.name === 'string' ? a.name : '',
    version: num(a.version) ?? 0,
    additionalVersion: isObj(a.additionalVersion)
      ? { version: num(a.additionalVersion.version) ?? 0, weight: num(a.additionalVersion.weight) ?? 0 } : undefined,
    provisionedConcurrency: num(a.provisionedConcurrency),
  }));
}

export const hasVersions = (f: RawVersioned): boolean => versionsOf(f).length > 0 || aliasesOf(f).length > 0;

/** Provisioned concurrency a function allocates: on its versions and aliases, else the legacy function-level field. */
export function provisionedTotal(f: RawVersioned): number {
  if (!hasVersions(f)) return f.provisionedConcurrency ?? 0;
  return versionsOf(f).reduce((n, v) => n + (v.provisionedConcurrency ?? 0), 0)
    + aliasesOf(f).reduce((n, a) => n + (a.provisionedConcurrency ?? 0), 0);
}

/** Versions and aliases of function i: references, names, and F16's one PC configuration per version. */
export function checkVersions(f: RawVersioned, i: number, issue: Issue): void {
  const count = versionsOf(f).length;
  const aliases = aliasesOf(f);
  if (hasVersions(f) && (f.provisionedConcurrency ?? 0) > 0) {
    issue(['functions', i, 'provisionedConcurrency'],
      'provisioned concurrency cannot be set on $LATEST: with versions, set it on a version or an alias (F16)');
  }
  const pcConfigs = versionsOf(f).map((v) => ((v.provisionedConcurrency ?? 0) > 0 ? 1 : 0));
  const names = new Set<string>();
  aliases.forEach((a, j) => {
    const at = ['functions', i, 'aliases', j];
    if (names.has(a.name)) issue([...at, 'name'], `alias name ${a.name} is used twice`);
    names.add(a.name);
    if (a.version > count) issue([...at, 'version'], `there is no version ${a.version} (this function has ${count})`);
    const second = a.additionalVersion?.version;
    if (second !== undefined && second > count) issue([...at, 'additionalVersion', 'version'], `there is no version ${second} (this function has ${count})`);
    if (second !== undefined && second === a.version) issue([...at, 'additionalVersion', 'version'], 'weighted routing needs two different versions');
    if ((a.provisionedConcurrency ?? 0) > 0) {
      for (const v of new Set([a.version, second ?? a.version])) {
        if (v >= 1 && v <= count && ++pcConfigs[v - 1] > 1) {
          issue([...at, 'provisionedConcurrency'], `version ${v} already has a provisioned concurrency configuration; a version has at most one (F16)`);
        }
      }
    }
  });
}

/** Why a source's target does not exist, or undefined when it does. */
export function targetProblem(functions: RawVersioned[], target: string): string | undefined {
  const [name, qualifier, ...rest] = target.split(':');
  const f = functions.find((x) => x.name === name);
  if (!f) return `no function named ${name}`;
  if (qualifier === undefined || qualifier === '$LATEST') return rest.length ? `malformed target ${target}` : undefined;
  if (rest.length) return `malformed target ${target}`;
  if (/^\d+$/.test(qualifier)) {
    const n = Number(qualifier);
    return n >= 1 && n <= versionsOf(f).length ? undefined : `function ${name} has no version ${qualifier}`;
  }
  return aliasesOf(f).some((a) => a.name === qualifier) ? undefined : `function ${name} has no alias ${qualifier}`;
}
