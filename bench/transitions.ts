// Why the service steps environments through a derived table: the same idle -> busy -> idle
// cycles through xstate's pure transition() and through the table (transitionTable.ts).
import { transition } from 'xstate';
import { executionEnvironmentMachine } from '../simulator/machines/executionEnvironmentMachine';
import { buildEnvironmentTable } from '../simulator/machines/transitionTable';
import type { Benchmark } from './types';

const CYCLES = 20_000; // xstate's transition() is slow: keep the benchmark short

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function viaXstate(): number {
  let snapshot = executionEnvironmentMachine.resolveState({ value: 'idle', context: {} } as any);
  const t0 = cpuMs();
  for (let i = 0; i < CYCLES; i++) {
    [snapshot] = transition(executionEnvironmentMachine, snapshot, { type: 'invoke.received' });
    [snapshot] = transition(executionEnvironmentMachine, snapshot, { type: 'invoke.succeeded' });
  }
  if (snapshot.value !== 'idle') throw new Error('xstate walk ended in the wrong state');
  return cpuMs() - t0;
}

function viaTable(): number {
  const table = buildEnvironmentTable();
  const n = table.events.length, received = table.eventId('invoke.received'), succeeded = table.eventId('invoke.succeeded');
  let state = table.stateId('idle');
  const t0 = cpuMs();
  for (let i = 0; i < CYCLES * 500; i++) { // 500x the work, so the timer has something to measure
    state = table.next[state * n + received];
    state = table.next[state * n + succeeded];
  }
  if (table.states[state] !== 'idle') throw new Error('table walk ended in the wrong state');
  return (cpuMs() - t0) / 500;
}

export const benchmarks: Benchmark[] = [{
  name: 'environment statechart: 20,000 idle->busy->idle cycles (counted as invocations), xstate transition() vs derived table',
  async run(sample) {
    viaXstate(); viaTable(); // warm-up
    const xs = Math.min(viaXstate(), viaXstate());
    const table = Math.min(viaTable(), viaTable());
    sample();
    const perSecond = (ms: number) => Math.round((2 * CYCLES) / (ms / 1000)).toLocaleString('en-US');
    return { invocations: CYCLES, note: `CPU, best of 2: xstate transition() ${perSecond(xs)} transitions/s, table ${perSecond(table)} transitions/s` };
  },
}];
