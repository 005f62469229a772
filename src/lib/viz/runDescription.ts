// A sentence on the shape of a run, from the scenario alone: what arrives, when, at what rate.
// It stays on the page beside the player as its text alternative before and after it plays.

import type { Scenario } from '../../../simulator/index';
import { DEFAULT_MEMORY_MB } from '../../../simulator/constants';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

function sourceShape(s: Scenario['sources'][number], i: number, durationMs: number): string {
  const name = s.name ?? `${s.type} source ${i + 1}`;
  const a = s.arrivals;
  if ('at' in a) return `${name}: ${a.at.length} request${a.at.length === 1 ? '' : 's'} at set moments`;
  const from = a.fromMs ?? 0;
  const to = Math.min(a.toMs ?? durationMs, durationMs);
  const when = from === 0 && to === durationMs ? 'throughout' : `from ${seconds(from)} to ${seconds(to)}`;
  return `${name}: ${a.rate} request${a.rate === 1 ? '' : 's'}/s ${when}`;
}

export function describeRun(scenario: Scenario, autoplay = false): string {
  const fns = scenario.functions.map((f) => `${f.name} (${f.memoryMB ?? DEFAULT_MEMORY_MB} MB)`).join(', ');
  const sources = scenario.sources.map((s, i) => sourceShape(s, i, scenario.durationMs)).join('; ');
  return `A simulated run of ${seconds(scenario.durationMs)}: function ${fns}; ${sources}. ${autoplay ? 'It plays by itself.' : 'It waits for Play.'}`;
}
