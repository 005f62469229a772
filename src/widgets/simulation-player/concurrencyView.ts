// The concurrency view: concurrent executions against the limits, throttles, and a
// rate x duration readout (F54) that shows where the number comes from.

import { drawConcurrency, limitLines } from '../../lib/viz/concurrencyCanvas';
import type { Palette } from '../../lib/viz/palette';
import type { Player } from '../../lib/viz/player';
import { rateTimesDuration } from '../../lib/viz/rateDuration';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
import type { VizLimits } from '../../lib/viz/types';
import { h, sizeCanvas, table } from './dom';
import { ChartFigure } from './figure';

const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

export class ConcurrencyView {
  readonly figure: ChartFigure;
  private canvas: HTMLCanvasElement;
  private readout: HTMLParagraphElement;

  constructor(private player: () => Player, private limits: () => VizLimits) {
    this.figure = new ChartFigure('concurrency', 'Concurrent executions');
    this.canvas = h('canvas', { role: 'img', 'aria-label': 'Concurrent executions over time, with concurrency limits and throttles' });
    this.canvas.setAttribute('aria-describedby', this.figure.describedBy);
    this.readout = h('p', { class: 'lsp-readout' });
    this.figure.body.append(this.canvas, this.readout);
  }

  draw(t: number, fromMs: number, toMs: number, width: number, height: number, palette: Palette, fontPx: number): void {
    const ctx = sizeCanvas(this.canvas, width, height);
    if (!ctx) return;
    drawConcurrency(ctx, { index: this.player().index, t, fromMs, toMs, width, height, limits: this.limits(), palette, fontPx });
  }

  updateText(t: number, windowMs: number): void {
    const index = this.player().index;
    const now = index.grid.at(t);
    const throttles = index.throttleTimes().countAtOrBefore(t);
    const limits = limitLines(this.limits()).map((l) => l.label).join(', ');
    this.figure.setSentence(`At ${formatVirtualMs(t)}: ${now} concurrent execution${now === 1 ? '' : 's'}; limits: ${limits}; ${throttles} request${throttles === 1 ? '' : 's'} throttled so far.`);
    const rd = rateTimesDuration(index, t, windowMs);
    this.readout.textContent = rd
      ? `Over the last ${formatVirtualMs(rd.windowMs)}: ${fmt(rd.ratePerSecond)} invocations/s × ${fmt(rd.meanDurationMs / 1000, 3)} s mean duration = ${fmt(rd.predictedConcurrency)} expected concurrency; measured mean ${fmt(rd.measuredConcurrency)}.`
      : 'Rate × duration appears once time has passed.';
    this.figure.setTable(() => this.table(t));
  }

  private table(t: number): HTMLTableElement {
    const index = this.player().index;
    const buckets = Math.min(60, Math.max(1, Math.ceil(t / 1000)));
    const span = Math.max(1, t / buckets);
    const peaks = index.grid.peaks(0, buckets * span, buckets, t);
    const throttles = index.throttleTimes();
    const rows: string[][] = [];
    for (let i = 0; i < buckets; i++) {
      const from = i * span;
      const to = from + span;
      const n = throttles.countAtOrBefore(to) - throttles.countAtOrBefore(from);
      rows.push([`${formatVirtualMs(from)} – ${formatVirtualMs(to)}`, String(peaks[i]), String(n)]);
    }
    return table(`Concurrent executions up to ${formatVirtualMs(t)}`, ['Time', 'Peak concurrent executions', 'Throttled requests'], rows);
  }
}
