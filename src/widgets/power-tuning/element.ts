// <power-tuning>: on Run, tunes the handler through the engine (tuning.ts, loaded on demand),
// then draws the chart (render.ts) and fills the data table that is its text alternative.
import { table } from '../simulation-player/dom';
import { memoryLabel, microDollars, renderPowerChart } from './render';
import type { TuningResult } from './tuning';
import { runFromButton } from '../runButton';

const ms = (v: number) => `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const perMillion = (usd: number) => `$${microDollars(usd).toFixed(2)}`;

export class PowerTuningElement extends HTMLElement {
  private result: TuningResult | undefined;
  private resize: ResizeObserver | undefined;

  connectedCallback(): void {
    this.el('run').addEventListener('click', () => void this.run());
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.resize?.disconnect();
  }

  private el<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-part="${name}"]`) as T;
  }

  private async run(): Promise<void> {
    const texts = { busy: 'Running the handler at each memory size…', failed: 'The tuning run failed' };
    await runFromButton(this, this.el<HTMLButtonElement>('run'), this.el('status'), texts, async () => {
      const { tuneMemory } = await import('./tuning');
      const started = performance.now();
      this.result = await tuneMemory({
        source: this.dataset.source ?? '',
        memories: JSON.parse(this.dataset.memories ?? '[]'),
        invocations: Number(this.dataset.invocations),
        seed: Number(this.dataset.seed),
      });
      this.dataset.elapsedMs = String(Math.round(performance.now() - started));
      this.show(this.result);
    });
  }

  private show(r: TuningResult): void {
    const fast = r.points[r.fastest];
    const cheap = r.points[r.cheapest];
    this.el('status').textContent = `Done. Fastest: ${memoryLabel(fast.memoryMB)} MB at ${ms(fast.durationMs)}. Cheapest: ${memoryLabel(cheap.memoryMB)} MB at ${perMillion(cheap.costUsd)} per million invocations.`;
    const chart = this.el('chart');
    chart.hidden = false;
    this.draw();
    if (!this.resize) {
      this.resize = new ResizeObserver(() => this.draw());
      this.resize.observe(chart);
    }
    const rows = r.points.map((p, i) => [
      memoryLabel(p.memoryMB), ms(p.durationMs), ms(p.billedMs), perMillion(p.costUsd),
      [i === r.fastest ? 'fastest' : '', i === r.cheapest ? 'cheapest' : ''].filter(Boolean).join(', '),
    ]);
    const t = table('Mean of the warm invocations at each memory size', ['Memory (MB)', 'Duration', 'Billed duration', 'Cost per 1 M invocations', 'Marked'], rows);
    this.el('table').replaceChildren(t);
  }

  private draw(): void {
    if (!this.result) return;
    const chart = this.el('chart');
    const svg = chart.querySelector('svg') ?? chart.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', this.el('status').textContent ?? '');
    renderPowerChart(svg, this.result, Math.max(280, Math.floor(chart.clientWidth)));
  }
}

if (!customElements.get('power-tuning')) customElements.define('power-tuning', PowerTuningElement);
