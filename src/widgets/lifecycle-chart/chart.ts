// The execution environment's statechart as a flat list the view draws: every state of the
// XState definition (nested ones under their parent) with the transitions leaving it. Read from
// the machine's own config, so the drawing cannot drift from what the engine runs.

export interface ChartTransition {
  event: string;
  /** Leaf-or-parent path of the target, e.g. 'idle' or 'initializing.runtimeInit'. */
  target: string;
}

export interface ChartState {
  /** Dotted path, the same string the engine reports in `environment.state` events. */
  path: string;
  name: string;
  depth: number;
  final: boolean;
  transitions: ChartTransition[];
}

interface StateConfig {
  initial?: string;
  type?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, string | { target?: string } | (string | { target?: string })[]>;
}

/** '#executionEnvironment.idle' -> 'idle'; a sibling name -> its path beside `from`. */
function resolveTarget(target: string, machineId: string, parentPath: string): string {
  if (target.startsWith(`#${machineId}.`)) return target.slice(machineId.length + 2);
  return parentPath ? `${parentPath}.${target}` : target;
}

function targetsOf(on: StateConfig['on']): [string, string][] {
  return Object.entries(on ?? {}).flatMap(([event, t]) => {
    const list = Array.isArray(t) ? t : [t];
    return list.flatMap((x) => {
      const target = typeof x === 'string' ? x : x.target;
      return target ? [[event, target] as [string, string]] : [];
    });
  });
}

export function chartStates(config: { id?: string; states?: Record<string, StateConfig> }): ChartState[] {
  const machineId = config.id ?? '';
  const out: ChartState[] = [];
  const walk = (states: Record<string, StateConfig>, parentPath: string, depth: number) => {
    for (const [name, state] of Object.entries(states)) {
      const path = parentPath ? `${parentPath}.${name}` : name;
      out.push({
        path, name, depth, final: state.type === 'final',
        transitions: targetsOf(state.on).map(([event, target]) => ({ event, target: resolveTarget(target, machineId, parentPath) })),
      });
      if (state.states) walk(state.states, path, depth + 1);
    }
  };
  walk(config.states ?? {}, '', 0);
  return out;
}

/** Words for each state, keyed by its path; Lambda's phase names where AWS has one (F01, F02, F09). */
export const STATE_WORDS: Record<string, string> = {
  initializing: 'Init',
  'initializing.extensionInit': 'Extension init',
  'initializing.runtimeInit': 'Runtime init',
  'initializing.functionInit': 'Function init (your module code)',
  idle: 'Frozen, waiting (warm)',
  busy: 'Invoke (running your handler)',
  resetting: 'Reset after a timeout or crash',
  shuttingDown: 'Shutdown',
  shutDown: 'Gone',
};

/** True when `path` is the state or one of its ancestors ('initializing' holds 'initializing.runtimeInit'). */
export const holds = (path: string, state: string): boolean => state === path || state.startsWith(`${path}.`);
