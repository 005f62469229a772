// Who makes an AWS SDK call from handler code: the function, its execution role, the
// invocation in flight and the chain it belongs to (simulator/aws). Worked out engine-side,
// from the environment that sent the call, so handler code cannot claim another identity.
import type { Caller } from '../aws/types';
import type { Lineage, RequestRecord } from '../trace/records';
import { iamRoleArn } from '../aws/arn';
import { callerFor, roleNameOf } from '../aws/iam';
import type { Environment } from './functionPool';

/** The deepest chain among a batch's requests; a request from outside starts its own chain. */
export function lineageOf(requests: readonly RequestRecord[], fallbackId: string): Lineage {
  let best: Lineage | undefined;
  for (const r of requests) if (r.lineage && (!best || r.lineage.depth > best.depth)) best = r.lineage;
  return best ?? { chainId: requests[0]?.id ?? fallbackId, depth: 0 };
}

export function callerOf(env: Environment, region: string): Caller {
  const spec = env.fn.spec;
  const inv = env.current;
  const scope = { region };
  return {
    ...callerFor(spec, scope),
    roleArn: iamRoleArn(roleNameOf(spec.name, spec.role), scope),
    requestId: inv?.requestId,
    // Module-scope calls during Init belong to no invocation: their own chain.
    lineage: inv ? inv.call.lineage ?? lineageOf(inv.call.requests, inv.requestId) : { chainId: `init:${env.record.logStream}`, depth: 0 },
  };
}
