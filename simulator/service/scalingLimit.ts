// How fast on-demand concurrency may grow, by the run's rule set (rules/resolve.ts):
// today per function, 1,000 new environments per sliding 10 s (F56, in FunctionPool), or before
// Nov 2023 an account-wide initial burst and then +500 per minute (F57).
import type { AccountBurstScaling } from '../rules/resolve';
import type { FunctionPool } from './functionPool';

export interface ScalingLimit {
  /** True when a new environment for fn would exceed the scaling rate now. */
  full(fn: FunctionPool, nowMs: number): boolean;
  /** A new on-demand environment was created for fn. */
  noteScaleUp(fn: FunctionPool, nowMs: number): void;
}

/** F56: each function's own sliding window. */
export const perFunctionLimit: ScalingLimit = {
  full: (fn, nowMs) => fn.scalingWindowFull(nowMs),
  noteScaleUp: (fn, nowMs) => fn.noteScaleUp(nowMs),
};

/**
 * F57: the account's on-demand concurrency may reach `burst` at once; from the moment it first
 * does, the ceiling rises by `perMinute` at each full minute. The old documentation says nothing
 * about the ceiling falling back when traffic drops, so it never does here.
 */
export class AccountBurstLimit implements ScalingLimit {
  private growthStartMs = -1;
  constructor(private readonly rule: AccountBurstScaling, private readonly accountConcurrency: () => number) {}

  ceiling(nowMs: number): number {
    if (this.growthStartMs < 0) return this.rule.burst;
    return this.rule.burst + this.rule.perMinute * Math.floor((nowMs - this.growthStartMs) / 60_000);
  }

  full(_fn: FunctionPool, nowMs: number): boolean {
    const used = this.accountConcurrency();
    if (used < this.ceiling(nowMs)) return false;
    if (this.growthStartMs < 0) this.growthStartMs = nowMs;
    return used >= this.ceiling(nowMs);
  }

  noteScaleUp(): void {}
}
