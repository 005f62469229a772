// The engine on the page's own thread, fetched the first time something here needs it (code
// handlers, a reference run, the rule ledger). A player that only plays never loads it: its
// worker has its own copy. Checking a scenario needs only the checker (loadChecker).
type Engine = typeof import('../../../simulator/index');
type Checker = typeof import('../../../simulator/check');

let engine: Promise<Engine> | undefined;
let checker: Promise<Checker> | undefined;

export function loadEngine(): Promise<Engine> {
  engine ??= import('../../../simulator/index');
  return engine;
}

/** parseScenario without the engine (simulator/check.ts): zod and the scenario's schemas. */
export function loadChecker(): Promise<Checker> {
  checker ??= import('../../../simulator/check');
  return checker;
}
