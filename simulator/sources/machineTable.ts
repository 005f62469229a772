// Cheap stepping of the sources' flat statecharts, following the engine's pattern
// (simulator/machines/transitionTable.ts): each chart is read once into a table of ordered,
// guarded transitions per (state, event), and the hot path looks rows up instead of running
// actors (stack.md §2.5: actors are ~35x slower). The charts stay the single definition;
// machineTable.test.ts checks every row against xstate's own pure transition function.
import type { AnyStateMachine } from 'xstate';

export type Guard<C> = (context: C) => boolean;

interface Row<C> {
  guard: Guard<C> | null;
  target: string;
}

export interface MachineTable<C, E extends string> {
  readonly initial: string;
  readonly states: readonly string[];
  readonly finalStates: ReadonlySet<string>;
  /** The next state for an event, or throws: an event the chart does not accept is a bug. */
  next(state: string, event: E, context: C): string;
  /** Whether the chart accepts the event in that state (for tests and assertions). */
  accepts(state: string, event: E): boolean;
}

/** Flat charts only: top-level states, transitions with a target and at most a named guard. */
export function machineTable<C, E extends string>(
  machine: AnyStateMachine,
  guards: Record<string, Guard<C>>,
): MachineTable<C, E> {
  const rows = new Map<string, Row<C>[]>();
  const finalStates = new Set<string>();
  const root = machine.root as any;
  for (const [key, node] of Object.entries<any>(root.states)) {
    if (node.type === 'final') finalStates.add(key);
    for (const [event, transitions] of Object.entries<any[]>(node.on ?? {})) {
      rows.set(`${key} ${event}`, transitions.map((t) => {
        const guardName: string | undefined = t.guard?.type ?? (typeof t.guard === 'string' ? t.guard : undefined);
        if (guardName && !guards[guardName]) throw new Error(`${machine.id}: no guard '${guardName}'`);
        const target: string = t.target?.[0]?.key ?? key;
        return { guard: guardName ? guards[guardName] : null, target };
      }));
    }
  }
  const initial = root.config.initial as string;
  return {
    initial,
    states: Object.keys(root.states),
    finalStates,
    accepts: (state, event) => rows.has(`${state} ${event}`),
    next(state, event, context) {
      const options = rows.get(`${state} ${event}`);
      if (options) {
        for (const row of options) if (row.guard === null || row.guard(context)) return row.target;
      }
      throw new Error(`${machine.id}: event '${event}' is not allowed in state '${state}'`);
    },
  };
}
