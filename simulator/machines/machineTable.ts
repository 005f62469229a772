// The one table compiler for the project's statecharts (the execution environment and the
// scaler here, the event sources' four charts in sources/). Each chart is read once into rows of
// ordered, guarded transitions per (leaf state, event); the hot paths look rows up instead of
// running actors (stack.md §2.5: actors are ~35x slower). The charts stay the single
// definition; the tests check every row against xstate's own pure transition function.
import type { AnyStateMachine } from 'xstate';

export type Guard<C> = (context: C) => boolean;

export interface Row<C> {
  guard: Guard<C> | null;
  guardName: string | undefined;
  /** The leaf state after the transition (a compound target enters its initial leaf). */
  target: string;
  /** Action names, in order (the scaler's decisions are actions without a target). */
  actions: string[];
}

export interface MachineTable<C, E extends string> {
  readonly initial: string;
  /** Leaf state paths in document order ('idle', 'initializing.runtimeInit'); '' for a chart without states. */
  readonly states: readonly string[];
  /** Every event type the chart names, in document order. */
  readonly events: readonly E[];
  readonly finalStates: ReadonlySet<string>;
  /** The next state for an event, or throws: an event the chart does not accept is a bug. */
  next(state: string, event: E, context: C): string;
  /** Whether the chart accepts the event in that state (for tests and assertions). */
  accepts(state: string, event: E): boolean;
  /** The candidate transitions, deepest state first; the first whose guard passes is taken. */
  rows(state: string, event: E): readonly Row<C>[];
}

type Node = { key: string; path: string[]; type: string; states: Record<string, Node>; on: Record<string, any[]>; config: any; initial?: { target: Node[] }; parent?: Node };

const pathOf = (node: Node) => node.path.join('.');
const isLeaf = (node: Node) => Object.keys(node.states).length === 0;

function leaves(node: Node): Node[] {
  return isLeaf(node) ? [node] : Object.values(node.states).flatMap(leaves);
}

/** A target state node entered: compound nodes enter their initial child, down to a leaf. */
function enterLeaf(node: Node): Node {
  let n = node;
  while (!isLeaf(n) && n.initial) n = n.initial.target[0];
  return n;
}

function eventTypes(node: Node, into = new Set<string>()): Set<string> {
  for (const type of Object.keys(node.config.on ?? {})) into.add(type);
  for (const child of Object.values(node.states)) eventTypes(child, into);
  return into;
}

/** Charts with nested states, named guards, targets or action names; no parallel or history states. */
export function machineTable<C, E extends string>(machine: AnyStateMachine, guards: Record<string, Guard<C>>): MachineTable<C, E> {
  const root = machine.root as unknown as Node;
  const rowsByKey = new Map<string, Row<C>[]>();
  const finalStates = new Set<string>();
  const states = leaves(root).map((leaf) => {
    const state = pathOf(leaf);
    if (leaf.type === 'final') finalStates.add(state);
    for (let node: Node | undefined = leaf; node; node = node.parent) {
      for (const [event, transitions] of Object.entries(node.on ?? {})) {
        const key = `${state} ${event}`;
        const rows = rowsByKey.get(key) ?? [];
        for (const t of transitions) {
          const guardName: string | undefined = t.guard?.type ?? (typeof t.guard === 'string' ? t.guard : undefined);
          if (guardName && !guards[guardName]) throw new Error(`${machine.id}: no guard '${guardName}'`);
          const target = t.target?.[0] ? pathOf(enterLeaf(t.target[0])) : state;
          const actions = (t.actions ?? []).map((a: any) => (typeof a === 'string' ? a : a.type));
          rows.push({ guard: guardName ? guards[guardName] : null, guardName, target, actions });
        }
        rowsByKey.set(key, rows);
      }
    }
    return state;
  });
  return {
    initial: pathOf(enterLeaf(root)),
    states,
    events: [...eventTypes(root)] as E[],
    finalStates,
    accepts: (state, event) => rowsByKey.has(`${state} ${event}`),
    rows: (state, event) => rowsByKey.get(`${state} ${event}`) ?? [],
    next(state, event, context) {
      const options = rowsByKey.get(`${state} ${event}`);
      if (options) {
        for (const row of options) if (row.guard === null || row.guard(context)) return row.target;
      }
      throw new Error(`${machine.id}: event '${event}' is not allowed in state '${state}'`);
    },
  };
}
