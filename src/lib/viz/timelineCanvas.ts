// Environment timeline on canvas: one row per execution environment. Canvas, not SVG, because
// a thousand rows of segments must redraw every frame (issue 7 performance budget).
// Shapes carry meaning as well as colour: init is hatched, invoke is a full bar, idle (frozen)
// a thin line, errors get a notch, a cold start a triangle, shutdown a short bar.

import type { Palette } from './palette';
import { rowSegments, type Segment } from './segments';
import { drawTimeAxis } from './timeAxis';
import type { EnvRow } from './traceIndex';
import type { VizInvocation } from './types';

export interface TimelineLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  rowHeight: number;
  plotWidth: number;
  axisHeight: number;
  fromMs: number;
  toMs: number;
  fontPx: number;
}

export const MAX_ROW_PX = 22;

export function timelineLayout(rowCount: number, width: number, maxPlotHeight: number, fromMs: number, toMs: number, fontPx: number): TimelineLayout {
  const axisHeight = fontPx + 12;
  // Same plot edges as the concurrency chart, so both cursors line up.
  const left = Math.ceil(fontPx * 3.2);
  const rows = Math.max(1, rowCount);
  const rowHeight = Math.min(MAX_ROW_PX, Math.max(0.25, maxPlotHeight / rows));
  const height = Math.ceil(rows * rowHeight) + axisHeight + 4;
  return { width, height, left, top: 2, rowHeight, plotWidth: width - left - Math.ceil(fontPx * 2), axisHeight, fromMs, toMs, fontPx };
}

export function timeToX(layout: TimelineLayout, t: number): number {
  return layout.left + ((t - layout.fromMs) / (layout.toMs - layout.fromMs)) * layout.plotWidth;
}

export interface TimelineDraw {
  rows: EnvRow[];
  t: number;
  layout: TimelineLayout;
  palette: Palette;
  focused?: VizInvocation;
  hatch?: CanvasPattern | null;
  crossHatch?: CanvasPattern | null;
}

/** Rows for the times [aMs, bMs] only (clipped at t); no clearing, so it can paint a strip. */
export function drawRowsRange(ctx: CanvasRenderingContext2D, d: TimelineDraw, aMs: number, bMs: number): void {
  const { layout, palette } = d;
  const paths: Paths = { invoke: new Path2D(), error: new Path2D(), init: new Path2D(), idle: new Path2D(), shutdown: new Path2D() };
  const details = layout.rowHeight >= 4; // textures, notches and marks need room to be seen
  const rowSegs: Segment[][] = [];
  for (let i = 0; i < d.rows.length; i++) {
    const segments = rowSegments(d.rows[i], d.t, aMs, bMs);
    addRow(paths, segments, layout.top + i * layout.rowHeight, layout);
    if (details) rowSegs.push(segments);
  }
  // One fill per kind: a thousand rows cost a handful of canvas calls, not one per segment.
  fill(ctx, paths.idle, palette.idle);
  fill(ctx, paths.init, palette.init);
  fill(ctx, paths.invoke, palette.invoke);
  fill(ctx, paths.error, palette.error);
  fill(ctx, paths.shutdown, palette.text);
  for (let i = 0; i < rowSegs.length; i++) drawRowDetails(ctx, rowSegs[i], layout.top + i * layout.rowHeight, d);
}

/** Cursor, focus ring and time axis: drawn fresh every frame over the rows. */
export function drawOverlay(ctx: CanvasRenderingContext2D, d: TimelineDraw): void {
  const { layout, palette } = d;
  const plotBottom = layout.top + d.rows.length * layout.rowHeight;
  drawCursor(ctx, timeToX(layout, d.t), layout.top, plotBottom, palette);
  if (d.focused) drawFocus(ctx, d, plotBottom);
  drawTimeAxis(ctx, layout.fromMs, layout.toMs, layout.left, layout.left + layout.plotWidth, plotBottom + 2, palette, layout.fontPx);
}

type Paths = Record<'invoke' | 'error' | 'init' | 'idle' | 'shutdown', Path2D>;

function fill(ctx: CanvasRenderingContext2D, path: Path2D, style: string): void {
  ctx.fillStyle = style;
  ctx.fill(path);
}

function addRow(paths: Paths, segments: Segment[], y: number, layout: TimelineLayout): void {
  const h = layout.rowHeight;
  const gap = h >= 4 ? 1 : 0;
  let lastKind = '';
  let lastEnd = -Infinity;
  for (const s of segments) {
    const x0 = timeToX(layout, s.startMs);
    const x1 = timeToX(layout, s.endMs);
    if (s.kind === 'idle') {
      if (h >= 1.5) paths.idle.rect(x0, y + h / 2 - Math.max(0.5, h / 10), x1 - x0, Math.max(1, h / 5));
      continue;
    }
    if (s.kind === 'shutdown') {
      paths.shutdown.rect(x0 - 1, y, 2, h);
      continue;
    }
    const kind = s.kind === 'init' ? 'init' : s.invocation && s.invocation.status !== 'success' ? 'error' : 'invoke';
    const w = Math.max(x1 - x0, 1);
    if (kind === lastKind && kind !== 'error' && x0 - lastEnd < 0.5) {
      paths[kind].rect(lastEnd, y + gap, x0 + w - lastEnd, h - 2 * gap); // sub-pixel neighbours merge
    } else {
      paths[kind].rect(x0, y + gap, w, h - 2 * gap);
    }
    lastKind = kind;
    lastEnd = x0 + w;
  }
}

