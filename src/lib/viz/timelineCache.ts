// A bitmap of the timeline rows that only grows at the cursor: the past does not change once
// the cursor has passed it, so each frame paints a thin strip and shifts the picture, instead
// of redrawing a thousand rows (issue 7 frame budget). Any other change repaints in full.

import { drawRowsRange, type TimelineDraw, type TimelineLayout } from './timelineCanvas';

export class TimelineCache {
  private canvas: HTMLCanvasElement | undefined;
  private key = '';
  private fromMs = 0; // the time at x = layout.left in the bitmap
  private untilMs = -Infinity; // painted and final up to here
  private dpr = 1;

  /** Paint rows into the cache for d (window and cursor), then copy them onto ctx. */
  paint(target: CanvasRenderingContext2D, d: TimelineDraw, dpr: number, styleKey: string): void {
    const { layout } = d;
    const msPerPx = (layout.toMs - layout.fromMs) / layout.plotWidth;
    const key = `${d.rows.length}|${layout.rowHeight}|${layout.width}|${layout.height}|${msPerPx}|${dpr}|${styleKey}`;
    const ctx = this.context(layout, dpr);
    if (!ctx) return;
    const full = key !== this.key || d.t < this.untilMs || layout.fromMs < this.fromMs || (layout.fromMs - this.fromMs) / msPerPx > layout.plotWidth;
    if (full) {
      this.key = key;
      this.fromMs = layout.fromMs;
      ctx.clearRect(0, 0, layout.width, layout.height);
      drawRowsRange(ctx, { ...d, layout: { ...layout, fromMs: this.fromMs, toMs: this.fromMs + msPerPx * layout.plotWidth } }, layout.fromMs, d.t);
    } else {
      const shiftPx = Math.floor((layout.fromMs - this.fromMs) / msPerPx);
      if (shiftPx > 0) this.shift(ctx, shiftPx, layout, msPerPx);
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

  private shift(ctx: CanvasRenderingContext2D, px: number, layout: TimelineLayout, msPerPx: number): void {
    const c = this.canvas!;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(c, -px * this.dpr, 0);
    ctx.restore();
    this.fromMs += px * msPerPx;
    // Nothing may show left of the plot: clear the gutter the shift moved rows into.
    ctx.clearRect(0, 0, layout.left, layout.height);
  }

  private context(layout: TimelineLayout, dpr: number): CanvasRenderingContext2D | null {
    const w = Math.max(1, Math.round(layout.width * dpr));
    const h = Math.max(1, Math.round(layout.height * dpr));
    this.canvas ??= document.createElement('canvas');
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.key = '';
    }
    this.dpr = dpr;
    const ctx = this.canvas.getContext('2d');
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }
}
