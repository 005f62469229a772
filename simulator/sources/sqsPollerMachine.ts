// One concurrent batch slot of an SQS event source mapping (F72, F75, F78): it waits for
// messages (long polling), runs the function synchronously with a batch, and when the invoke
// is throttled it holds the batch and tries again until the batch's visibility timeout ends.
import { setup } from 'xstate';
import { machineTable } from '../machines/machineTable';

export type SqsPollerEvent =
  | { type: 'batch.received' }
  | { type: 'invoke.completed' }
  | { type: 'invoke.throttled' }
  | { type: 'backoff.expired' }
  | { type: 'visibility.expired' };

export const sqsPollerMachine = setup({
  types: { events: {} as SqsPollerEvent },
}).createMachine({
  id: 'sqsPoller',
  initial: 'polling',
  states: {
    polling: { on: { 'batch.received': 'invoking' } },
    invoking: { on: { 'invoke.completed': 'polling', 'invoke.throttled': 'backingOff' } },
    // The batch stays in flight; once its visibility timeout ends SQS shows it again (F78, F79).
    backingOff: { on: { 'backoff.expired': 'invoking', 'visibility.expired': 'polling' } },
  },
});

export type SqsPollerState = 'polling' | 'invoking' | 'backingOff';

export const sqsPollerTable = machineTable<unknown, SqsPollerEvent['type']>(sqsPollerMachine, {});
