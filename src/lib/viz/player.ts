// The player: a cursor in virtual time over a deterministic simulation. Playing moves the
// cursor and simulates just ahead of it; scrubbing back only moves the cursor, because the
// recorded trace is the truth (style.md 4). Knob changes build a new Player from the start.
// A long run keeps detail only for the last stretch behind the cursor (memory stays flat);
// going back before it re-runs the same seed from the start, which gives the same trace.

import { createPlayerMode, type PlayerModeEvent } from './playerMode';
import { firstEndingAtOrAfter } from './segments';
import { TraceIndex } from './traceIndex';
import type { Forgotten } from './traceStore';
import type { VizResult } from './types';

/** What the player needs from simulator/index.ts createSimulation(). */
export interface SimulationLike {
  /** Code handlers run for real, so this may be asynchronous. */
  runUntil(virtualMs: number): void | Promise<void>;
  now(): number;
  /** True when nothing but background work is left. */
  isFinished?(): boolean;
  result(): VizResult;
  /** Streamed traces: drop what ended before cutoffMs (see traceStore.ts). */
  forgetBefore?(cutoffMs: number, logCutoffMs: number): Forgotten;
  dispose(): void;
}

export interface PlayerOptions {
  /** Virtual ms simulated beyond the cursor, so every run that started by the cursor is recorded. */
  lookaheadMs: number;
  /** Arrivals stop here (Scenario.durationMs); work in flight then finishes. */
  durationMs: number;
  /** Upper bound on the virtual time the player will simulate (a runaway guard). */
  maxVirtualMs: number;
  resolutionMs: number;
  /** A fresh simulation of the same scenario: lets the player forget, and re-run to go back. */
  restart?: () => SimulationLike;
  /** Forget detail once more invocations than this are held (default 40,000). */
  retainInvocations?: number;
}

/** Per frame, at most this long is spent indexing a delivered run. */
export const INGEST_BUDGET_MS = 6;
const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

const RETAIN_INVOCATIONS = 40_000;
/** Forget only once this many invocations are old: a few times a second at 1,000 requests/s. */
const FORGET_SLICE = 2_000;

export class Player {
  index: TraceIndex;
  /** Detail is kept at least this far behind the cursor (the views' time window). */
  keepBehindMs = 60_000;
  /** Paused, playing, going back or failed (playerMode.ts). */
  private readonly mode = createPlayerMode();
  /** Where a re-run from the start is going (read through rewindingTo). */
  private rewindTarget = 0;
  private generation = 0;
  viewMs = 0;
  speed = 1;
  /** Virtual time simulated so far: the cursor can travel anywhere in [0, horizonMs]. */
  horizonMs = 0;
  /** When the last recorded thing ended, once the simulation has run out of work. */
  endMs: number | undefined;
  /** The furthest virtual time simulated so far, across re-runs (the scrubber's reach). */
  reachedMs = 0;
  /** Set while an asynchronous run (code handlers) is in progress. */
  busy: Promise<void> | undefined;
  /** Where seek() was asked to go while a run was in flight. */
  private wantMs: number | undefined;
  private ingest: { target: number; result: VizResult; finished: boolean | undefined } | undefined;
  error: Error | undefined;
  private listeners = new Set<() => void>();

