// The context event payloads are built in: wall-clock instants (the scenario's start time plus
// virtual ms, so event timestamps agree with the log lines) and ids drawn from a generator keyed
// by the source's seed and the event's own number. Keyed ids let events be built lazily (only code
// handlers read them) without the result depending on when, or whether, they were built.
import { fmix32 } from '../core/rng';
import { epochMsOf } from '../scenario/defaults';
import { seededRng, type EventContext } from './events/encoding';
import type { InvokeCall, SourceContext } from './types';

/** A source's wall-clock start and the seed of its event ids. */
interface SourceEpoch {
  startEpochMs: number;
  seed: number;
}

const epochs = new WeakMap<SourceContext, SourceEpoch>();

function epochOf(src: SourceContext): SourceEpoch {
  let epoch = epochs.get(src);
  if (!epoch) {
    epoch = { startEpochMs: epochMsOf(src.scenario), seed: src.rng.derive('event-ids').uint32() };
    epochs.set(src, epoch);
  }
  return epoch;
}

export function startEpochMs(src: SourceContext): number {
  return epochOf(src).startEpochMs;
}

/** Mixes the source seed with a key (murmur3 finaliser) into a seed for one event's ids. */
function mix(seed: number, key: number): number {
  return fmix32((seed ^ Math.imul(key + 1, 0x9e3779b1)) | 0);
}

/** Builder context for the event numbered `key` (any per-source counter) at virtual atMs. */
export function eventContextFor(src: SourceContext, atMs: number, key: number): EventContext {
  const epoch = epochOf(src);
  return { epochMs: epoch.startEpochMs + atMs, rng: seededRng(mix(epoch.seed, key)), region: src.scenario.service?.region };
}

/** Builds call.event on first read, once; model handlers never read it, so 100k-record runs stay cheap. */
export function setLazyEvent(call: InvokeCall, build: () => unknown): void {
  let built = false;
  let value: unknown;
  Object.defineProperty(call, 'event', {
    enumerable: true,
    configurable: true,
    get() {
      if (!built) {
        value = build();
        built = true;
      }
      return value;
    },
  });
}
