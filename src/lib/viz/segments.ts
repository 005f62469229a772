// What one execution environment was doing over time: Init, Invoke, idle (frozen) and Shutdown
// (F01 lifecycle; F09 frozen between invokes; F07 shutdown), clipped to what had happened by t.

import type { EnvRow } from './traceIndex';
import type { VizInvocation } from './types';

export type SegmentKind = 'init' | 'invoke' | 'idle' | 'shutdown';

export interface Segment {
  kind: SegmentKind;
  startMs: number;
  endMs: number;
  invocation?: VizInvocation;
  /** For an invoke still running at t. */
  running?: boolean;
  /** Init sub-phase when the engine recorded them (F02). */
  phase?: InitPhase;
}

export type InitPhase = 'extension' | 'runtime' | 'function';

/**
 * Segments of one environment as seen at time t, restricted to the window [fromMs, toMs].
 * Init is the cold-start invocation's Init Duration just before its start (F20); an
 * environment initialised ahead of requests (provisioned, F15) shows its own initDurationMs
 * when the engine records one, and idle otherwise (never a guessed init).
 */
export function rowSegments(row: EnvRow, t: number, fromMs: number, toMs: number): Segment[] {
  const out: Segment[] = [];
  const end = Math.min(t, toMs);
  const push = (kind: SegmentKind, a: number, b: number, extra?: Partial<Segment>): void => {
    const s = Math.max(a, fromMs);
    const e = Math.min(b, end);
    // A shutdown is an instant; so is an invocation whose code never waited (0 ms of virtual
    // time): both still show, as a mark, so they can be seen, hovered and opened.
    if (e > s || (e === s && s >= fromMs && (kind === 'shutdown' || kind === 'invoke'))) out.push({ kind, startMs: s, endMs: e, ...extra });
  };
  const { env, invocations } = row;
  if (env.createdMs > end) return out;
  const first = invocations[0];
  let cursor = env.createdMs;
  if (first?.coldStart && first.initDurationMs !== undefined) {
    const initStart = Math.max(env.createdMs, first.startMs - first.initDurationMs);
    push('idle', env.createdMs, initStart);
    pushInit(push, env.initPhasesMs, initStart, first.startMs);
    cursor = first.startMs;
  } else if (env.initPhasesMs || env.initDurationMs !== undefined) {
    // Provisioned (F15) or proactive (F14) init: done before any request arrived.
    const p = env.initPhasesMs;
    const initEnd = env.createdMs + (p ? p.extension + p.runtime + p.function : env.initDurationMs!);
    pushInit(push, p, env.createdMs, initEnd);
    cursor = initEnd;
  }
  const lo = firstEndingAtOrAfter(invocations, fromMs);
  if (lo > 0) cursor = Math.max(cursor, invocations[lo - 1].endMs);
  for (let i = lo; i < invocations.length; i++) {
    const inv = invocations[i];
    if (inv.startMs > end) break;
    if (inv.startMs > cursor) push('idle', cursor, inv.startMs);
    push('invoke', inv.startMs, inv.endMs, { invocation: inv, running: inv.endMs > t });
    cursor = Math.max(cursor, inv.endMs);
  }
  const destroyed = env.destroyedMs;
  const until = destroyed !== undefined ? Math.min(destroyed, end) : end;
  if (cursor < until) push('idle', cursor, until);
  if (destroyed !== undefined && destroyed <= end) push('shutdown', destroyed, destroyed);
  return out;
}

type Push = (kind: SegmentKind, a: number, b: number, extra?: Partial<Segment>) => void;

/** Init as its three phases in order (F02) when recorded, scaled to fit [a, b]; else one block. */
function pushInit(push: Push, phases: { extension: number; runtime: number; function: number } | undefined, a: number, b: number): void {
  const total = phases ? phases.extension + phases.runtime + phases.function : 0;
  if (!phases || total <= 0) {
    push('init', a, b);
    return;
  }
  const scale = (b - a) / total;
  let at = a;
  for (const phase of ['extension', 'runtime', 'function'] as const) {
    const next = at + phases[phase] * scale;
    if (next > at) push('init', at, next, { phase });
    at = next;
  }
}

/** Index of the first invocation that ends at or after fromMs (binary search). */
export function firstEndingAtOrAfter(list: VizInvocation[], fromMs: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].endMs < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
