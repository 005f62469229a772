// Draws a tuning result the way AWS Lambda Power Tuning does: memory sizes along the bottom,
// duration (left axis, solid line, circles) and cost per invocation (right axis, dashed line,
// squares), the cheapest and the fastest labelled. A pure function of its inputs: it replaces
// the SVG's content and keeps no state, so a resize simply calls it again.
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { scaleLinear, scalePoint } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import type { TuningPoint, TuningResult } from './tuning';

export const CHART_HEIGHT = 280;
const MARGIN = { top: 34, right: 58, bottom: 48, left: 58 };

/** Cost per invocation in millionths of a dollar: the same number as dollars per million invocations. */
export const microDollars = (usd: number) => usd * 1e6;

export function memoryLabel(mb: number): string {
  return mb.toLocaleString('en-US');
}

export function renderPowerChart(svgEl: SVGSVGElement, result: TuningResult, width: number): void {
  const { points, cheapest, fastest } = result;
  const innerW = Math.max(120, width - MARGIN.left - MARGIN.right);
  const innerH = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<number>().domain(points.map((p) => p.memoryMB)).range([0, innerW]).padding(0.4);
  const yDur = scaleLinear().domain([0, Math.max(...points.map((p) => p.durationMs)) * 1.1]).nice().range([innerH, 0]);
  const yCost = scaleLinear().domain([0, Math.max(...points.map((p) => microDollars(p.costUsd))) * 1.1]).nice().range([innerH, 0]);

  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${CHART_HEIGHT}`).attr('width', width).attr('height', CHART_HEIGHT);
  svg.selectAll('*').remove();
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const crowded = innerW / points.length < 44;
  const xAxis = g.append('g').attr('class', 'pt-axis').attr('transform', `translate(0,${innerH})`).call(axisBottom(x).tickFormat((d) => memoryLabel(d)));
  if (crowded) xAxis.selectAll('text').attr('transform', 'rotate(-35)').attr('text-anchor', 'end').attr('dx', '-0.3em').attr('dy', '0.5em');
  g.append('g').attr('class', 'pt-axis').call(axisLeft(yDur).ticks(5).tickFormat((d) => Number(d).toLocaleString('en-US')));
  g.append('g').attr('class', 'pt-axis').attr('transform', `translate(${innerW},0)`).call(axisRight(yCost).ticks(5));

  g.append('text').attr('class', 'pt-axis-title').attr('x', -MARGIN.left + 2).attr('y', -18).text('Duration (ms)');
  g.append('text').attr('class', 'pt-axis-title').attr('x', innerW + MARGIN.right - 2).attr('y', -18).attr('text-anchor', 'end').text('Cost ($ per 1 M)');
  g.append('text').attr('class', 'pt-axis-title').attr('x', innerW / 2).attr('y', innerH + MARGIN.bottom - 4).attr('text-anchor', 'middle').text('Memory (MB)');

  drawSeries(g, points, (p) => x(p.memoryMB)!, (p) => yDur(p.durationMs), 'pt-duration', 'circle');
  drawSeries(g, points, (p) => x(p.memoryMB)!, (p) => yCost(microDollars(p.costUsd)), 'pt-cost', 'square');

  const marks = fastest === cheapest ? [{ i: fastest, text: 'fastest and cheapest' }] : [{ i: fastest, text: 'fastest' }, { i: cheapest, text: 'cheapest' }];
  // Each label sits in its own row at the top of the plot, with a guide down to its point, so it
  // never lands on a line whatever the data.
  marks.forEach(({ i, text }, row) => {
    const p = points[i];
    const cx = x(p.memoryMB)!;
    const cy = text === 'cheapest' ? yCost(microDollars(p.costUsd)) : yDur(p.durationMs);
    const ly = 4 + row * 16;
    g.append('line').attr('class', 'pt-guide').attr('x1', cx).attr('x2', cx).attr('y1', ly + 4).attr('y2', cy - 9);
    g.append('circle').attr('class', 'pt-best').attr('cx', cx).attr('cy', cy).attr('r', 9);
    const anchor = cx < innerW * 0.2 ? 'start' : cx > innerW * 0.8 ? 'end' : 'middle';
    g.append('text').attr('class', 'pt-best-label').attr('x', cx).attr('y', ly).attr('text-anchor', anchor).text(text);
  });
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

function drawSeries(g: Group, points: TuningPoint[], px: (p: TuningPoint) => number, py: (p: TuningPoint) => number, cls: string, shape: 'circle' | 'square'): void {
  const path = line<TuningPoint>().x(px).y(py)(points) ?? '';
  g.append('path').attr('class', `pt-line ${cls}`).attr('d', path);
  for (const p of points) {
    if (shape === 'circle') g.append('circle').attr('class', `pt-dot ${cls}`).attr('cx', px(p)).attr('cy', py(p)).attr('r', 4);
    else g.append('rect').attr('class', `pt-dot ${cls}`).attr('x', px(p) - 4).attr('y', py(p) - 4).attr('width', 8).attr('height', 8);
  }
}
