// Concurrent executions over virtual time on a fixed grid: a difference array of invocation
// spans (F12: one request per environment, so busy environments = concurrency).

import type { VizInvocation } from './types';

/**
 * When an invocation began to hold its environment: a cold start holds it from the start of
 * Init (F20), since the request waits for Init on an environment no other request may use.
 * Counting from startMs would leave Init out and undercount concurrency during a burst.
 */
export function busyFromMs(inv: Pick<VizInvocation, 'coldStart' | 'initDurationMs' | 'startMs'>): number {
  return inv.coldStart && inv.initDurationMs !== undefined ? inv.startMs - inv.initDurationMs : inv.startMs;
}

export class ConcurrencyGrid {
  private diff: Int32Array;
  private prefix: Int32Array;
  private validUpTo = -1; // prefix is correct for slots <= validUpTo
  private maxSlot = 0;

  constructor(readonly resolutionMs: number) {
    this.diff = new Int32Array(4096);
    this.prefix = new Int32Array(4096);
  }

  clear(): void {
    this.diff.fill(0);
    this.validUpTo = -1;
    this.maxSlot = 0;
  }

  /** Count one execution busy over [startMs, endMs). */
  add(startMs: number, endMs: number): void {
    const a = Math.floor(startMs / this.resolutionMs);
    // Slots are [start, end) rounded down at both ends, so a run that ends and another that
    // starts within the same slot never count as overlapping; a 0 ms run still gets one slot.
    const b = Math.max(a + 1, Math.floor(endMs / this.resolutionMs));
    this.ensure(b + 1);
    this.diff[a] += 1;
    this.diff[b] -= 1;
    if (a - 1 < this.validUpTo) this.validUpTo = a - 1;
    if (b > this.maxSlot) this.maxSlot = b;
  }

  /** Concurrent executions during the grid slot that holds t. */
  at(t: number): number {
    const slot = Math.floor(t / this.resolutionMs);
    if (slot < 0 || slot > this.maxSlot) return 0;
    this.settle(slot);
    return this.prefix[slot];
  }

  /** Peak per bucket: n buckets evenly covering [fromMs, toMs), clipped at untilMs. */
  peaks(fromMs: number, toMs: number, n: number, untilMs: number): Int32Array {
    const out = new Int32Array(n);
    const span = (toMs - fromMs) / n;
    const lastSlot = Math.min(this.maxSlot, Math.floor(untilMs / this.resolutionMs));
    if (lastSlot < 0) return out;
    this.settle(lastSlot);
    for (let i = 0; i < n; i++) {
      const s0 = Math.max(0, Math.floor((fromMs + i * span) / this.resolutionMs));
      const s1 = Math.min(lastSlot, Math.ceil((fromMs + (i + 1) * span) / this.resolutionMs) - 1);
      let peak = 0;
      for (let s = s0; s <= s1; s++) if (this.prefix[s] > peak) peak = this.prefix[s];
      out[i] = peak;
    }
    return out;
  }

  /** Time-weighted mean concurrency over [fromMs, toMs). */
  mean(fromMs: number, toMs: number): number {
    const s0 = Math.max(0, Math.floor(fromMs / this.resolutionMs));
    const s1 = Math.floor((toMs - 1) / this.resolutionMs);
    if (s1 < s0) return 0;
    const last = Math.min(s1, this.maxSlot);
    this.settle(last);
    let sum = 0;
    for (let s = s0; s <= last; s++) sum += this.prefix[s];
    return sum / (s1 - s0 + 1);
  }

  private settle(slot: number): void {
    if (slot <= this.validUpTo) return;
    let running = this.validUpTo >= 0 ? this.prefix[this.validUpTo] : 0;
    for (let s = this.validUpTo + 1; s <= slot; s++) {
      running += this.diff[s];
      this.prefix[s] = running;
    }
    this.validUpTo = slot;
  }

  private ensure(size: number): void {
    if (size <= this.diff.length) return;
    let cap = this.diff.length;
    while (cap < size) cap *= 2;
    const d = new Int32Array(cap);
    d.set(this.diff);
    const p = new Int32Array(cap);
    p.set(this.prefix);
    this.diff = d;
    this.prefix = p;
  }
}

/** A grid fine enough to see 1 ms runs in short scenarios, bounded in size for long ones. */
export function gridResolutionMs(horizonMs: number): number {
  return Math.max(1, Math.ceil(horizonMs / 200_000));
}
