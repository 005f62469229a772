// The reader of one function's internal async queue (F64): it hands queued events to the
// function while they are accepted, and after a throttle it stops and backs off, from 1 s
// doubling up to 5 min, before it reads again. A run that is accepted resets the back-off.
import { setup } from 'xstate';
import { machineTable } from '../machines/machineTable';

export type AsyncDispatcherEvent =
  | { type: 'event.queued' }
  | { type: 'queue.drained' }
  | { type: 'invoke.throttled' }
  | { type: 'backoff.expired' };

export const asyncDispatcherMachine = setup({
  types: { events: {} as AsyncDispatcherEvent },
}).createMachine({
  id: 'asyncDispatcher',
  initial: 'idle',
  states: {
    idle: { on: { 'event.queued': 'dispatching' } },
    dispatching: {
      on: { 'queue.drained': 'idle', 'invoke.throttled': 'backingOff', 'event.queued': 'dispatching' },
    },
    backingOff: { on: { 'backoff.expired': 'dispatching', 'event.queued': 'backingOff' } },
  },
});

export type AsyncDispatcherState = 'idle' | 'dispatching' | 'backingOff';

export const asyncDispatcherTable = machineTable<unknown, AsyncDispatcherEvent['type']>(asyncDispatcherMachine, {});

/** F64: the interval grows exponentially from 1 second to at most 5 minutes. */
export const ASYNC_BACKOFF_FIRST_MS = 1_000;
export const ASYNC_BACKOFF_MAX_MS = 300_000;
export const nextAsyncBackoffMs = (previousMs: number): number =>
  previousMs <= 0 ? ASYNC_BACKOFF_FIRST_MS : Math.min(ASYNC_BACKOFF_MAX_MS, previousMs * 2);
