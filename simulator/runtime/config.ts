// What the runtime inside the worker is started with: the environment variables Lambda sets
// (F114 reserved, F115 defaults), the Node.js version and the handler API generation (F108).
import { fnv1a } from '../core/rng';
import { lexModule } from './lexModule';
import type { CodeFunctionSpec } from './types';

/** Unix ms that virtual time 0 stands for, when the spec gives no epochMs (2026-01-01T00:00:00Z). */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);

const NODE_VERSIONS: Record<string, string> = { 'nodejs18.x': 'v18.20.8', 'nodejs20.x': 'v20.19.5', 'nodejs22.x': 'v22.21.1', 'nodejs24.x': 'v24.11.1' };

/** nodejs24.x and later removed callback handlers and context.succeed/fail/done (F108). */
export function callbacksRemoved(runtime: string): boolean {
  const m = /^nodejs(\d+)\.x$/.exec(runtime);
  return !m || Number(m[1]) >= 24;
}

function reserved(spec: CodeFunctionSpec): Record<string, string> {
  return {
    _HANDLER: spec.handler,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMB),
    AWS_LAMBDA_FUNCTION_VERSION: spec.functionVersion,
    AWS_LAMBDA_INITIALIZATION_TYPE: spec.initializationType,
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: spec.logStreamName,
    // Placeholders: the simulation has no credentials and nothing to sign.
    AWS_ACCESS_KEY: 'ASIALAMBDALABEXAMPLE',
    AWS_ACCESS_KEY_ID: 'ASIALAMBDALABEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'lambda-lab-simulated-secret-access-key',
    AWS_SESSION_TOKEN: 'lambda-lab-simulated-session-token',
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
  };
}

function defaults(spec: CodeFunctionSpec): Record<string, string> {
  const major = /^nodejs(\d+)/.exec(spec.runtime)?.[1] ?? '24';
  return {
    LANG: 'en_US.UTF-8',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    LD_LIBRARY_PATH: '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
    NODE_PATH: `/opt/nodejs/node${major}/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task`,
    TZ: ':UTC',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
  };
}

/** process.env at init: defaults, then the user's variables, then the reserved ones (which win). */
export function environmentVariables(spec: CodeFunctionSpec): Record<string, string> {
  return { ...defaults(spec), ...spec.environment, ...reserved(spec) };
}

export function workerConfig(spec: CodeFunctionSpec) {
  return {
    env: environmentVariables(spec),
    handler: spec.handler,
    source: spec.source,
    lexed: lexModule(spec.source),
    fileName: spec.fileName,
    callbacksRemoved: callbacksRemoved(spec.runtime),
    nodeVersion: NODE_VERSIONS[spec.runtime] ?? NODE_VERSIONS['nodejs24.x'],
    epochMs: spec.epochMs ?? DEFAULT_EPOCH_MS,
    seed: spec.seed ?? fnv1a(`${spec.functionName}\u0000${spec.logStreamName}`),
    cpuMeasured: spec.cpuTime === 'measured',
    cpuShare: spec.cpuShare > 0 ? spec.cpuShare : 1,
    functionName: spec.functionName,
    functionVersion: spec.functionVersion,
    memoryMB: spec.memoryMB,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
  };
}
