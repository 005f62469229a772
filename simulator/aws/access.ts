// The one door every SDK call passes before it touches a resource: the function's execution role
// is evaluated by iam.ts (no role: allow-all), and a denial carries the service's own error.
import { checkAccess as evaluate } from './iam';
import type { AwsError, Caller } from './types';

export type AccessDecision = { allowed: true } | { allowed: false; error: AwsError };

/** May `caller` perform `action` (e.g. 's3:PutObject') on `resourceArn`? */
export function checkAccess(caller: Caller, action: string, resourceArn: string): AccessDecision {
  const r = evaluate(caller, action, resourceArn);
  if (r.allowed) return { allowed: true };
  return { allowed: false, error: { ...r.error, fault: 'client' } };
}
