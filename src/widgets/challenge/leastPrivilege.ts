// "No more than it needs": which actions a function's execution role grants that its run never
// used. The needed set is what the run shows: every SDK call the handler attempted (allowed or
// denied) plus the read actions its event source mappings need (F72). Resources are not compared:
// the check is about actions, the part of least privilege the picker in a lesson changes.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
import { MAPPING_READ_ACTIONS, wildcardMatch, type Scenario, type SimulationResult } from '../../../simulator/index';

/** The operations the simulated account answers (simulator/README.md, AWS account), as IAM actions. */
export const SIMULATED_ACTIONS: readonly string[] = [
  ...['PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'ListObjectsV2'].map((o) => `s3:${o}`),
  ...['SendMessage', 'SendMessageBatch', 'GetQueueUrl'].map((o) => `sqs:${o}`),
  'sns:Publish',
  ...['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem'].map((o) => `dynamodb:${o}`),
  'lambda:Invoke', 'lambda:GetAccountSettings',
  ...Object.values(MAPPING_READ_ACTIONS).flat(),
];

type Statement = { Effect: string; Action?: string | string[]; NotAction?: string | string[] };
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function matches(s: Statement, action: string): boolean {
  if (s.NotAction !== undefined) return !list(s.NotAction).some((p) => wildcardMatch(p, action, true));
  return list(s.Action).some((p) => wildcardMatch(p, action, true));
}

/** Actions among SIMULATED_ACTIONS the role allows (an Allow matches, no Deny does). */
export function grantedActions(statements: readonly Statement[]): string[] {
  return SIMULATED_ACTIONS.filter((a) =>
    statements.some((s) => s.Effect === 'Allow' && matches(s, a)) && !statements.some((s) => s.Effect === 'Deny' && matches(s, a)));
}

/** Actions the run needed from `fn`'s role: its SDK calls and its mappings' read actions. */
export function neededActions(scenario: Scenario, result: SimulationResult, fn: string): Set<string> {
  const needed = new Set<string>();
  // `calls` counts every call of the run; with one function per role that is this function's.
  for (const op of Object.keys(result.aws?.calls ?? {})) needed.add(op.toLowerCase());
  for (const s of scenario.sources) {
    const reads = (MAPPING_READ_ACTIONS as Record<string, readonly string[]>)[s.type];
    if (s.function === fn && reads) for (const a of reads) needed.add(a.toLowerCase());
  }
  return needed;
}

/** Granted but never needed: the grants a least-privilege role would leave out. No role: 0 (allow-all is not a grant list). */
export function unneededGrants(scenario: Scenario, result: SimulationResult, fn: string): string[] {
  const role = scenario.functions.find((f) => f.name === fn)?.role;
  if (!role) return [];
  const needed = neededActions(scenario, result, fn);
  return grantedActions(role.policy.Statement).filter((a) => !needed.has(a.toLowerCase()));
}
