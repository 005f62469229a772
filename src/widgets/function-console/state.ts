// What one console instance holds and persists: code, test event and function configuration.
// The same shape goes to localStorage (autosave) and into share links.
import { z } from 'zod';
import { DEFAULT_ARCHITECTURE, DEFAULT_HANDLER, DEFAULT_MEMORY_MB, DEFAULT_RUNTIME, DEFAULT_TIMEOUT_MS } from '../../../simulator/constants';

export const STATE_VERSION = 1;
export const MAX_CODE_CHARS = 100_000;
export const MAX_EVENT_CHARS = 100_000;

export const configSchema = z.object({
  runtime: z.string().max(40),
  architecture: z.enum(['x86_64', 'arm64']),
  // Ranges are the engine's to judge (parseScenario); here only the JSON shape is checked.
  memoryMB: z.number(),
  timeoutS: z.number(),
  handler: z.string().max(200),
  environment: z.array(z.tuple([z.string().max(4096), z.string().max(4096)])).max(100),
  // Names of the layers the lesson offers that the learner attached, in extraction order (F38).
  layers: z.array(z.string().max(140)).max(20).optional(),
  /** The execution role's permissions policy as JSON text; only on a console a lesson gives a role. */
  rolePolicy: z.string().max(20_000).optional(),
});

/** A layer a lesson offers the console's function: the engine's layer fields (files under /opt). */
export interface OfferedLayer {
  name: string;
  version?: number;
  files?: Record<string, string>;
  packages?: string[];
  sizeBytes?: number;
}

export const consoleStateSchema = z.object({
  v: z.literal(STATE_VERSION),
  language: z.enum(['javascript', 'typescript']),
  code: z.string().max(MAX_CODE_CHARS),
  eventKind: z.string().max(40),
  event: z.string().max(MAX_EVENT_CHARS),
  config: configSchema,
});

export type FunctionConfig = z.infer<typeof configSchema>;
export type ConsoleState = z.infer<typeof consoleStateSchema>;
export type Language = ConsoleState['language'];

/** Lambda's defaults for a new function: F28 (128 MB), F29 (3 s), F104 (index.handler). */
export const DEFAULT_CONFIG: FunctionConfig = {
  runtime: DEFAULT_RUNTIME,
  architecture: DEFAULT_ARCHITECTURE,
  memoryMB: DEFAULT_MEMORY_MB,
  timeoutS: DEFAULT_TIMEOUT_MS / 1000,
  handler: DEFAULT_HANDLER,
  environment: [],
};

export const JS_TEMPLATE = `// Module scope runs once per execution environment (the Init phase).
let invocations = 0;

/** @type {import('aws-lambda').Handler} */
export const handler = async (event, context) => {
  invocations += 1;
  console.log('request', context.awsRequestId, 'invocation', invocations);
  return { statusCode: 200, body: JSON.stringify({ invocations }) };
};
`;

export const TS_TEMPLATE = `import type { Handler } from 'aws-lambda';

// Module scope runs once per execution environment (the Init phase).
let invocations = 0;

export const handler: Handler = async (event, context) => {
  invocations += 1;
  console.log('request', context.awsRequestId, 'invocation', invocations);
  return { statusCode: 200, body: JSON.stringify({ invocations }) };
};
`;

export const CUSTOM_EVENT = '{\n  "key1": "value1",\n  "key2": "value2"\n}\n';

export type InitialState = Partial<Omit<ConsoleState, 'v' | 'config'>> & { config?: Partial<FunctionConfig> };

export function defaultState(partial: InitialState = {}): ConsoleState {
  const language = partial.language ?? 'javascript';
  return {
    v: STATE_VERSION,
    language,
    code: partial.code ?? (language === 'typescript' ? TS_TEMPLATE : JS_TEMPLATE),
    eventKind: partial.eventKind ?? 'custom',
    event: partial.event ?? CUSTOM_EVENT,
    config: { ...DEFAULT_CONFIG, ...definedOnly(partial.config ?? {}) },
  };
}

/** Drops keys whose value is undefined, so they do not overwrite defaults when spread. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function storageKey(instanceId: string): string {
  return `lambda-lab:function-console:v${STATE_VERSION}:${instanceId}`;
}

export function shareKey(instanceId: string): string {
  return `fc-${instanceId}`;
}
