// The code that goes next to template.yaml: a code handler's source as the file its handler
// setting names (F104), or, for a model handler, a small Node stand-in that waits and fails
// about as the model does, so the exported stack behaves like the simulation.
import type { Dist, ModelHandler } from '../../../simulator/index';
import type { ExportFunction } from './types';

/** F104: the handler setting is <file>.<export>; the default is index.handler. */
export const DEFAULT_HANDLER = 'index.handler';

/** The contract: a source using import/export loads as an ES module (.mjs), else as CommonJS (.js). */
export function isEsModule(source: string): boolean {
  return /^\s*(import\s|import\{|export\s)/m.test(source);
}

/**
 * The mean of a duration model, in ms: what the stand-in waits. The engine has the same rule
 * (its core `mean`), but reaching it would load the engine with the exporter; the formulas are
 * the distributions' textbook means.
 */
export function meanMs(v: number | Dist | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  switch (v.dist) {
    case 'constant': return v.value;
    case 'uniform': return (v.min + v.max) / 2;
    case 'normal': return v.mean;
    case 'lognormal': return Math.exp(v.mu + (v.sigma * v.sigma) / 2);
    case 'exponential': return v.mean;
  }
}

export function standInSource(model: ModelHandler): string {
  const waitMs = Math.round(meanMs(model.durationMs));
  const cpuMs = Math.round(meanMs(model.cpuMs));
  const errorRate = model.errorRate ?? 0;
  return `// Stand-in for a modelled handler of the simulation: it waits ${waitMs} ms (the model's mean I/O time),
// keeps the CPU busy for about ${cpuMs} ms, and fails ${(errorRate * 100).toFixed(1)} % of invocations.
// Replace it with your own code.
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, ${waitMs}));
  const until = Date.now() + ${cpuMs};
  while (Date.now() < until) { /* CPU work */ }
  if (Math.random() < ${errorRate}) throw new Error('Simulated failure');
  return { ok: true };
};
`;
}

/** The handler file's path relative to the function's CodeUri, and its text. */
export function handlerFile(fn: ExportFunction): { fileName: string; handler: string; content: string } {
  if (fn.handler.kind === 'code') {
    const handler = fn.handler.handler ?? DEFAULT_HANDLER;
    const base = handler.slice(0, handler.lastIndexOf('.'));
    const ext = isEsModule(fn.handler.source) ? 'mjs' : 'js';
    return { fileName: `${base}.${ext}`, handler, content: fn.handler.source };
  }
  return { fileName: 'index.mjs', handler: DEFAULT_HANDLER, content: standInSource(fn.handler) };
}
