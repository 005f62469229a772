// The table's text for one checkpoint of both runs.
import type { LoopCheckpoint } from './loop';

const usd = (v: number) => `$${v < 0.01 ? v.toPrecision(3) : v.toFixed(4)}`;
export const count = (n: number) => n.toLocaleString('en-US');

/** The table's cells for one checkpoint, in column order (pure: tested with the runs' figures). */
export function rowCells(t: LoopCheckpoint, a: LoopCheckpoint): Record<string, string> {
  return {
    't-inv': count(t.invocations), 't-drop': count(t.dropped), 't-dlq': count(t.waiting['orders-dlq'] ?? 0),
    't-cost': usd(t.costUsd), 'a-inv': count(a.invocations), 'a-cost': usd(a.costUsd),
  };
}
