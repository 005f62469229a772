import { describe, expect, test } from 'vitest';
import { executionEnvironmentMachine } from '../../../simulator/index';
import { chartStates, holds, STATE_WORDS } from './chart';

describe('the lifecycle chart read from the machine', () => {
  const states = chartStates(executionEnvironmentMachine.config as never);

  test('lists every state of the execution environment, nested Init phases under Init (F02)', () => {
    expect(states.map((s) => s.path)).toEqual([
      'initializing', 'initializing.extensionInit', 'initializing.runtimeInit', 'initializing.functionInit',
      'idle', 'busy', 'resetting', 'shuttingDown', 'shutDown',
    ]);
    expect(states.find((s) => s.path === 'shutDown')?.final).toBe(true);
  });

  test('resolves targets to the paths the engine reports', () => {
    const functionInit = states.find((s) => s.path === 'initializing.functionInit')!;
    expect(functionInit.transitions).toEqual([{ event: 'functionInit.completed', target: 'idle' }]);
    const runtimeInit = states.find((s) => s.path === 'initializing.runtimeInit')!;
    expect(runtimeInit.transitions).toEqual([{ event: 'runtimeInit.completed', target: 'initializing.functionInit' }]);
    const busy = states.find((s) => s.path === 'busy')!;
    expect(busy.transitions).toContainEqual({ event: 'invoke.timedOut', target: 'resetting' }); // F06
  });

  test('every state has words, and a parent holds its children', () => {
    for (const s of states) expect(STATE_WORDS[s.path], s.path).toBeTruthy();
    expect(holds('initializing', 'initializing.runtimeInit')).toBe(true);
    expect(holds('idle', 'idle')).toBe(true);
    expect(holds('initializing', 'idle')).toBe(false);
  });
});
