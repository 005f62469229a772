// F95 recursive loop detection: Lambda counts how many invocations an event has caused along a
// chain through SQS, SNS, S3 and Lambda, and after 16 stops the next one unless the function's
// RecursiveLoop setting is Allow. https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html
import type { InvokeOutcome, Lineage } from '../sources/types';

/** F95: after 16 invocations in the same chain Lambda stops the next one. */
export const RECURSION_LIMIT = 16;

/** The exception's documented description (AWS publishes no other message text for it). F95;
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (RecursiveInvocationException, HTTP 400). */
export const RECURSIVE_INVOCATION_MESSAGE =
  "Lambda has detected your function being invoked in a recursive loop with other AWS resources and stopped your function's invocation.";

/** CloudWatch's metric for the stopped invocations (monitoring-metrics-types.html). */
export const RECURSIVE_INVOCATIONS_DROPPED = 'RecursiveInvocationsDropped';

/** F95: true when this invocation would be the 17th (or later) of its chain and the function terminates loops. */
export function stopsRecursion(setting: 'Terminate' | 'Allow' | undefined, lineage: Lineage): boolean {
  return lineage.depth >= RECURSION_LIMIT && (setting ?? 'Terminate') === 'Terminate';
}

/**
 * Not AWS, the simulator's own end: a loop under Allow never stops, so a run would never finish.
 * Once the scenario's durationMs has passed, an invocation past the 16th of its chain is held: it
 * does not run, its request stays 'unfinished', and the function counts it here. Chains shorter
 * than the F95 limit (a pipeline draining after the last arrival) are never held.
 */
export const HELD_AT_END = 'RecursiveInvocationsHeldAtEnd';

export function heldAtEnd(lineage: Lineage, nowMs: number, endMs: number): boolean {
  return lineage.depth >= RECURSION_LIMIT && nowMs >= endMs;
}

export const RECURSION_STOPPED_OUTCOME: InvokeOutcome = {
  status: 'recursion-stopped',
  response: { errorType: 'RecursiveInvocationException', errorMessage: RECURSIVE_INVOCATION_MESSAGE },
};