/** Init phase textures (F02), error notches and cold-start marks, when rows are tall enough. */
function drawRowDetails(ctx: CanvasRenderingContext2D, segments: Segment[], y: number, d: TimelineDraw): void {
  const { layout, palette } = d;
  const h = layout.rowHeight;
  for (const s of segments) {
    const x0 = timeToX(layout, s.startMs);
    const w = Math.max(timeToX(layout, s.endMs) - x0, 1);
    if (s.kind === 'init') {
      const pattern = s.phase === 'function' ? null : s.phase === 'extension' ? d.crossHatch : d.hatch;
      if (pattern) {
        ctx.fillStyle = pattern;
        ctx.fillRect(x0, y + 1, w, h - 2);
      }
      if (s.phase && s.phase !== 'extension' && w > 3) {
        ctx.fillStyle = palette.background;
        ctx.fillRect(x0, y + 1, 1, h - 2);
      }
    } else if (s.kind === 'invoke' && s.invocation && h >= 6) {
      if (s.invocation.status !== 'success' && !s.running) drawNotch(ctx, x0 + w, y + 1, h - 2, palette.background);
      if (s.invocation.coldStart && s.startMs === s.invocation.startMs) drawColdMark(ctx, x0, y, h, palette.cold);
    }
  }
}

/** A triangle cut from the end of a failed invocation: errors are not colour alone. */
function drawNotch(ctx: CanvasRenderingContext2D, xEnd: number, y: number, h: number, fill: string): void {
  const size = Math.min(h / 2, 6);
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(xEnd, y);
  ctx.lineTo(xEnd - size, y);
  ctx.lineTo(xEnd, y + size);
  ctx.closePath();
  ctx.fill();
}

/** A downward triangle on top of a cold start's first invoke. */
function drawColdMark(ctx: CanvasRenderingContext2D, x: number, y: number, h: number, fill: string): void {
  const size = Math.min(h * 0.6, 8);
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + size, y);
  ctx.lineTo(x, y + size);
  ctx.closePath();
  ctx.fill();
}

function drawCursor(ctx: CanvasRenderingContext2D, x: number, top: number, bottom: number, palette: Palette): void {
  ctx.fillStyle = palette.cursor;
  ctx.fillRect(Math.round(x) - 1, top, 2, bottom - top);
}

function drawFocus(ctx: CanvasRenderingContext2D, d: TimelineDraw, plotBottom: number): void {
  const inv = d.focused!;
  const i = d.rows.findIndex((r) => r.env.id === inv.environmentId);
  if (i < 0) return;
  const { layout } = d;
  const x0 = timeToX(layout, inv.startMs);
  const x1 = timeToX(layout, Math.min(inv.endMs, d.t));
  const y = layout.top + i * layout.rowHeight;
  const h = Math.max(layout.rowHeight, 6);
  ctx.strokeStyle = d.palette.text;
  ctx.lineWidth = 2;
  ctx.setLineDash([4, 2]);
  ctx.strokeRect(x0 - 2, Math.max(layout.top, y - 2), Math.max(4, x1 - x0 + 4), Math.min(h + 4, plotBottom - y + 4));
  ctx.setLineDash([]);
}

/** Diagonal stripes over init so its phase reads without colour. */
export function makeHatch(ctx: CanvasRenderingContext2D, stroke: string, crossed = false): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = stroke;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  if (crossed) {
    t.moveTo(0, 0);
    t.lineTo(6, 6);
  }
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** The invocation under a point, if any (hover and click). */
export function invocationAt(rows: EnvRow[], layout: TimelineLayout, t: number, x: number, y: number): VizInvocation | undefined {
  const i = Math.floor((y - layout.top) / layout.rowHeight);
  if (i < 0 || i >= rows.length) return undefined;
  const time = layout.fromMs + ((x - layout.left) / layout.plotWidth) * (layout.toMs - layout.fromMs);
  const slackMs = (3 / layout.plotWidth) * (layout.toMs - layout.fromMs);
  for (const s of rowSegments(rows[i], t, layout.fromMs, layout.toMs)) {
    if (s.kind === 'invoke' && time >= s.startMs - slackMs && time <= s.endMs + slackMs) return s.invocation;
  }
  return undefined;
}
