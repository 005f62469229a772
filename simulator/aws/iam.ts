// IAM policy evaluation, pure: identity policies (a function's execution role) and resource-based
// policies (who may invoke a function). The order is IAM's: an explicit Deny wins, then an Allow,
// and anything not allowed is denied by default.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { accessDeniedError, type AccessDeniedError, type PolicyKind } from './denial';
import { assumedRoleArn, type ArnScope } from './arn';

export type OneOrMany = string | string[];

/** `"*"` or `{ Service: 's3.amazonaws.com' }` / `{ AWS: '123456789012' }`. */
export type Principal = '*' | { Service?: OneOrMany; AWS?: OneOrMany };

/** Condition operator -> key -> value(s); keys as IAM spells them (aws:SourceArn, aws:SourceAccount). */
export type Condition = Record<string, Record<string, OneOrMany>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMany;
  NotAction?: OneOrMany;
  Resource?: OneOrMany;
  NotResource?: OneOrMany;
  /** Resource-based policies only. */
  Principal?: Principal;
  Condition?: Condition;
}

export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Statement: PolicyStatement[];
}

/** A function's execution role: its name (for ARNs and messages) and its permissions policy. */
export interface ExecutionRole {
  name?: string;
  policy: PolicyDocument;
}

/** Who asks, as a resource-based policy sees it, and the request context its conditions read. */
export interface RequestContext {
  /** A service principal (`sns.amazonaws.com`) or an account id / ARN. */
  principal?: { service?: string; aws?: string };
  /** aws:SourceArn, aws:SourceAccount and any other keys, matched case-insensitively by name. */
  keys?: Record<string, string>;
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

const list = (v: OneOrMany | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM wildcards: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative glob with back-tracking to the last `*`: linear in practice, no regex from user text.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Actions compare case-insensitively (`S3:getobject` is `s3:GetObject`); resources case-sensitively. */
const actionMatches = (patterns: string[], action: string) => patterns.some((p) => wildcardMatch(p, action, true));
const resourceMatches = (patterns: string[], arn: string) => patterns.some((p) => wildcardMatch(p, arn));

function principalMatches(principal: Principal | undefined, who: RequestContext['principal']): boolean {
  if (principal === undefined) return true; // identity policies name no principal
  if (principal === '*') return true;
  if (!who) return false;
  if (who.service && list(principal.Service).includes(who.service)) return true;
  if (!who.aws) return false;
  const account = who.aws.match(/^\d{12}$/) ? who.aws : who.aws.split(':')[4];
  return list(principal.AWS).some((p) => p === '*' || p === who.aws || p === account || p === `arn:aws:iam::${account}:root`);
}

const keyValue = (keys: Record<string, string> | undefined, key: string): string | undefined => {
  if (!keys) return undefined;
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(keys)) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/** The condition operators a Lambda permission uses; an unknown operator never matches (fail closed). */
function conditionHolds(condition: Condition | undefined, keys: RequestContext['keys']): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([operator, entries]) =>
    Object.entries(entries).every(([key, expected]) => {
      const actual = keyValue(keys, key);
      const values = list(expected);
      switch (operator) {
        case 'StringEquals': case 'ArnEquals': return actual !== undefined && values.includes(actual);
        case 'StringLike': case 'ArnLike': return actual !== undefined && values.some((v) => wildcardMatch(v, actual));
        case 'StringEqualsIgnoreCase': return actual !== undefined && values.some((v) => v.toLowerCase() === actual.toLowerCase());
        case 'StringNotEquals': case 'ArnNotEquals': return actual === undefined || !values.includes(actual);
        case 'StringNotLike': case 'ArnNotLike': return actual === undefined || !values.some((v) => wildcardMatch(v, actual));
        default: return false;
      }
    }));
}

function statementApplies(s: PolicyStatement, action: string, resource: string, ctx: RequestContext): boolean {
  const actionOk = s.NotAction !== undefined ? !actionMatches(list(s.NotAction), action) : actionMatches(list(s.Action), action);
  if (!actionOk) return false;
  const resourceOk = s.NotResource !== undefined ? !resourceMatches(list(s.NotResource), resource) : resourceMatches(list(s.Resource), resource);
  return resourceOk && principalMatches(s.Principal, ctx.principal) && conditionHolds(s.Condition, ctx.keys);
}

/** IAM's decision for one request against one policy: explicit Deny, then Allow, else implicit deny. */
export function evaluatePolicy(policy: PolicyDocument, action: string, resource: string, ctx: RequestContext = {}): Decision {
  let allowed = false;
  for (const s of policy.Statement) {
    if (!statementApplies(s, action, resource, ctx)) continue;
    if (s.Effect === 'Deny') return 'explicitDeny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicitDeny';
}

export type AuthorizationResult = { allowed: true } | { allowed: false; decision: Exclude<Decision, 'allow'>; error: AccessDeniedError };

/** The role name AWS shows when a scenario names none: the console's `<function>-role`. */
export const roleNameOf = (functionName: string, role?: { name?: string }) => role?.name ?? `${functionName}-role`;

/**
 * May the execution role perform `action` on `resourceArn`? No role: allow-all (scenarios written
 * before roles existed keep their behaviour). A denial carries the calling service's own error.
 */
export function authorize(
  role: ExecutionRole | undefined, action: string, resourceArn: string,
  who: { functionName: string; scope?: Partial<ArnScope> } = { functionName: 'function' },
): AuthorizationResult {
  if (!role) return { allowed: true };
  const decision = evaluatePolicy(role.policy, action, resourceArn);
  if (decision === 'allow') return { allowed: true };
  const principal = assumedRoleArn(roleNameOf(who.functionName, role), who.functionName, who.scope);
  return { allowed: false, decision, error: accessDeniedError({ principal, action, resourceArn, decision, policy: 'identity' }) };
}

/** The caller an SDK call in handler code runs as. */
export interface Caller {
  functionName: string;
  roleName?: string;
  role?: PolicyDocument;
  scope?: Partial<ArnScope>;
}

/** The caller a function's SDK calls run as, from its (resolved) scenario spec. */
export function callerFor(spec: { name: string; role?: ExecutionRole }, scope?: Partial<ArnScope>): Caller {
  const caller: Caller = { functionName: spec.name };
  if (spec.role) {
    caller.roleName = roleNameOf(spec.name, spec.role);
    caller.role = spec.role.policy;
  }
  if (scope) caller.scope = scope;
  return caller;
}

/** The one gate every simulated SDK call goes through (simulator/aws/access.ts). */
export function checkAccess(caller: Caller, action: string, resourceArn: string): AuthorizationResult {
  const role = caller.role ? { name: caller.roleName, policy: caller.role } : undefined;
  return authorize(role, action, resourceArn, { functionName: caller.functionName, scope: caller.scope });
}

/**
 * A function's resource-based policy: may this service (or account) invoke it? No policy:
 * allowed (the scenario predates resource policies). Lambda's denial names the resource-based policy.
 */
export function authorizeInvoke(
  resourcePolicy: PolicyDocument | undefined, functionArn: string, ctx: RequestContext,
): AuthorizationResult {
  if (!resourcePolicy) return { allowed: true };
  const decision = evaluatePolicy(resourcePolicy, 'lambda:InvokeFunction', functionArn, ctx);
  if (decision === 'allow') return { allowed: true };
  const principal = ctx.principal?.service ?? ctx.principal?.aws ?? 'anonymous';
  const policy: PolicyKind = 'resource';
  return { allowed: false, decision, error: accessDeniedError({ principal, action: 'lambda:InvokeFunction', resourceArn: functionArn, decision, policy }) };
}
