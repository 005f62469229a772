// Concurrent executions over time against the account, reserved and provisioned limits
// (F52, F59, F16), with throttled requests marked (F58). Limits are told apart by dash
// pattern and a text label, not by colour alone.

import { scaleLinear } from 'd3-scale';
import type { Palette } from './palette';
import { drawTimeAxis } from './timeAxis';
import type { TraceIndex } from './traceIndex';
import type { VizLimits } from './types';

export interface ConcurrencyDraw {
  index: TraceIndex;
  t: number;
  fromMs: number;
  toMs: number;
  width: number;
  height: number;
  limits: VizLimits;
  palette: Palette;
  fontPx: number;
}

interface LimitLine {
  label: string;
  value: number;
  dash: number[];
}

export function limitLines(limits: VizLimits): LimitLine[] {
  const out: LimitLine[] = [{ label: `account ${limits.accountConcurrency}`, value: limits.accountConcurrency, dash: [8, 4] }];
  if (limits.reservedConcurrency !== undefined) out.push({ label: `reserved ${limits.reservedConcurrency}`, value: limits.reservedConcurrency, dash: [2, 3] });
  if (limits.provisionedConcurrency) out.push({ label: `provisioned ${limits.provisionedConcurrency}`, value: limits.provisionedConcurrency, dash: [10, 3, 2, 3] });
  return out;
}

/** Scale so the busy part is readable; a far-off limit is named at the top instead of squashing it. */
export function concurrencyScaleMax(peak: number, lines: LimitLine[]): number {
  const near = lines.filter((l) => l.value <= Math.max(10, peak * 3)).map((l) => l.value);
  return Math.max(4, Math.ceil(Math.max(peak, ...near) * 1.15));
}

export function drawConcurrency(ctx: CanvasRenderingContext2D, d: ConcurrencyDraw): number {
  const { palette, fontPx } = d;
  const left = Math.ceil(fontPx * 3.2);
  const right = d.width - Math.ceil(fontPx * 2);
  const top = fontPx + 8;
  const bottom = d.height - fontPx - 14;
  const columns = Math.max(1, Math.floor(right - left));
  const peaks = d.index.grid.peaks(d.fromMs, d.toMs, columns, d.t);
  let peak = 0;
  for (const p of peaks) if (p > peak) peak = p;
  const lines = limitLines(d.limits);
  const yMax = concurrencyScaleMax(peak, lines);
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]);
  ctx.clearRect(0, 0, d.width, d.height);
  drawYAxis(ctx, y, left, right, palette, fontPx);
  drawArea(ctx, peaks, d, left, y, bottom);
  drawLimits(ctx, lines, y, yMax, left, right, palette, fontPx);
  drawThrottles(ctx, d, left, right, top);
  const xCursor = left + ((d.t - d.fromMs) / (d.toMs - d.fromMs)) * (right - left);
  ctx.fillStyle = palette.cursor;
  ctx.fillRect(Math.round(xCursor) - 1, top, 2, bottom - top);
  drawTimeAxis(ctx, d.fromMs, d.toMs, left, right, bottom, palette, fontPx);
  return peak;
}

function drawYAxis(ctx: CanvasRenderingContext2D, y: ReturnType<typeof scaleLinear<number, number>>, left: number, right: number, palette: Palette, fontPx: number): void {
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = palette.grid;
  ctx.fillStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of y.ticks(4)) {
    const py = Math.round(y(tick)) + 0.5;
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
    ctx.fillText(String(tick), left - 4, py);
  }
  ctx.stroke();
}

function drawArea(ctx: CanvasRenderingContext2D, peaks: Int32Array, d: ConcurrencyDraw, left: number, y: (v: number) => number, bottom: number): void {
  const lastColumn = Math.floor(((d.t - d.fromMs) / (d.toMs - d.fromMs)) * peaks.length);
  ctx.fillStyle = d.palette.invoke;
  ctx.beginPath();
  ctx.moveTo(left, bottom);
  for (let i = 0; i < Math.min(peaks.length, lastColumn + 1); i++) {
    const py = y(peaks[i]);
    ctx.lineTo(left + i, py);
    ctx.lineTo(left + i + 1, py);
  }
  ctx.lineTo(left + Math.min(peaks.length, lastColumn + 1), bottom);
  ctx.closePath();
  ctx.globalAlpha = 0.85;
  ctx.fill();
  ctx.globalAlpha = 1;
}

function drawLimits(ctx: CanvasRenderingContext2D, lines: LimitLine[], y: (v: number) => number, yMax: number, left: number, right: number, palette: Palette, fontPx: number): void {
  ctx.strokeStyle = palette.limit;
  ctx.fillStyle = palette.limit;
  ctx.lineWidth = 2;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  const offScale: string[] = [];
  for (const line of lines) {
    if (line.value > yMax) {
      offScale.push(line.label);
      continue;
    }
    const py = Math.round(y(line.value)) + 0.5;
    ctx.setLineDash(line.dash);
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
    ctx.stroke();
    ctx.fillText(line.label, right - 2, py - 2);
  }
  ctx.setLineDash([]);
  if (offScale.length) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(`${offScale.join(', ')} (above the chart)`, left + 4, 2);
  }
}

/** One downward triangle per column that holds at least one throttled request. */
function drawThrottles(ctx: CanvasRenderingContext2D, d: ConcurrencyDraw, left: number, right: number, top: number): void {
  const times = d.index.throttleTimes();
  const lo = times.localCountAtOrBefore(d.fromMs - 1);
  const hi = times.localCountAtOrBefore(Math.min(d.toMs, d.t));
  if (hi <= lo) return;
  ctx.fillStyle = d.palette.throttle;
  let lastX = -10;
  for (let i = lo; i < hi; i++) {
    const x = left + ((times.at(i) - d.fromMs) / (d.toMs - d.fromMs)) * (right - left);
    if (x - lastX < 5) continue;
    lastX = x;
    ctx.beginPath();
    ctx.moveTo(x - 4, top);
    ctx.lineTo(x + 4, top);
    ctx.lineTo(x, top + 7);
    ctx.closePath();
    ctx.fill();
  }
}
