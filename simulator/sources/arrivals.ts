// Arrival times of a source spec: explicit `at` lists, or a rate per second with evenly
// spaced ('uniform', the default) or Poisson arrivals, inside [fromMs, min(toMs, durationMs)).
import type { Rng } from '../core/rng';
import type { Arrivals } from '../scenario/types';

/** A pull stream of arrival times in ascending order; next() returns -1 when it is done. */
export interface ArrivalStream {
  next(): number;
}

export function createArrivalStream(arrivals: Arrivals, durationMs: number, rng: Rng): ArrivalStream {
  if ('at' in arrivals) return listStream(arrivals.at, durationMs);
  const fromMs = arrivals.fromMs ?? 0;
  const toMs = Math.min(arrivals.toMs ?? durationMs, durationMs);
  if (arrivals.rate <= 0 || fromMs >= toMs) return { next: () => -1 };
  const gapMs = 1000 / arrivals.rate;
  if ((arrivals.process ?? 'uniform') === 'uniform') {
    let i = 0;
    return {
      next() {
        const t = fromMs + i * gapMs;
        if (t >= toMs) return -1;
        i++;
        return t;
      },
    };
  }
  let t = fromMs;
  return {
    next() {
      // Exponential inter-arrival gaps with mean 1000 / rate ms.
      t += -Math.log(1 - rng.float()) * gapMs;
      return t < toMs ? t : -1;
    },
  };
}

function listStream(at: readonly number[], durationMs: number): ArrivalStream {
  const times = at.filter((t) => t <= durationMs).sort((a, b) => a - b);
  let i = 0;
  return { next: () => (i < times.length ? times[i++] : -1) };
}
