// Who makes an AWS SDK call from handler code: the function, its execution role, the
// invocation in flight and the chain it belongs to (simulator/aws). Worked out engine-side,
// from the environment that sent the call, so handler code cannot claim another identity.
import type { Caller } from '../aws/types';
import type { Lineage, RequestRecord } from '../trace/records';
import { ACCOUNT_ID } from '../aws/env';
import type { Environment } from './functionPool';

/** The spec's `role` when it has one, else a role named after the function. */
export function roleArnOf(spec: { name: string; role?: unknown }): string {
  return typeof spec.role === 'string' ? spec.role : `arn:aws:iam::${ACCOUNT_ID}:role/${spec.name}-role`;
}

/** The deepest chain among a batch's requests; a request from outside starts its own chain. */
export function lineageOf(requests: readonly RequestRecord[], fallbackId: string): Lineage {
  let best: Lineage | undefined;
  for (const r of requests) if (r.lineage && (!best || r.lineage.depth > best.depth)) best = r.lineage;
  return best ?? { chainId: requests[0]?.id ?? fallbackId, depth: 0 };
}

export function callerOf(env: Environment): Caller {
  const spec = env.fn.spec as { name: string; role?: unknown };
  const inv = env.current;
  return {
    functionName: spec.name,
    roleArn: roleArnOf(spec),
    requestId: inv?.requestId,
    // Module-scope calls during Init belong to no invocation: their own chain.
    lineage: inv ? inv.call.lineage ?? lineageOf(inv.call.requests, inv.requestId) : { chainId: `init:${env.record.logStream}`, depth: 0 },
  };
}
