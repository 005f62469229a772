import { transition, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { asyncDispatcherMachine, asyncDispatcherTable } from '../sources/asyncDispatcherMachine';
import { asyncEventMachine, asyncEventTable } from '../sources/asyncEventMachine';
import type { MachineTable } from './machineTable';
import { sqsPollerMachine, sqsPollerTable } from '../sources/sqsPollerMachine';
import { streamPollerMachine, streamPollerTable } from '../sources/streamPollerMachine';

/** Every (state, event, context) the table answers must match xstate's own pure transition. */
function checkAgainstXState<C>(machine: AnyStateMachine, table: MachineTable<C, string>, events: string[], contexts: C[]): number {
  let checked = 0;
  for (const state of table.states) {
    for (const context of contexts) {
      const snapshot = machine.resolveState({ value: state, context: context as any });
      for (const type of events) {
        const allowed = snapshot.can({ type } as any);
        expect(table.accepts(state, type) || !allowed, `${machine.id} ${state} ${type}`).toBe(true);
        if (!allowed) {
          if (!table.accepts(state, type)) expect(() => table.next(state, type, context)).toThrow(/not allowed/);
          continue;
        }
        const [after] = transition(machine, snapshot, { type } as any);
        expect(table.next(state, type, context), `${machine.id} ${state} --${type}--> with ${JSON.stringify(context)}`).toBe(after.value);
        checked++;
      }
    }
  }
  return checked;
}

describe('statechart tables of the event sources', () => {
  it('step the async event chart exactly as xstate does, for every retry setting', () => {
    const contexts = [0, 1, 2, 3].flatMap((functionErrors) => [0, 1, 2].flatMap((maximumRetryAttempts) =>
      [true, false].map((hasOnFailure) => ({ functionErrors, maximumRetryAttempts, hasOnFailure }))));
    const events = ['dispatch', 'invoke.succeeded', 'invoke.failed', 'invoke.throttled', 'reservedConcurrency.zero', 'retry.due', 'age.exceeded'];
    expect(checkAgainstXState(asyncEventMachine, asyncEventTable, events, contexts)).toBeGreaterThan(100);
    expect([...asyncEventTable.finalStates].sort()).toEqual(['deadLettered', 'discarded', 'succeeded']);
  });

  it('step the async dispatcher, SQS poller and stream poller charts exactly as xstate does', () => {
    expect(checkAgainstXState(asyncDispatcherMachine, asyncDispatcherTable, ['event.queued', 'queue.drained', 'invoke.throttled', 'backoff.expired'], [undefined])).toBe(6);
    expect(checkAgainstXState(sqsPollerMachine, sqsPollerTable,
      ['batch.received', 'invoke.completed', 'invoke.throttled', 'backoff.expired', 'visibility.expired'], [undefined])).toBe(5);
    expect(checkAgainstXState(streamPollerMachine, streamPollerTable,
      ['records.arrived', 'poll.due', 'batch.succeeded', 'batch.failed', 'batch.discarded', 'retry.due'],
      [{ hasMore: true }, { hasMore: false }])).toBe(18);
  });
});
