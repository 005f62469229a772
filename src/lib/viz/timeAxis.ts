// A time axis drawn on canvas with d3-scale's ticks (virtual seconds).

import { scaleLinear } from 'd3-scale';
import type { Palette } from './palette';

export function formatVirtualMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(0).padStart(2, '0');
  return `${m}:${s} min`;
}

export function drawTimeAxis(
  ctx: CanvasRenderingContext2D,
  fromMs: number,
  toMs: number,
  x0: number,
  x1: number,
  y: number,
  palette: Palette,
  fontPx: number,
): void {
  const scale = scaleLinear().domain([fromMs, toMs]).range([x0, x1]);
  const ticks = scale.ticks(Math.max(2, Math.floor((x1 - x0) / (fontPx * 7))));
  ctx.strokeStyle = palette.grid;
  ctx.fillStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.beginPath();
  ctx.moveTo(x0, y + 0.5);
  ctx.lineTo(x1, y + 0.5);
  for (const tick of ticks) {
    const x = Math.round(scale(tick)) + 0.5;
    ctx.moveTo(x, y);
    ctx.lineTo(x, y + 4);
  }
  ctx.stroke();
  for (const tick of ticks) ctx.fillText(formatVirtualMs(tick), scale(tick), y + 6);
}
