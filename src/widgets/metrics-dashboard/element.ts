// <metrics-dashboard>: on Run, plays the load scenario through the engine (run.ts, loaded on
// demand), then draws five CloudWatch-style charts per period (render.ts), the same numbers as a
// table (the charts' text alternative), and the function's log streams.
import { h, table } from '../simulation-player/dom';
import { aggregate, CLOUDWATCH_PERIOD_MS, periodFor, type PeriodRow } from './aggregate';
import { logStreams } from './logStreams';
import { renderMetricChart, type ChartSeries } from './render';
import type { LoadRun } from './run';
import { runFromButton } from '../runButton';

const MAX_LOG_LINES = 200; // per stream; the rest is counted, not shown

interface ChartDef { key: string; title: string; series: (rows: PeriodRow[]) => ChartSeries[] }

const CHARTS: ChartDef[] = [
  { key: 'invocations', title: 'Invocations (Sum)', series: (r) => [{ label: 'Invocations', cls: 'md-s1', values: r.map((x) => x.invocations) }] },
  { key: 'errors', title: 'Errors (Sum)', series: (r) => [{ label: 'Errors', cls: 'md-s1', values: r.map((x) => x.errors) }] },
  { key: 'throttles', title: 'Throttles (Sum)', series: (r) => [{ label: 'Throttles', cls: 'md-s1', values: r.map((x) => x.throttles) }] },
  {
    key: 'duration', title: 'Duration, ms (p50 solid, p99 dashed)',
    series: (r) => [{ label: 'p50', cls: 'md-s1', values: r.map((x) => x.durationP50Ms) }, { label: 'p99', cls: 'md-s2', values: r.map((x) => x.durationP99Ms) }],
  },
  { key: 'concurrency', title: 'ConcurrentExecutions (Maximum)', series: (r) => [{ label: 'ConcurrentExecutions', cls: 'md-s1', values: r.map((x) => x.concurrentExecutions) }] },
];

const secondsLabel = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 })} s`;
const fmt = (v: number | undefined) => (v === undefined ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: 1 }));

export class MetricsDashboardElement extends HTMLElement {
  private run_: LoadRun | undefined;
  private rows: PeriodRow[] = [];
  private periodMs = CLOUDWATCH_PERIOD_MS;
  private resize: ResizeObserver | undefined;

  connectedCallback(): void {
    this.part_('run').addEventListener('click', () => void this.start());
    this.part_<HTMLSelectElement>('function').addEventListener('change', () => this.show());
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.resize?.disconnect();
  }

  private part_<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-part="${name}"]`) as T;
  }

  private async start(): Promise<void> {
    const status = this.part_('status');
    await runFromButton(this, this.part_<HTMLButtonElement>('run'), status, { busy: 'Running the load…', failed: 'The run failed' }, async () => {
      const { runLoad } = await import('./run');
      this.run_ = await runLoad(JSON.parse(this.dataset.scenario ?? 'null'), this.dataset.dimension === 'version' ? 'version' : 'function');
      this.periodMs = periodFor(this.run_.endMs);
      this.fillPicker([...this.run_.inputs.keys()]);
      if (this.run_.inputs.size === 0) status.textContent = 'Nothing ran: the scenario sent no requests.';
      else this.show();
    });
  }

  /** One choice per dimension value the run produced (a function, or a function's version). */
  private fillPicker(keys: string[]): void {
    const select = this.part_<HTMLSelectElement>('function');
    const before = select.value;
    select.replaceChildren(...keys.map((k) => h('option', { value: k, text: k })));
    if (keys.includes(before)) select.value = before;
    (select.closest('label') as HTMLElement).hidden = keys.length < 2;
  }

  private selected(): string {
    return this.part_<HTMLSelectElement>('function').value;
  }

  private show(): void {
    const run = this.run_;
    if (!run) return;
    const fn = this.selected();
    this.rows = aggregate(run.inputs.get(fn)!, this.periodMs);
    const total = (k: 'invocations' | 'errors' | 'throttles') => this.rows.reduce((n, r) => n + r[k], 0).toLocaleString('en-US');
    const period = this.periodMs === CLOUDWATCH_PERIOD_MS ? '1 minute, as CloudWatch' : `${secondsLabel(this.periodMs)} (CloudWatch uses 1 minute; this run is short)`;
    this.part_('status').textContent = `${fn}: ${total('invocations')} invocations, ${total('errors')} errors, ${total('throttles')} throttles in ${secondsLabel(run.endMs)} of traffic. Period: ${period}.`;
    this.part_('charts').hidden = false;
    this.draw();
    if (!this.resize) {
      this.resize = new ResizeObserver(() => this.draw());
      this.resize.observe(this.part_('charts'));
    }
    const rows = this.rows.map((r) => [secondsLabel(r.startMs), r.invocations, r.errors, r.throttles, fmt(r.durationP50Ms), fmt(r.durationP99Ms), r.concurrentExecutions]);
    this.part_('table').replaceChildren(table(`${fn}, per ${secondsLabel(this.periodMs)} period`, ['Period from', 'Invocations', 'Errors', 'Throttles', 'Duration p50 (ms)', 'Duration p99 (ms)', 'ConcurrentExecutions'], rows));
    this.showLogs(fn);
  }

  private draw(): void {
    const box = this.part_('charts');
    for (const def of CHARTS) {
      const figure = box.querySelector<HTMLElement>(`[data-chart="${def.key}"]`)!;
      const svg = figure.querySelector('svg')!;
      // The figure's own width: the grid decides one or two columns (CSS), so the SVG is drawn at
      // the size it is shown and its 11 px labels are not scaled down.
      const width = Math.max(240, Math.floor(figure.clientWidth));
      const series = def.series(this.rows);
      svg.setAttribute('aria-label', `${def.title}: ${series.map((s) => `${s.label} peaks at ${fmt(Math.max(0, ...s.values.filter((v): v is number => v !== undefined)))}`).join('; ')}. The table below lists every period.`);
      renderMetricChart(svg, this.rows.map((r) => r.startMs), this.periodMs, series, width);
    }
  }

  private showLogs(key: string): void {
    const [fn, version] = key.split(':');
    // A stream's name carries its version, [$LATEST] or [3] (F125).
    const streams = logStreams(this.run_!.logs, fn).filter((s) => version === undefined || s.name.includes(`[${version}]`));
    const list = this.part_('logs');
    list.replaceChildren(...streams.map((s) => {
      const text = s.lines.slice(0, MAX_LOG_LINES).map((l) => `${secondsLabel(l.timeMs).padStart(9)}  ${l.message}`).join('\n');
      const more = s.lines.length > MAX_LOG_LINES ? `\n… ${s.lines.length - MAX_LOG_LINES} more lines` : '';
      return h('details', { class: 'md-stream' },
        h('summary', {}, h('code', { text: s.name }), ` (${s.lines.length} lines)`),
        h('pre', { class: 'md-log', tabindex: 0, text: text + more }));
    }));
    this.part_('logs-title').textContent = `Log streams of /aws/lambda/${fn}: ${streams.length} (one per execution environment)`; // F125;
  }
}

if (!customElements.get('metrics-dashboard')) customElements.define('metrics-dashboard', MetricsDashboardElement);
