// Cheap stepping of the statecharts on the hot path. At start-up the execution environment
// chart is walked with xstate's pure transition function into a flat (state x event) table,
// and the scaler chart's ordered guarded transitions into a rule list. A test checks both
// against the machines; the charts stay the single definition (stack.md §2.5: actors through
// the actor system are ~35x slower than a plain event loop).
import { transition } from 'xstate';
import { executionEnvironmentMachine, type ExecutionEnvironmentEvent } from './executionEnvironmentMachine';
import { functionScalerMachine, placementGuards, type PlacementAction, type PlacementContext } from './functionScalerMachine';

export type EnvironmentEventType = ExecutionEnvironmentEvent['type'];

export interface EnvironmentTable {
  /** Leaf state paths, e.g. 'initializing.runtimeInit', 'idle'. Index = state id. */
  states: string[];
  events: EnvironmentEventType[];
  /** next[state * events.length + event] = next state id, or -1 when the chart forbids it. */
  next: Int16Array;
  initial: number;
  stateId(path: string): number;
  eventId(type: EnvironmentEventType): number;
}

/** Every event type the chart names, in document order: read from the chart, never listed by hand. */
function chartEvents(node: { config: { on?: Record<string, unknown> }; states: Record<string, any> }, into = new Set<string>()): Set<string> {
  for (const type of Object.keys(node.config.on ?? {})) into.add(type);
  for (const child of Object.values(node.states)) chartEvents(child, into);
  return into;
}

export const ENVIRONMENT_EVENT_TYPES = [...chartEvents(executionEnvironmentMachine.root as any)] as EnvironmentEventType[];

/** Dotted path of a snapshot's (single, non-parallel) state value. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0];
  return `${key}.${statePath(inner)}`;
}

/** Leaf state paths of the machine, in document order. */
function leafPaths(node: { key: string; states: Record<string, any> }, prefix = ''): string[] {
  return Object.values(node.states).flatMap((child: any) => {
    const path = prefix ? `${prefix}.${child.key}` : child.key;
    return Object.keys(child.states).length ? leafPaths(child, path) : [path];
  });
}

function toValue(path: string): any {
  const parts = path.split('.');
  return parts.reduceRight<any>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined);
}

export function buildEnvironmentTable(): EnvironmentTable {
  const machine = executionEnvironmentMachine;
  const states = leafPaths(machine.root as any);
  const events = ENVIRONMENT_EVENT_TYPES;
  const next = new Int16Array(states.length * events.length).fill(-1);
  states.forEach((path, s) => {
    const snapshot = machine.resolveState({ value: toValue(path), context: {} } as any);
    events.forEach((type, e) => {
      if (!snapshot.can({ type } as ExecutionEnvironmentEvent)) return;
      const [after] = transition(machine, snapshot, { type } as ExecutionEnvironmentEvent);
      next[s * events.length + e] = states.indexOf(statePath(after.value));
    });
  });
  const initial = states.indexOf(statePath(machine.getInitialSnapshot({} as any).value));
  return {
    states, events, next, initial,
    stateId: (path) => states.indexOf(path),
    eventId: (type) => events.indexOf(type),
  };
}

/** What xstate hands a guard; the service keeps one per function and reuses it. */
export interface GuardArgs {
  context: PlacementContext;
}

export interface PlacementRule {
  guard: ((args: GuardArgs) => boolean) | null;
  action: PlacementAction;
}

/** The scaler's 'request.arrived' transitions, in order, with the machine's own guard functions. */
export function placementRules(): PlacementRule[] {
  const transitions = (functionScalerMachine.root as any).on['request.arrived'] as any[];
  return transitions.map((t) => {
    const guardName = t.guard?.type ?? (typeof t.guard === 'string' ? t.guard : undefined);
    const guard = guardName ? (placementGuards as Record<string, (a: GuardArgs) => boolean>)[guardName] : undefined;
    const action = (t.actions[0]?.type ?? t.actions[0]) as PlacementAction;
    return { guard: guard ?? null, action };
  });
}

/** Evaluates the rules: the first rule whose guard passes gives the action. */
export function decidePlacement(rules: PlacementRule[], args: GuardArgs): PlacementAction {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.guard === null || rule.guard(args)) return rule.action;
  }
  throw new Error('functionScalerMachine has no fallback transition');
}
