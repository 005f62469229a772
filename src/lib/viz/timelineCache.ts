// A bitmap of the timeline rows that only grows at the cursor: the past does not change once
// the cursor has passed it, so each frame paints a thin strip and shifts the picture, instead
// of redrawing a thousand rows (issue 7 frame budget). Any other change repaints in full.

import { drawRowsRange, type TimelineDraw, type TimelineLayout } from './timelineCanvas';

export class TimelineCache {
  private canvas: HTMLCanvasElement | undefined;
  /** The shift copies into this one and the two swap: drawing a canvas onto itself costs
   *  ~14 ms in software-rendered Chromium, onto another ~0.6 ms (bench/frames.mjs). */
  private spare: HTMLCanvasElement | undefined;
  private key = '';
  private fromMs = 0; // the time at x = layout.left in the bitmap
  private untilMs = -Infinity; // painted and final up to here
  private dpr = 1;

  /** Paint rows into the cache for d (window and cursor), then copy them onto ctx. */
  paint(target: CanvasRenderingContext2D, d: TimelineDraw, dpr: number, styleKey: string): void {
    const { layout } = d;
    const msPerPx = (layout.toMs - layout.fromMs) / layout.plotWidth;
    const key = `${d.rows.length}|${layout.rowHeight}|${layout.width}|${layout.height}|${msPerPx}|${dpr}|${styleKey}`;
    let ctx = this.context(layout, dpr);
    if (!ctx) return;
    const full = key !== this.key || d.t < this.untilMs || layout.fromMs < this.fromMs || (layout.fromMs - this.fromMs) / msPerPx > layout.plotWidth;
    if (full) {
      this.key = key;
      this.fromMs = layout.fromMs;
      ctx.clearRect(0, 0, layout.width, layout.height);
      drawRowsRange(ctx, { ...d, layout: { ...layout, fromMs: this.fromMs, toMs: this.fromMs + msPerPx * layout.plotWidth } }, layout.fromMs, d.t);
    } else {
      const shiftPx = Math.floor((layout.fromMs - this.fromMs) / msPerPx);
      if (shiftPx > 0) ctx = this.shift(shiftPx, layout, msPerPx);
      if (!ctx) return;
      const local: TimelineLayout = { ...layout, fromMs: this.fromMs, toMs: this.fromMs + msPerPx * layout.plotWidth };
      const fromStripMs = Math.max(this.fromMs, this.untilMs - 2 * msPerPx);
      const x0 = local.left + (fromStripMs - this.fromMs) / msPerPx;
      ctx.clearRect(Math.floor(x0), 0, layout.width - Math.floor(x0), layout.height);
      drawRowsRange(ctx, { ...d, layout: local }, Math.max(this.fromMs, fromStripMs - msPerPx), d.t);
    }
    this.untilMs = d.t;
    const offsetPx = (this.fromMs - layout.fromMs) / msPerPx;
    target.drawImage(this.canvas!, offsetPx, 0, layout.width, layout.height);
  }

  /** Returns the context to go on painting with: the shifted picture is on the other canvas. */
  private shift(px: number, layout: TimelineLayout, msPerPx: number): CanvasRenderingContext2D | null {
    const from = this.canvas!;
    const to = this.spare!;
    const ctx = to.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, to.width, to.height);
    ctx.drawImage(from, -px * this.dpr, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.canvas = to;
    this.spare = from;
    this.fromMs += px * msPerPx;
    // Nothing may show left of the plot: clear the gutter the shift moved rows into.
    ctx.clearRect(0, 0, layout.left, layout.height);
    return ctx;
  }

  private context(layout: TimelineLayout, dpr: number): CanvasRenderingContext2D | null {
    const w = Math.max(1, Math.round(layout.width * dpr));
    const h = Math.max(1, Math.round(layout.height * dpr));
    this.canvas ??= document.createElement('canvas');
    this.spare ??= document.createElement('canvas');
    if (this.canvas.width !== w || this.canvas.height !== h) {
      for (const c of [this.canvas, this.spare]) {
        c.width = w;
        c.height = h;
      }
      this.key = '';
    }
    this.dpr = dpr;
    const ctx = this.canvas.getContext('2d');
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }
}
