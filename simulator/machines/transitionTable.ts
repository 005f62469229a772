// The hot path's form of the two service charts, compiled by machineTable.ts: the execution
// environment chart as a dense (state x event) array of next-state ids, and the scaler chart's
// ordered guarded transitions as a rule list with the chart's own guard functions. Tests check
// both against xstate; the charts stay the single definition.
import { executionEnvironmentMachine, type ExecutionEnvironmentEvent } from './executionEnvironmentMachine';
import { functionScalerMachine, placementGuards, type PlacementAction, type PlacementContext } from './functionScalerMachine';
import { machineTable } from './machineTable';

export type EnvironmentEventType = ExecutionEnvironmentEvent['type'];

export interface EnvironmentTable {
  /** Leaf state paths, e.g. 'initializing.runtimeInit', 'idle'. Index = state id. */
  states: readonly string[];
  events: readonly EnvironmentEventType[];
  /** next[state * events.length + event] = next state id, or -1 when the chart forbids it. */
  next: Int16Array;
  initial: number;
  stateId(path: string): number;
  eventId(type: EnvironmentEventType): number;
}

const environmentChart = machineTable<unknown, EnvironmentEventType>(executionEnvironmentMachine, {});

/** Every event type the chart names, in document order: read from the chart, never listed by hand. */
export const ENVIRONMENT_EVENT_TYPES = environmentChart.events;

/** Dotted path of a snapshot's (single, non-parallel) state value. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0];
  return `${key}.${statePath(inner)}`;
}

export function buildEnvironmentTable(): EnvironmentTable {
  const { states, events } = environmentChart;
  const next = new Int16Array(states.length * events.length).fill(-1);
  states.forEach((state, s) => {
    events.forEach((type, e) => {
      if (environmentChart.accepts(state, type)) next[s * events.length + e] = states.indexOf(environmentChart.next(state, type, undefined));
    });
  });
  return {
    states, events, next, initial: states.indexOf(environmentChart.initial),
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
  const guards = placementGuards as Record<string, (a: GuardArgs) => boolean>;
  const scaler = machineTable<GuardArgs, 'request.arrived'>(functionScalerMachine, guards);
  return scaler.rows(scaler.initial, 'request.arrived').map((row) => ({ guard: row.guard, action: row.actions[0] as PlacementAction }));
}

/** Evaluates the rules: the first rule whose guard passes gives the action. */
export function decidePlacement(rules: PlacementRule[], args: GuardArgs): PlacementAction {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.guard === null || rule.guard(args)) return rule.action;
  }
  throw new Error('functionScalerMachine has no fallback transition');
}
