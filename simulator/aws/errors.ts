// Service errors as the SDK v3 raises them: a name, the service's message, an HTTP status.
import type { AwsError, AwsResult } from './types';

export function awsError(name: string, message: string, httpStatusCode = 400, fault: 'client' | 'server' = 'client'): AwsResult {
  return { error: { name, message, httpStatusCode, fault } satisfies AwsError };
}

export const ok = (output: Record<string, unknown>, httpStatusCode?: number): AwsResult =>
  (httpStatusCode === undefined ? { output } : { output, httpStatusCode });

/** A missing or malformed parameter: every service answers 400 with a validation error. */
export const validation = (message: string, name = 'ValidationException'): AwsResult => awsError(name, message, 400);

export const unknownOperation = (service: string, op: string): AwsResult =>
  awsError('UnknownOperationException', `The simulated ${service} does not support ${op}`, 400);
