// Wall-clock instants for event payloads: the scenario's start time plus virtual ms, so event
// timestamps agree with the log lines, and ids drawn from the source's own seeded stream.
import { epochMsOf } from '../scenario/defaults';
import type { EventContext } from './events/encoding';
import type { SourceContext } from './types';

interface SourceClock {
  startEpochMs: number;
  rng: () => number;
}

const clocks = new WeakMap<SourceContext, SourceClock>();

function clockOf(src: SourceContext): SourceClock {
  let clock = clocks.get(src);
  if (!clock) {
    // Ids get their own stream, so adding a field to an event never shifts arrival times.
    const rng = src.rng.derive('event-ids');
    clock = { startEpochMs: epochMsOf(src.scenario), rng: () => rng.float() };
    clocks.set(src, clock);
  }
  return clock;
}

export function startEpochMs(src: SourceContext): number {
  return clockOf(src).startEpochMs;
}

export function eventContextFor(src: SourceContext, atMs = src.now()): EventContext {
  const clock = clockOf(src);
  return { epochMs: clock.startEpochMs + atMs, rng: clock.rng, region: src.scenario.service?.region };
}
