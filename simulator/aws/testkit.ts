// Runs one code handler against a scenario's account and returns what it answered: the
// simulated SDK's outputs and errors as handler code saw them.
import { simulate } from '../index';
import type { AwsAccountSpec, FunctionSpec, Scenario, SourceSpec } from '../scenario/types';
import type { SimulationResult } from '../trace/records';

export async function runHandler(source: string, aws: AwsAccountSpec, options: {
  payloads?: unknown[]; extraFunctions?: FunctionSpec[]; sources?: SourceSpec[]; seed?: number; durationMs?: number; timeoutMs?: number;
  role?: FunctionSpec['role'];
} = {}): Promise<{ responses: unknown[]; result: SimulationResult }> {
  const payloads = options.payloads ?? [{}];
  const scenario: Scenario = {
    seed: options.seed ?? 1,
    durationMs: options.durationMs ?? 60_000,
    aws,
    functions: [{ name: 'fn', timeoutMs: options.timeoutMs ?? 30_000, handler: { kind: 'code', source }, ...(options.role ? { role: options.role } : {}) }, ...(options.extraFunctions ?? [])],
    sources: [
      { type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: payloads.map((_, i) => i * 1000) }, payloads },
      ...(options.sources ?? []),
    ],
  };
  const result = await simulate(scenario);
  const responses = result.requests.filter((r) => r.source === 'invoke#0').map((r) => r.response);
  return { responses, result };
}

/** Handler-side: the fields of a caught SDK error that tests compare. */
export const ERROR_FIELDS = `(e) => ({ name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, fault: e.$fault, ctor: e.constructor.name })`;
