// Inputs for the scenario knobs. A change builds a new scenario (same seed) and the player
// re-runs it from the start; a value out of range or refused by the engine is explained in
// the knob's own words, and nothing runs.

import { getPath, knobRefusal, knobValueProblem, setPath, shownValue, storedValue, type Knob } from '../../lib/viz/knobs';
import { h } from './dom';

export class KnobPanel {
  readonly root: HTMLElement;
  private inputs = new Map<string, HTMLInputElement>();
  private knobs = new Map<string, Knob>();
  private message: HTMLParagraphElement;

  constructor(
    knobs: Knob[],
    /** undefined when applied; else the refusal (an engine ScenarioError, or a message), or a promise of it. */
    private apply: (next: unknown) => unknown,
    private current: () => unknown,
    title = 'Scenario knobs (each change re-runs from the start with the same seed)',
  ) {
    this.message = h('p', { class: 'lsp-knob-error', role: 'alert' });
    const grid = h('div', { class: 'lsp-knob-grid' });
    for (const knob of knobs) {
      const input = h('input', { type: 'number', min: knob.min, max: knob.max, step: knob.step, 'data-path': knob.path, inputmode: 'decimal' });
      if (knob.optional) input.placeholder = 'not set';
      input.addEventListener('change', () => void this.change(knob, input));
      this.inputs.set(knob.path, input);
      this.knobs.set(knob.path, knob);
      grid.append(h('label', { class: 'lsp-knob' }, h('span', { text: `${knob.label}${knob.unit ? ` (${knob.unit})` : ''}` }), input));
    }
    this.root = h('details', { class: 'lsp-knobs', open: true }, h('summary', { text: title }), grid, this.message);
    this.sync();
  }

  /** Show the scenario's current values. */
  sync(): void {
    const scenario = this.current();
    for (const [path, input] of this.inputs) {
      const v = shownValue(this.knobs.get(path)!, getPath(scenario, path));
      if (document.activeElement !== input) input.value = v === undefined ? '' : String(v);
    }
  }

  private async change(knob: Knob, input: HTMLInputElement): Promise<void> {
    const raw = input.value.trim();
    const value = raw === '' ? undefined : Number(raw);
    const problem = knobValueProblem(knob, value);
    if (problem) {
      this.fail(input, problem);
      return;
    }
    const refusal = await this.apply(setPath(this.current(), knob.path, storedValue(knob, value)));
    if (refusal !== undefined) this.fail(input, knobRefusal(knob, refusal));
    else {
      input.removeAttribute('aria-invalid');
      this.message.textContent = '';
    }
  }

  private fail(input: HTMLInputElement, text: string): void {
    input.setAttribute('aria-invalid', 'true');
    this.message.textContent = text;
  }
}
