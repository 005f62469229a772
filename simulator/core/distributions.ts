// Duration distributions for the model handler (simulator-contract.md `Dist`), all in ms.
import type { Dist } from '../scenario/types';
import type { Rng } from './rng';

export function sample(d: number | Dist, rng: Rng): number {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.float();
    case 'normal':
      return truncatedNormal(d.mean, d.sd, rng);
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * standardNormal(rng));
    case 'exponential':
      return -Math.log(1 - rng.float()) * d.mean;
  }
}

/** Box-Muller; one value per call keeps the stream simple to reason about. */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng.float(); // (0, 1]
  const v = rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Normal truncated at 0 by rejection; a bounded number of tries, then 0. */
function truncatedNormal(mean: number, sd: number, rng: Rng): number {
  for (let i = 0; i < 64; i++) {
    const x = mean + sd * standardNormal(rng);
    if (x >= 0) return x;
  }
  return 0;
}

/** The mean of a distribution (used for estimates, never for sampling). */
export function mean(d: number | Dist): number {
  if (typeof d === 'number') return d;
  switch (d.dist) {
    case 'constant': return d.value;
    case 'uniform': return (d.min + d.max) / 2;
    case 'normal': return d.mean;
    case 'lognormal': return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'exponential': return d.mean;
  }
}
