// Predict, then run: before Play the learner commits a number; once the cursor has passed the
// window the question is about, the panel sets it beside rate x duration (F54) and the chart's
// own measure, so the gap between guess and run is on the page.

import type { Player } from '../../lib/viz/player';
import { rateTimesDuration } from '../../lib/viz/rateDuration';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
import { h } from './dom';

export interface Prediction {
  /** The question, e.g. "During the sale, 170 requests/s × 0.12 s ≈ how many at once?" */
  question: string;
  /** The stretch of the run the question is about, and its name ("the sale"). */
  fromMs: number;
  toMs: number;
  during: string;
}

let nextId = 0;
const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

export class PredictionPanel {
  readonly root: HTMLFormElement;
  private input: HTMLInputElement;
  private commit: HTMLButtonElement;
  private result: HTMLParagraphElement;
  private predicted: number | undefined;
  private comparedFor: Player | undefined;

  constructor(private spec: Prediction, private player: () => Player) {
    const id = `lsp-predict-${nextId++}`;
    this.input = h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', class: 'lsp-predict-input' });
    this.commit = h('button', { type: 'submit', text: 'Commit my prediction' });
    // A polite status: it changes twice (on commit, and once when the run answers).
    this.result = h('p', { class: 'lsp-predict-result', role: 'status' });
    this.root = h('form', { class: 'lsp-predict' }, h('label', { for: id, text: spec.question }), h('span', { class: 'lsp-predict-row' }, this.input, this.commit), this.result);
    this.root.addEventListener('submit', (e) => {
      e.preventDefault();
      this.lock();
    });
  }

  private lock(): void {
    const value = Number(this.input.value);
    if (this.input.value.trim() === '' || !Number.isFinite(value) || value < 0) {
      this.result.textContent = 'Type a number first: your best guess is fine.';
      return;
    }
    this.predicted = value;
    this.input.readOnly = true;
    this.commit.disabled = true;
    this.commit.textContent = 'Committed';
    this.result.textContent = `You predicted ${fmt(value)} at once ${this.spec.during}. Now press Play and watch the chart.`;
    this.comparedFor = undefined;
  }

  /** Once the cursor is past the window, answer with the run's own numbers (once per run). */
  update(t: number): void {
    const p = this.player();
    if (t < this.spec.toMs) {
      if (this.comparedFor && this.comparedFor !== p) this.comparedFor = undefined;
      return;
    }
    if (this.comparedFor === p) return;
    this.comparedFor = p;
    const { fromMs, toMs, during } = this.spec;
    const rd = rateTimesDuration(p.index, toMs, toMs - fromMs);
    if (!rd) return;
    let peak = 0;
    for (const v of p.index.grid.peaks(fromMs, toMs, 1, toMs)) peak = Math.max(peak, v);
    const mine = this.predicted === undefined ? 'You did not commit a prediction this time.' : `You predicted ${fmt(this.predicted)}.`;
    this.result.textContent =
      `${mine} ${capitalise(during)} (${formatVirtualMs(fromMs)} to ${formatVirtualMs(toMs)}): ${fmt(rd.ratePerSecond)} invocations/s × ${fmt(rd.meanDurationMs / 1000, 3)} s mean duration = ` +
      `${fmt(rd.predictedConcurrency)} at once by rate × duration; the chart measured ${fmt(rd.measuredConcurrency)} on average and a peak of ${peak}.`;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
