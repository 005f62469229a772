// Configuration checks use the engine's own rules: the console builds the function spec the
// simulation would get and lets parseScenario judge it, then names the form field at fault.
import { parseScenario, ScenarioError } from '../../../simulator/index';
import type { FieldIssue } from './config-form';
import type { FunctionConfig, OfferedLayer } from './state';

export const CONSOLE_FUNCTION_NAME = 'console-function';

const FIELD_LABELS: Record<string, string> = {
  runtime: 'Runtime', architecture: 'Architecture', memoryMB: 'Memory', timeoutMs: 'Timeout',
  handler: 'Handler', environment: 'Environment variables', layers: 'Layers', role: 'Execution role policy',
};
const FIELD_OF_PATH_ROLE = 'rolePolicy';
const FIELD_OF_PATH: Record<string, string> = { timeoutMs: 'timeoutS', role: FIELD_OF_PATH_ROLE };

/** The role the policy text describes (named as AWS's console names it), or why it is not JSON. */
export function roleOf(config: FunctionConfig): { role?: { name: string; policy: unknown }; issue?: FieldIssue } {
  if (config.rolePolicy === undefined) return {};
  try {
    return { role: { name: `${CONSOLE_FUNCTION_NAME}-role`, policy: JSON.parse(config.rolePolicy) } };
  } catch (err) {
    return { issue: { field: FIELD_OF_PATH_ROLE, message: `Execution role policy: not valid JSON (${(err as Error).message}).` } };
  }
}

/** The environment as the engine takes it, or the problems that stop it being one. */
export function environmentRecord(pairs: FunctionConfig['environment']): { env: Record<string, string>; issues: FieldIssue[] } {
  const env: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  pairs.forEach(([key, value], i) => {
    const name = key.trim();
    if (name === '' && value === '') return; // an empty row being filled in
    if (name === '') issues.push({ field: 'environment', message: `Environment variables: variable ${i + 1} has a value but no name.` });
    else if (name in env) issues.push({ field: 'environment', message: `Environment variables: ${name} is set twice.` });
    else env[name] = value;
  });
  return { env, issues };
}

export function functionSpec(config: FunctionConfig, source: string, env: Record<string, string>, offered: readonly OfferedLayer[] = []) {
  const attached = config.layers ?? [];
  const layers = offered.filter((l) => attached.includes(l.name));
  return {
    ...(layers.length > 0 ? { layers } : {}),
    name: CONSOLE_FUNCTION_NAME,
    runtime: config.runtime,
    architecture: config.architecture,
    memoryMB: config.memoryMB,
    timeoutMs: config.timeoutS * 1000,
    environment: env,
    handler: { kind: 'code' as const, source, handler: config.handler },
    // Invalid JSON is reported by validateConfig; the engine then gets no role (allow-all) until fixed.
    ...(roleOf(config).role ? { role: roleOf(config).role as never } : {}),
  };
}

export function validateConfig(config: FunctionConfig, offered: readonly OfferedLayer[] = []): FieldIssue[] {
  const { env, issues } = environmentRecord(config.environment);
  const roleIssue = roleOf(config).issue;
  if (roleIssue) issues.push(roleIssue);
  // An empty or non-numeric box: say so plainly instead of the schema's "expected number".
  const spec: Record<string, unknown> = functionSpec(config, '', env, offered);
  if (!Number.isFinite(config.memoryMB)) {
    issues.push({ field: 'memoryMB', message: 'Memory: enter a whole number of MB.' });
    delete spec.memoryMB;
  }
  // The form speaks seconds (as the Lambda console does); the engine takes ms, and 1.001 s
  // would reach it as 1000.999… ms, answered with a schema message about integers.
  if (!Number.isInteger(config.timeoutS)) {
    issues.push({ field: 'timeoutS', message: 'Timeout: enter a whole number of seconds (F29).' });
    delete spec.timeoutMs;
  } else {
    // Past ±10^12 s the ms figure is no longer a safe integer; it is out of range either way.
    spec.timeoutMs = Math.max(-1e15, Math.min(1e15, config.timeoutS * 1000));
  }
  try {
    parseScenario({ durationMs: 1000, functions: [spec], sources: [] });
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    for (const issue of err.issues) issues.push(toFieldIssue(issue.path, issue.message));
  }
  return issues;
}

function toFieldIssue(path: string, message: string): FieldIssue {
  // 'functions.0.memoryMB', 'functions.0.handler.handler', 'functions.0.environment.AWS_REGION'
  const key = path.split('.')[2] ?? '';
  const label = FIELD_LABELS[key];
  return { field: FIELD_OF_PATH[key] ?? key, message: label ? `${label}: ${message}` : `${path || 'Configuration'}: ${message}` };
}
