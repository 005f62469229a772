// The one door every SDK call passes before it touches a resource. Here it allows everything:
// permissions (the function's role and resource policies) are the iam module's, which the
// engine plugs in at this single function (permissions: see the iam branch).
import type { AwsError, Caller } from './types';

export type AccessDecision = { allowed: true } | { allowed: false; error: AwsError };

const ALLOWED: AccessDecision = { allowed: true };

/** May `caller` perform `action` (e.g. 's3:PutObject') on `resourceArn`? */
export function checkAccess(_caller: Caller, _action: string, _resourceArn: string): AccessDecision {
  return ALLOWED;
}
