// Messages between the page and the simulation worker (see simWorker.ts).

import type { VizEnvironment, VizInvocation, VizLogLine, VizRequest, VizResult } from './types';

export type WorkerRequest = { type: 'init'; scenario: unknown } | { type: 'run'; id: number; untilMs: number };

export type WorkerReply =
  | {
      type: 'delta';
      id: number;
      now: number;
      finished: boolean;
      invocations: VizInvocation[];
      environments: VizEnvironment[];
      requestsFrom: number;
      requests: VizRequest[];
      logs: VizLogLine[];
      cost: VizResult['cost'];
      metrics: VizResult['metrics'];
    }
  | { type: 'part'; id: number; invocations: VizInvocation[]; logs: VizLogLine[] }
  | { type: 'error'; id: number; message: string };
