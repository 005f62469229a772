// Messages between the page and the simulation worker (see simWorker.ts).

import type { PackedRecords } from '../../../simulator/index';
import type { StreamState } from './traceStore';

export type WorkerRequest = { type: 'init'; scenario: unknown } | { type: 'run'; id: number; untilMs: number };

export type WorkerReply =
  /**
   * The run is done: the records new since the last run as typed columns (their buffers are
   * transferred), the state of what is still in flight, and where the clock is.
   */
  | ({ type: 'delta'; id: number; now: number; finished: boolean; records: PackedRecords } & StreamState)
  | { type: 'error'; id: number; message: string };
