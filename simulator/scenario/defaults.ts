// Defaults the contract and lambda-facts.md give for omitted scenario fields.
import type { FunctionSpec, Scenario } from './types';
import type { ResolvedFunctionSpec } from '../sources/types';

export const DEFAULT_SEED = 1;
export const DEFAULT_RUNTIME = 'nodejs24.x';
export const DEFAULT_MEMORY_MB = 128; // F28
export const DEFAULT_TIMEOUT_MS = 3000; // F29
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000; // F52
export const DEFAULT_IDLE_TIMEOUT_MS = 5 * 60 * 1000; // F08: undocumented; contract: at least 5 min
export const DEFAULT_SCALING_ENVIRONMENTS = 1000; // F56
export const DEFAULT_SCALING_WINDOW_MS = 10_000; // F56
/** F16: allocation "starts after a minute or two"; the lower bound. */
export const DEFAULT_PROVISIONED_ALLOCATION_MS = 60_000;
/** F15: provisioned environments are recycled "every few hours"; AWS gives no number. */
export const DEFAULT_PROVISIONED_RECYCLE_MS = 4 * 3600 * 1000;
export const DEFAULT_START_TIME = '2026-01-01T00:00:00.000Z';
export const DEFAULT_REGION = 'us-east-1';

export function resolveFunction(f: FunctionSpec): ResolvedFunctionSpec {
  return {
    ...f,
    runtime: f.runtime ?? DEFAULT_RUNTIME,
    architecture: f.architecture ?? 'x86_64',
    memoryMB: f.memoryMB ?? DEFAULT_MEMORY_MB,
    timeoutMs: f.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    environment: f.environment ?? {},
  };
}

export function epochMsOf(scenario: Scenario): number {
  return Date.parse(scenario.service?.startTime ?? DEFAULT_START_TIME);
}
