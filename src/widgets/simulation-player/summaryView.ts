// The CloudWatch-style summary: Invocations, Errors, Throttles, cold-start share,
// p50/p99 Duration and cost, as of the cursor.

import type { Player } from '../../lib/viz/player';
import { summarize, type PriceInputs } from '../../lib/viz/summary';
import { h } from './dom';

/** Counts as the console shows them: 12,345. */
const count = (n: number) => n.toLocaleString('en-US');

const STATS = [
  ['invocations', 'Invocations'],
  ['errors', 'Errors'],
  // CloudWatch's Throttles counts throttled attempts; said on the tile, since a learner may
  // expect refused requests (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html).
  ['throttles', 'Throttles (attempts, retries included)'],
  ['cold-starts', 'Cold starts'],
  ['p50', 'Duration p50'],
  ['p99', 'Duration p99'],
  ['max-concurrency', 'Max concurrency'],
  // Priced from the ended invocations at the on-demand rates (F46/F47); provisioned concurrency's
  // own charge and its lower duration rate (F49) are the engine's result.cost, not this tile.
  ['cost', 'Cost (on-demand rates)'],
] as const;

export class SummaryView {
  readonly root: HTMLElement;
  private values = new Map<string, HTMLElement>();

  constructor(private player: () => Player, private prices: () => PriceInputs, title = '') {
    const list = h('dl', { class: 'lsp-stats' });
    for (const [key, label] of STATS) {
      const dd = h('dd', { 'data-stat': key, text: '0' });
      this.values.set(key, dd);
      list.append(h('div', { class: 'lsp-stat' }, h('dt', { text: label }), dd));
    }
    this.root = h('section', { class: 'lsp-summary', 'aria-label': title ? `Summary metrics: ${title}` : 'Summary metrics' }, list);
  }

  update(t: number): void {
    const s = summarize(this.player().index, t, this.prices());
    const ms = (v: number | undefined) => (v === undefined ? '–' : `${v < 10 ? v.toFixed(2) : count(Math.round(v))} ms`);
    this.set('invocations', count(s.invocations));
    this.set('errors', count(s.errors));
    this.set('throttles', count(s.throttles));
    this.set('cold-starts', `${count(s.coldStarts)} (${(s.coldStartShare * 100).toFixed(s.coldStartShare < 0.1 && s.coldStartShare > 0 ? 1 : 0)} %)`);
    this.set('p50', ms(s.p50DurationMs));
    this.set('p99', ms(s.p99DurationMs));
    this.set('max-concurrency', count(s.maxConcurrency));
    this.set('cost', `$${s.costUsd < 0.01 ? s.costUsd.toFixed(7) : s.costUsd.toFixed(4)}`);
    this.values.get('cold-starts')!.dataset.count = String(s.coldStarts);
  }

  private set(key: string, text: string): void {
    const el = this.values.get(key)!;
    if (el.textContent !== text) el.textContent = text;
  }
}
