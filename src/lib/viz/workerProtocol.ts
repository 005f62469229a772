// Messages between the page and the simulation worker (see simWorker.ts).

import type { StreamBatch, StreamState } from './traceStore';

export type WorkerRequest = { type: 'init'; scenario: unknown } | { type: 'run'; id: number; untilMs: number };

export type WorkerReply =
  /** Records new since the last run, in several parts so no single decode holds up a frame. */
  | ({ type: 'part'; id: number } & StreamBatch)
  /** The run is done: the state of what is still in flight, and where the clock is. */
  | ({ type: 'delta'; id: number; now: number; finished: boolean } & StreamState)
  | { type: 'error'; id: number; message: string };
