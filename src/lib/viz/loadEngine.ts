// The engine on the page's own thread, fetched the first time something here needs it (checking
// a scenario, code handlers, a reference run). A player that only plays never loads it: its
// worker has its own copy.
type Engine = typeof import('../../../simulator/index');

let engine: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  engine ??= import('../../../simulator/index');
  return engine;
}
