// The simulated AWS account's own vocabulary: who calls (identity and lineage), what a call
// answers (the SDK v3 output, or an error with its HTTP status), and one service's interface.
import type { Lineage } from '../trace/records';
import type { DependencyReply } from '../runtime/types';
import type { Caller as IamCaller } from './iam';

export type { Lineage } from '../trace/records';

/**
 * The function whose handler code made an SDK call (its role and policy, as iam.ts's callerFor
 * builds them), and the invocation it made it from.
 */
export interface Caller extends IamCaller {
  roleArn: string;
  /** The invocation in flight; undefined for calls made during Init (module scope). */
  requestId?: string;
  lineage: Lineage;
}

export interface AwsError {
  /** The exception's name, as the SDK v3 sets `error.name` (e.g. NoSuchKey). */
  name: string;
  message: string;
  httpStatusCode: number;
  fault: 'client' | 'server';
}

export type AwsResult = { output: Record<string, unknown>; httpStatusCode?: number } | { error: AwsError };

/** What the worker's SDK shim receives: the result plus the request id for `$metadata`. */
export type AwsReplyValue = AwsResult & { requestId: string };

export type Respond = (result: AwsResult) => void;

export interface AwsLatencySetting {
  latencyMs: number;
  jitterMs: number;
}

/** One simulated service (s3, sqs, sns, dynamodb, lambda). */
export interface AwsService {
  /** The resource the input names, for the access check (IAM resource ARN). */
  resourceArn(op: string, input: Record<string, any>): string;
  /** Latency of a call on that resource. */
  latency(op: string, input: Record<string, any>): AwsLatencySetting;
  /** Runs the operation at the end of its latency; respond may be called later (Lambda Invoke). */
  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void;
}

/** The next hop of a chain: what an event fired by this caller's SDK call carries. */
export const nextLineage = (caller: Caller): Lineage => ({ chainId: caller.lineage.chainId, depth: caller.lineage.depth + 1 });

/** A runtime's host.call with the caller the engine worked out (AWS SDK calls need it). */
export type DependencyCall = (service: string, op: string, args: unknown, reply: (r: DependencyReply) => void, caller?: Caller) => void;
