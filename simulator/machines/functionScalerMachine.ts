// How the Lambda service places one request for a function (F12, F16-F17, F52-F59): if the
// reserved concurrency is used up it is throttled; else it goes to an idle provisioned
// environment if there is one (F17); else if the account's pool is used up it is throttled;
// else it goes to an idle warm environment if there is one, else to a new environment if the
// scaling rate allows (F56), else it is throttled. The guards are evaluated in the order written; the first that passes wins.
// The service evaluates the same ordered rules through placementRules() (transitionTable.ts).
import { setup } from 'xstate';

/** What the guards look at when a request arrives. */
export interface PlacementContext {
  idleProvisioned: number;
  idleOnDemand: number;
  /** Busy + initializing environments of this function (its concurrency, F12). */
  concurrency: number;
  /** Reserved concurrency, or undefined for the unreserved pool. */
  reservedConcurrency: number | undefined;
  /** Concurrency held by all unreserved functions (busy environments and every provisioned one,
   * F16), and the unreserved pool size (F53). */
  unreservedConcurrency: number;
  unreservedLimit: number;
  /** True when the function already created its cap of environments in the sliding window (F56). */
  scalingWindowFull: boolean;
}

export type PlacementAction =
  | 'invokeProvisioned'
  | 'invokeWarm'
  | 'throttleReserved'
  | 'throttleAccount'
  | 'throttleScalingRate'
  | 'createEnvironment';

export const placementGuards = {
  hasIdleProvisionedEnvironment: ({ context }: { context: PlacementContext }) => context.idleProvisioned > 0,
  hasIdleEnvironment: ({ context }: { context: PlacementContext }) => context.idleOnDemand > 0,
  // F59: reserved concurrency is a maximum (0 throttles everything, F137).
  reservedConcurrencyReached: ({ context }: { context: PlacementContext }) =>
    context.reservedConcurrency !== undefined && context.concurrency >= context.reservedConcurrency,
  // F52/F53: unreserved functions share the account limit minus all reservations.
  accountConcurrencyReached: ({ context }: { context: PlacementContext }) =>
    context.reservedConcurrency === undefined && context.unreservedConcurrency >= context.unreservedLimit,
  // F56: 1,000 new environments per 10 s per function.
  scalingRateReached: ({ context }: { context: PlacementContext }) => context.scalingWindowFull,
};

export const functionScalerMachine = setup({
  types: {
    context: {} as PlacementContext,
    events: {} as { type: 'request.arrived' },
    input: {} as PlacementContext,
  },
  guards: placementGuards,
  actions: {
    invokeProvisioned: () => {},
    invokeWarm: () => {},
    throttleReserved: () => {},
    throttleAccount: () => {},
    throttleScalingRate: () => {},
    createEnvironment: () => {},
  },
}).createMachine({
  id: 'functionScaler',
  context: ({ input }) => input,
  // One decision per request, no states: placement depends only on the context.
  on: {
    'request.arrived': [
      // Every placement, warm or cold, adds one to the function's concurrency, so its limit
      // comes first. An idle provisioned environment already holds its share of the account
      // (F16), so only the placements after it can hit the account limit.
      { guard: 'reservedConcurrencyReached', actions: 'throttleReserved' },
      { guard: 'hasIdleProvisionedEnvironment', actions: 'invokeProvisioned' },
      { guard: 'accountConcurrencyReached', actions: 'throttleAccount' },
      { guard: 'hasIdleEnvironment', actions: 'invokeWarm' },
      { guard: 'scalingRateReached', actions: 'throttleScalingRate' },
      { actions: 'createEnvironment' },
    ],
  },
});
