// The execution environment lifecycle (F01-F09): Init (extension, runtime, function init;
// F02) -> Invoke (xN) -> frozen between invokes (F09) -> Shutdown (F07, F08). A timeout or
// crash resets the environment (F06); the simulator then replaces it (see README).
// Timing lives in the service; this chart is the one definition of which step may follow
// which. The service steps it through a table derived from it (transitionTable.ts).
import { setup } from 'xstate';

export type ExecutionEnvironmentEvent =
  | { type: 'extensionInit.completed' }
  | { type: 'runtimeInit.completed' }
  | { type: 'functionInit.completed' }
  | { type: 'init.failed' } // F131: module code threw; the invoke that follows reports it, then reset
  | { type: 'init.timedOut' } // F03: 10 s on-demand limit; Init is retried inside the invoke
  | { type: 'invoke.received' }
  | { type: 'invoke.succeeded' }
  | { type: 'invoke.failed' } // function error: the environment stays warm
  | { type: 'invoke.timedOut' } // F133 -> reset (F06)
  | { type: 'invoke.crashed' } // runtime exited -> reset (F06)
  | { type: 'runtime.exited' } // the runtime process exited while frozen (code handlers) -> reset (F06)
  | { type: 'reset.completed' }
  | { type: 'idle.expired' } // F08: reclaimed after the idle time (a knob)
  | { type: 'config.updated' } // F11: new code or configuration retires the environment
  | { type: 'shutdown.completed' }
  | { type: 'simulation.ended' };

export const executionEnvironmentMachine = setup({
  types: { events: {} as ExecutionEnvironmentEvent },
}).createMachine({
  id: 'executionEnvironment',
  initial: 'initializing',
  states: {
    initializing: {
      initial: 'extensionInit',
      states: {
        extensionInit: { on: { 'extensionInit.completed': 'runtimeInit' } },
        runtimeInit: { on: { 'runtimeInit.completed': 'functionInit' } },
        functionInit: { on: { 'functionInit.completed': '#executionEnvironment.idle' } },
      },
      on: {
        'init.failed': 'busy',
        'init.timedOut': 'busy',
        'simulation.ended': 'shutDown',
      },
    },
    idle: {
      on: {
        'invoke.received': 'busy',
        'runtime.exited': 'resetting',
        'idle.expired': 'shuttingDown',
        'config.updated': 'shuttingDown',
        'simulation.ended': 'shutDown',
      },
    },
    busy: {
      on: {
        'invoke.succeeded': 'idle',
        'invoke.failed': 'idle',
        'invoke.timedOut': 'resetting',
        'invoke.crashed': 'resetting',
        'simulation.ended': 'shutDown',
      },
    },
    resetting: { on: { 'reset.completed': 'shutDown' } },
    shuttingDown: { on: { 'shutdown.completed': 'shutDown' } },
    shutDown: { type: 'final' },
  },
});
