// One poller of a Kinesis or DynamoDB Streams event source mapping: it reads one shard (or,
// with a parallelization factor, one partition-key lane of a shard) in order (F83-F87).
// A failing batch blocks the lane: it is retried (or bisected) until it succeeds, runs out
// of retries, or its records expire; only then does the lane move on.
import { setup } from 'xstate';
import { machineTable } from '../machines/machineTable';

export interface StreamPollerContext {
  /** Records wait behind the current position. */
  hasMore: boolean;
}

export type StreamPollerEvent =
  | { type: 'records.arrived' }
  | { type: 'poll.due' }
  | { type: 'batch.succeeded' }
  | { type: 'batch.failed' }
  | { type: 'batch.discarded' }
  | { type: 'retry.due' };

export const streamPollerGuards = {
  hasMore: (c: StreamPollerContext) => c.hasMore,
};

export const streamPollerMachine = setup({
  types: { context: {} as StreamPollerContext, events: {} as StreamPollerEvent, input: {} as StreamPollerContext },
  guards: { hasMore: ({ context }) => streamPollerGuards.hasMore(context) },
}).createMachine({
  id: 'streamPoller',
  context: ({ input }) => input,
  initial: 'idle',
  states: {
    idle: { on: { 'records.arrived': 'polling' } },
    // F83/F84: the next read comes at the shard's polling cadence.
    polling: {
      on: {
        // Records that expired while waiting are dropped first; nothing left means idle.
        'poll.due': [{ guard: 'hasMore', target: 'invoking' }, { target: 'idle' }],
        'records.arrived': 'polling',
      },
    },
    invoking: {
      on: {
        'records.arrived': 'invoking',
        // "keeps going while records are available" (F83)
        'batch.succeeded': [{ guard: 'hasMore', target: 'polling' }, { target: 'idle' }],
        'batch.failed': 'blocked', // F86: the shard waits for this batch
        'batch.discarded': [{ guard: 'hasMore', target: 'polling' }, { target: 'idle' }],
      },
    },
    blocked: { on: { 'retry.due': 'invoking', 'records.arrived': 'blocked' } },
  },
});

export type StreamPollerState = 'idle' | 'polling' | 'invoking' | 'blocked';

export const streamPollerTable = machineTable<StreamPollerContext, StreamPollerEvent['type']>(streamPollerMachine, streamPollerGuards);
