// "Export to AWS SAM" for the console: its function (code, runtime, memory, timeout, variables)
// as a SAM project in a zip. Loaded on click with the exporter; it never touches the engine.
import { downloadSam } from '../../lib/sam/download';
import type { FunctionConfig } from './state';

/** The console's id names the function: it already follows Lambda's name rule (letters, digits, - and _). */
export function exportConsoleFunction(name: string, config: FunctionConfig, source: string): string[] {
  const environment = Object.fromEntries(config.environment.filter(([k]) => k.trim() !== '').map(([k, v]) => [k.trim(), v]));
  return downloadSam({
    durationMs: 1000,
    functions: [{
      name, runtime: config.runtime, architecture: config.architecture, memoryMB: config.memoryMB,
      timeoutMs: config.timeoutS * 1000, environment, handler: { kind: 'code', source, handler: config.handler },
    }],
    sources: [],
  }, { description: `${name}, exported from the Lambda Lab function console` });
}
