// One small CloudWatch-style line chart: time along the bottom, one or two series, a point per
// period. A pure function of (svg, data, width): it replaces the SVG's content each call.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';

export const CHART_HEIGHT = 150;
const MARGIN = { top: 10, right: 12, bottom: 26, left: 44 };

export interface ChartSeries {
  label: string;
  /** CSS class of the line: md-s1 (solid) or md-s2 (dashed), told apart by more than colour. */
  cls: 'md-s1' | 'md-s2';
  values: (number | undefined)[];
}

export function renderMetricChart(svgEl: SVGSVGElement, startsMs: number[], periodMs: number, series: ChartSeries[], width: number): void {
  const innerW = Math.max(100, width - MARGIN.left - MARGIN.right);
  const innerH = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const endS = ((startsMs[startsMs.length - 1] ?? 0) + periodMs) / 1000;
  const x = scaleLinear().domain([0, endS]).range([0, innerW]);
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const y = scaleLinear().domain([0, max * 1.1]).nice().range([innerH, 0]);
  const svg = select(svgEl).attr('viewBox', `0 0 ${width} ${CHART_HEIGHT}`).attr('width', width).attr('height', CHART_HEIGHT);
  svg.selectAll('*').remove();
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  g.append('g').attr('class', 'md-axis').attr('transform', `translate(0,${innerH})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 70))).tickFormat((d) => `${Number(d)} s`));
  // Counts have whole-number ticks only (no "0.2 throttles").
  const counts = series.every((s) => s.values.every((v) => v === undefined || Number.isInteger(v)));
  const ticks = y.ticks(4).filter((t) => !counts || Number.isInteger(t));
  g.append('g').attr('class', 'md-axis').call(axisLeft(y).tickValues(ticks).tickFormat((d) => Number(d).toLocaleString('en-US')));
  // Each point sits at the middle of its period, as CloudWatch plots a period's statistic.
  const mid = (i: number) => x((startsMs[i] + periodMs / 2) / 1000);
  for (const s of series) {
    const path = line<number | undefined>().defined((v) => v !== undefined).x((_, i) => mid(i)).y((v) => y(v ?? 0))(s.values) ?? '';
    g.append('path').attr('class', `md-line ${s.cls}`).attr('d', path);
    s.values.forEach((v, i) => {
      if (v !== undefined) g.append('circle').attr('class', `md-dot ${s.cls}`).attr('cx', mid(i)).attr('cy', y(v)).attr('r', 2.5);
    });
  }
}
