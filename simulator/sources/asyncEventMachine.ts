// One event in Lambda's internal queue for asynchronous invocation (F63-F66): it waits in the
// queue, runs, and either succeeds, waits for a retry after a function error, or leaves with
// nowhere else to go. Throttles send it back to the queue without using a retry (F64).
import { setup } from 'xstate';
import { machineTable } from '../machines/machineTable';

export interface AsyncEventContext {
  /** Runs that ended in a function error so far (timeouts count too, F63). */
  functionErrors: number;
  /** MaximumRetryAttempts, 0-2 (F65). */
  maximumRetryAttempts: number;
  /** An on-failure destination (or DLQ) is configured (F65, F68, F70). */
  hasOnFailure: boolean;
}

export type AsyncEventEvent =
  | { type: 'dispatch' }
  | { type: 'invoke.succeeded' }
  | { type: 'invoke.failed' }
  | { type: 'invoke.throttled' }
  | { type: 'reservedConcurrency.zero' }
  | { type: 'recursion.stopped' }
  | { type: 'retry.due' }
  | { type: 'age.exceeded' };

export const asyncEventGuards = {
  // F63/F65: up to MaximumRetryAttempts more runs after the first function error.
  retriesLeft: (c: AsyncEventContext) => c.functionErrors <= c.maximumRetryAttempts,
  hasOnFailure: (c: AsyncEventContext) => c.hasOnFailure,
};

export const asyncEventMachine = setup({
  types: { context: {} as AsyncEventContext, events: {} as AsyncEventEvent, input: {} as AsyncEventContext },
  guards: {
    retriesLeft: ({ context }) => asyncEventGuards.retriesLeft(context),
    hasOnFailure: ({ context }) => asyncEventGuards.hasOnFailure(context),
  },
}).createMachine({
  id: 'asyncEvent',
  context: ({ input }) => input,
  initial: 'queued',
  states: {
    queued: {
      on: {
        dispatch: 'running',
        // F65: older than MaximumEventAgeInSeconds -> on-failure destination or discarded.
        'age.exceeded': [{ guard: 'hasOnFailure', target: 'deadLettered' }, { target: 'discarded' }],
      },
    },
    running: {
      on: {
        'invoke.succeeded': 'succeeded',
        'invoke.failed': [
          { guard: 'retriesLeft', target: 'awaitingRetry' },
          { guard: 'hasOnFailure', target: 'deadLettered' },
          { target: 'discarded' },
        ],
        'invoke.throttled': 'queued', // F64: back to the queue, retried with back-off
        // F66: reserved concurrency 0 sends the event straight on, without retries.
        'reservedConcurrency.zero': [{ guard: 'hasOnFailure', target: 'deadLettered' }, { target: 'discarded' }],
        // F95: a stopped recursive loop goes to the DLQ / on-failure destination, without retries.
        'recursion.stopped': [{ guard: 'hasOnFailure', target: 'deadLettered' }, { target: 'discarded' }],
      },
    },
    awaitingRetry: { on: { 'retry.due': 'queued' } },
    succeeded: { type: 'final' },
    deadLettered: { type: 'final' },
    discarded: { type: 'final' },
  },
});

export type AsyncEventState = 'queued' | 'running' | 'awaitingRetry' | 'succeeded' | 'deadLettered' | 'discarded';

export const asyncEventTable = machineTable<AsyncEventContext, AsyncEventEvent['type']>(asyncEventMachine, asyncEventGuards);