  constructor(private sim: SimulationLike, private options: PlayerOptions) {
    this.index = new TraceIndex(options.resolutionMs);
    this.simulateTo(0);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get playing(): boolean {
    return this.mode.getSnapshot().matches('playing');
  }

  /** Set while re-running from the start to reach a time whose detail was forgotten. */
  get rewindingTo(): number | undefined {
    return this.rewinding ? this.rewindTarget : undefined;
  }

  private get rewinding(): boolean {
    return this.mode.getSnapshot().matches('rewinding');
  }

  private send(type: PlayerModeEvent['type']): void {
    this.mode.send({ type } as PlayerModeEvent);
  }

  /** Advance by a wall-clock frame delta when playing. */
  tick(wallDeltaMs: number): void {
    if (!this.playing) return;
    this.seek(this.viewMs + wallDeltaMs * this.speed);
    if (this.endMs !== undefined && this.viewMs >= this.endMs) this.send('end');
    this.emit();
  }

  play(): void {
    this.send('play');
    if (this.endMs !== undefined && this.viewMs >= this.endMs) this.seek(0);
    this.emit();
  }

  /** A pause while going back holds after it, too. */
  pause(): void {
    this.send('pause');
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Move the cursor to t, simulating further only when t is beyond what has been simulated. */
  seek(t: number): void {
    if (t < this.index.forgottenBeforeMs && this.options.restart) {
      this.rewind(t);
      return;
    }
    this.wantMs = t;
    if (this.rewinding) this.rewindTarget = t; // sent elsewhere while re-running
    this.viewMs = Math.max(0, Math.min(t, this.endMs ?? this.options.maxVirtualMs));
    for (let guard = 0; guard < 10_000; guard++) {
      this.simulateTo(this.viewMs);
      const covered = this.horizonMs >= Math.min(this.viewMs + this.options.lookaheadMs, this.options.maxVirtualMs);
      if (this.catchingUp || this.error || this.simulatedToEnd || covered) break;
    }
    if (this.endMs !== undefined) this.viewMs = Math.min(this.viewMs, this.endMs);
    // While a run is in flight, only the part of the trace that is surely complete is shown;
    // the cursor goes on to t when the run arrives.
    if (this.catchingUp && !this.simulatedToEnd) this.viewMs = Math.max(0, Math.min(this.viewMs, this.horizonMs - this.options.lookaheadMs));
    if (this.viewMs === t || !this.catchingUp) this.wantMs = undefined;
    if (this.rewinding && this.wantMs === undefined) this.send('rewound');
    this.forgetOld();
    this.emit();
  }

  /** Start again from 0 with a fresh simulation (same seed, same trace) and go to t. */
  private rewind(t: number): void {
    this.generation++;
    this.sim.dispose();
    this.sim = this.options.restart!();
    this.index = new TraceIndex(this.options.resolutionMs);
    this.horizonMs = 0; // endMs stays: the re-run is the same run
    this.ingest = undefined;
    this.busy = undefined;
    this.send('rewind'); // the cursor travels with the re-run, then playing resumes if it was on
    this.rewindTarget = t;
    this.viewMs = 0;
    this.simulateTo(0);
    this.seek(t);
  }

  /** Resolves once no run is in flight and the cursor has reached where it was sent. */
  async settled(): Promise<void> {
    for (let guard = 0; this.catchingUp && guard < 10_000; guard++) {
      if (this.busy) await this.busy;
      else this.drain(Infinity);
    }
  }

  /** Jump to the next thing that happens after the cursor (arrival, start, end, create, destroy). */
  stepForward(): void {
    this.pause();
    for (let guard = 0; guard < 1000; guard++) {
      const next = this.nextEventAfter(this.viewMs);
      if (next !== undefined && (next <= this.horizonMs - this.options.lookaheadMs || this.simulatedToEnd)) {
        this.seek(next);
        return;
      }
      if (this.error || this.simulatedToEnd || this.horizonMs >= this.options.maxVirtualMs) return;
      if (this.catchingUp) {
        void this.settled().then(() => this.stepForward());
        return;
      }
      this.simulateTo(this.horizonMs);
      if ((this as Player).catchingUp) {
        void this.settled().then(() => this.stepForward()); // simulateTo started a run
        return;
      }
    }
  }

  stepBack(): void {
    this.pause();
    this.seek(this.previousEventBefore(this.viewMs) ?? 0);
  }

  reset(): void {
    this.send('pause');
    this.seek(0);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.emit();
  }

  faster(): void {
    this.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(this.speed) + 1)] ?? 1);
  }

  slower(): void {
    this.setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(this.speed) - 1)] ?? 1);
  }

  dispose(): void {
    this.listeners.clear();
    this.mode.stop();
    this.sim.dispose();
  }

  private simulateTo(t: number): void {
    if (this.catchingUp || this.error) return;
    const L = this.options.lookaheadMs;
    const max = this.options.maxVirtualMs;
    // Keep one spare lookahead simulated beyond what the cursor needs, so an asynchronous run
    // (the worker) has a lookahead of playback time to deliver the next chunk; reading the
    // trace copies it, so chunks are large.
    if (this.horizonMs >= Math.min(t + 2 * L, max) && this.horizonMs > 0) return;
    let target = Math.min(t + 3 * L, max);
    // Past the arrivals, go in growing steps and stop once the run has finished, rather than
    // simulating hours of nothing when the cursor is sent far ahead (e.g. "to the end").
    const d = this.options.durationMs;
    if (target > d + 3 * L) target = Math.min(target, Math.max(d, this.horizonMs) + Math.max(3 * L, this.horizonMs - d));
    let ran: void | Promise<void>;
    try {
      ran = this.sim.runUntil(target);
    } catch (err) {
      this.fail(err);
      return;
    }
    if (ran instanceof Promise) {
      const generation = this.generation;
      const busy: Promise<void> = ran.then(
        () => {
          if (generation === this.generation) this.recordRun(target, INGEST_BUDGET_MS);
        },
        (err: unknown) => {
          if (generation === this.generation) this.fail(err);
        },
      ).finally(() => {
        if (generation !== this.generation) return; // a rewind replaced this simulation
        this.busy = undefined;
        if (this.wantMs !== undefined && !this.playing && !this.ingest) this.seek(this.wantMs);
        this.emit();
      });
      this.busy = busy;
    } else {
      this.recordRun(target);
    }
  }

  private recordRun(target: number, budgetMs = Infinity): void {
    this.ingest = { target, result: this.sim.result(), finished: this.sim.isFinished?.() };
    this.drain(budgetMs);
  }

  /** Index a delivered run a slice at a time, so a big chunk never freezes a frame. */
  drain(budgetMs: number): void {
    const job = this.ingest;
    if (!job) return;
    const until = budgetMs === Infinity ? Infinity : clock() + budgetMs;
    if (!this.index.update(job.result, () => clock() > until)) return;
    this.ingest = undefined;
    this.horizonMs = Math.max(job.target, this.sim.now());
    this.reachedMs = Math.max(this.reachedMs, this.horizonMs);
    const finished = job.finished ?? isFinished(job.result);
    if (this.endMs === undefined && job.target >= this.options.durationMs && finished) {
      this.endMs = lastRecordedMs(job.result, this.options.durationMs);
    }
    this.forgetOld();
    if (this.wantMs !== undefined && !this.playing && !this.busy) this.seek(this.wantMs);
    this.emit();
  }

  /**
   * Keep memory flat: once too much is held, drop the detail that ended more than keepBehindMs
   * behind the cursor, in one pass, and only when at least a slice of it is old: forgetting
   * scans the held requests, so it pays to forget many invocations at once, a few times a
   * second, rather than a few every frame.
   */
  private forgetOld(): void {
    if (!this.sim.forgetBefore || !this.options.restart) return;
    const retain = this.options.retainInvocations ?? RETAIN_INVOCATIONS;
    const ended = this.index.ended;
    if (ended.length <= retain) return;
    // While re-running to go back, the cursor trails the re-run and never passes its target.
    const limitMs = this.viewMs - this.keepBehindMs;
    if (firstEndingAtOrAfter(ended, limitMs) < Math.min(FORGET_SLICE, Math.ceil(retain / 8))) return;
    // An invocation kept (ended after the cutoff) started at most a lookahead before it.
    const removed = this.sim.forgetBefore(limitMs, limitMs - this.options.lookaheadMs);
    this.index.forget(limitMs, removed);
  }

  /** Everything there is has been simulated (a re-run after going back gets there again). */
  get simulatedToEnd(): boolean {
    return this.endMs !== undefined && this.horizonMs >= this.endMs;
  }

  /** True while a run is in flight or its records are still being indexed. */
  get catchingUp(): boolean {
    return this.busy !== undefined || this.ingest !== undefined;
  }

  private fail(err: unknown): void {
    this.error = err instanceof Error ? err : new Error(String(err));
    this.send('fail');
  }

  private nextEventAfter(t: number): number | undefined {
    let best: number | undefined;
    for (const time of eventTimes(this.index)) if (time > t && (best === undefined || time < best)) best = time;
    return best;
  }

  private previousEventBefore(t: number): number | undefined {
    let best: number | undefined;
    for (const time of eventTimes(this.index)) if (time < t && (best === undefined || time > best)) best = time;
    return best;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function* eventTimes(index: TraceIndex): Generator<number> {
  for (const r of index.result.requests) yield r.arrivedMs;
  for (const row of index.rows) {
    yield row.env.createdMs;
    if (row.env.destroyedMs !== undefined) yield row.env.destroyedMs;
    for (const inv of row.invocations) {
      if (inv.coldStart && inv.initDurationMs !== undefined) yield inv.startMs - inv.initDurationMs;
      yield inv.startMs;
      yield inv.endMs;
    }
  }
}

/** Every request has its final outcome: nothing is left for the simulation to do. */
function isFinished(result: VizResult): boolean {
  return result.requests.every((r) => r.outcome !== 'unfinished');
}

function lastRecordedMs(result: VizResult, durationMs: number): number {
  let last = durationMs;
  for (const r of result.requests) if (r.finishedMs !== undefined && r.finishedMs > last) last = r.finishedMs;
  for (const inv of result.invocations) if (inv.endMs > last) last = inv.endMs;
  return last;
}
