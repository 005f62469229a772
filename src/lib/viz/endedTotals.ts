// Running totals over the invocations that had ended by the cursor: count, errors, billed
// time per function and the duration distribution. Moving the cursor walks only the
// invocations between the old and new position, so the summary costs the same at minute 10
// as at second 1; invocations the index forgets stay counted (they ended before any cursor
// it can still be asked about).

import { DurationCounts } from './durationCounts';
import type { VizInvocation } from './types';

export interface FunctionTotals {
  invocations: number;
  errors: number;
  billedMs: number;
}

export class EndedTotals {
  /** How many of the index's `ended` list (a prefix) are counted. */
  included = 0;
  count = 0;
  errors = 0;
  readonly durations = new DurationCounts();
  readonly byFunction = new Map<string, FunctionTotals>();

  add(inv: VizInvocation, sign: 1 | -1 = 1): void {
    this.count += sign;
    const failed = inv.status !== 'success' ? sign : 0;
    this.errors += failed;
    this.durations.add(inv.durationMs, sign);
    let f = this.byFunction.get(inv.function);
    if (!f) this.byFunction.set(inv.function, (f = { invocations: 0, errors: 0, billedMs: 0 }));
    f.invocations += sign;
    f.errors += failed;
    f.billedMs += sign * inv.billedDurationMs;
  }

  /** Count exactly ended[0, n). */
  moveTo(ended: readonly VizInvocation[], n: number): void {
    while (this.included < n) this.add(ended[this.included++]);
    while (this.included > n) this.add(ended[--this.included], -1);
  }
}
