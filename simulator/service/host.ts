// What an execution environment's handler (model or code) may ask of the Lambda service: the
// clock, the records, the lifecycle steps and the code runtime. The handlers see this narrow
// interface, never the service itself, so the service's files import each other one way only.
import type { Scheduler } from '../core/scheduler';
import type { CreateCodeEnvironment } from '../runtime/types';
import type { InvokeCall } from '../sources/types';
import type { DependencyCall } from '../aws/types';
import type { EnvironmentEndReason } from '../trace/records';
import type { SimulationEvent } from '../simulationTypes';
import type { EnvironmentEventType } from '../machines/transitionTable';
import type { Environment, InvocationEnd } from './functionPool';
import type { Recorder } from './recorder';
import type { ReplyQueue } from './replyQueue';
import type { EffectiveRules } from '../rules/resolve';

export interface ServiceConfig {
  epochMs: number;
  region: string;
  accountConcurrencyLimit: number;
  idleTimeoutMs: number;
  scalingEnvironments: number;
  scalingWindowMs: number;
  /** F16: how long provisioned concurrency requested during a run takes to be allocated. */
  provisionedAllocationMs: number;
  /** F15: provisioned environments are replaced after this long ("every few hours"). */
  provisionedRecycleMs: number;
  /** The dated rules this run follows (rules/resolve.ts). */
  rules: EffectiveRules;
  /** The scenario's durationMs: loops under Allow are held after it (recursion.ts, HELD_AT_END). */
  endMs: number;
}

export interface EnvironmentHost {
  readonly scheduler: Scheduler;
  readonly recorder: Recorder;
  readonly config: ServiceConfig;
  /** Listeners of the live events, or null when nobody listens. */
  readonly emit: ((e: SimulationEvent) => void) | null;
  /** Code handlers: the runtime factory, the simulated dependencies, and work to await. */
  readonly codeFactory: CreateCodeEnvironment | undefined;
  readonly dependencies: { call: DependencyCall } | undefined;
  track(p: Promise<unknown>): void;
  /** What runtimes say while the engine waits for them, applied in environment order. */
  readonly replies: ReplyQueue;
  /** One lifecycle step of the environment chart (throws on a step the chart forbids). */
  fire(env: Environment, event: EnvironmentEventType): void;
  stateName(env: Environment): string;
  /** Init finished at now(): idle, or on to the waiting request. */
  initCompleted(env: Environment): void;
  startInvocation(env: Environment, call: InvokeCall, coldStart: boolean, suppressedInitMs?: number): void;
  endInvocation(env: Environment, end: InvocationEnd): void;
  /** The environment reached shutDown (records and pools). */
  ended(env: Environment, reason: EnvironmentEndReason): void;
  /** Takes an idle environment out of its pool (it is about to be reset). */
  removeIdle(env: Environment): void;
}
