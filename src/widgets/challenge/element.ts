// <lambda-challenge>: wires Challenge.astro's markup to the knob panel, the code editor, the
// saved attempt and the engine (loaded on the first run). Goal lines are rendered from the same
// pure evaluation the Node tests use; the live region speaks once per run.
import { completeExercise, getProgress } from '../../lib/progress';
import { swapInMonaco, whenNeeded } from '../../lib/editor/load';
import { TextareaEditor } from '../../lib/editor/textarea';
import type { CodeEditor, EditorOptions } from '../../lib/editor/types';
import { getPath, knobValueProblem, shownValue } from '../../lib/viz/knobs';
import { KnobPanel } from '../simulation-player/knobPanel';
import { attemptScenario, predictionOutcome, startingAttempt } from './attempt';
import { formatMeasured } from './measures';
import { readPrediction, runSummary, versusText } from './present';
import { loadChallenge, savedKey, storeChallenge, type SavedChallenge } from './saved';
import type { Attempt, ChallengeSpec, GoalCheck } from './types';

type RunModule = typeof import('./run');
let runModule: Promise<RunModule> | undefined;
const loadRun = () => (runModule ??= import('./run'));

export class ChallengeElement extends HTMLElement {
  private spec!: ChallengeSpec;
  private lesson = '';
  private key = '';
  private start!: Attempt;
  private state!: SavedChallenge;
  private editor: CodeEditor | undefined;
  private panel: KnobPanel | undefined;
  private running = false;

  connectedCallback(): void {
    if (this.spec) return;
    this.spec = JSON.parse(this.dataset.spec ?? '{}') as ChallengeSpec;
    this.lesson = this.dataset.lesson ?? '';
    this.key = savedKey(this.lesson, this.spec.id);
    this.start = startingAttempt(this.spec);
    this.state = loadChallenge(this.key, this.spec, this.start);
    this.mountKnobs();
    this.mountChoices();
    this.mountEditor();
    this.showPrediction();
    this.showHints();
    this.el('solution').hidden = this.state.runs === 0;
    if (this.state.runs > 0) this.showVersus();
    if (getProgress().lessons[this.lesson]?.solvedExercises[this.spec.id]) this.dataset.state = 'solved';
    this.button('run').addEventListener('click', () => void this.run());
    this.button('hint').addEventListener('click', () => this.nextHint());
    this.button('reset').addEventListener('click', () => this.resetAttempt());
    this.dataset.ready = '';
  }

  private el<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-part="${name}"]`) as T;
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  }

  private save(): void {
    storeChallenge(this.key, this.state);
  }

  private mountKnobs(): void {
    if (!this.spec.knobs?.length) return;
    const current = () => attemptScenario(this.spec, this.state.attempt);
    this.panel = new KnobPanel(this.spec.knobs, (next) => this.applyKnobs(next), current, 'What you can change');
    this.el('knobs').append(this.panel.root);
  }

  /** Takes the knob values out of the panel's new scenario; refuses what the engine would refuse. */
  private applyKnobs(next: unknown): string | undefined {
    for (const knob of this.spec.knobs ?? []) {
      const v = getPath(next, knob.path);
      if (knob.optional && v === undefined) this.state.attempt.knobs[knob.path] = null;
      // min and max are in the shown unit (a timeout in s is kept in ms: knob.scale).
      else if (typeof v === 'number' && knobValueProblem(knob, shownValue(knob, v))) return knobValueProblem(knob, shownValue(knob, v));
      else if (typeof v === 'number') this.state.attempt.knobs[knob.path] = v;
    }
    this.save();
    return undefined;
  }

  /** Each choice knob is a radio group (arrow keys move within it): a pick is the attempt's value. */
  private mountChoices(): void {
    for (const knob of this.spec.choiceKnobs ?? []) {
      const group = this.querySelector<HTMLFieldSetElement>(`[data-choice="${knob.path}"]`);
      group?.addEventListener('change', (e) => {
        const choice = knob.choices[Number((e.target as HTMLInputElement).value)];
        if (!choice) return;
        this.state.attempt.knobs[knob.path] = choice.value;
        this.save();
      });
    }
    this.syncChoices();
  }

  private syncChoices(): void {
    for (const knob of this.spec.choiceKnobs ?? []) {
      const picked = knob.choices.findIndex((c) => c.value === (this.state.attempt.knobs[knob.path] ?? null));
      for (const input of this.querySelectorAll<HTMLInputElement>(`[data-choice="${knob.path}"] input`)) input.checked = Number(input.value) === picked;
    }
  }

  private mountEditor(): void {
    const area = this.el<HTMLTextAreaElement>('code');
    if (!this.spec.code || !area) return;
    const options: EditorOptions = {
      value: this.state.attempt.code ?? '',
      language: 'javascript',
      instanceId: `challenge-${this.spec.id}`,
      ariaLabel: `Handler code of ${this.spec.code.function}`,
      onChange: (code) => {
        this.state.attempt.code = code;
        this.save();
      },
      onRun: () => void this.run(),
    };
    this.editor = new TextareaEditor(area, options);
    whenNeeded(this, () => void this.upgradeEditor(area, options));
  }

  private async upgradeEditor(area: HTMLTextAreaElement, options: EditorOptions): Promise<void> {
    try {
      const monaco = await swapInMonaco(area, this.el('monaco'), () => options);
      this.editor?.dispose();
      this.editor = monaco;
      this.dataset.editor = 'monaco';
      const { HANDLER_MODULES_DTS } = await import('../function-console/engine');
      monaco.addDeclarations(HANDLER_MODULES_DTS, 'lambda-lab/index.d.ts');
    } catch {
      // The textarea stays: the exercise works without Monaco.
    }
  }

  private showPrediction(): void {
    const fieldset = this.el<HTMLFieldSetElement>('predict');
    const committed = this.state.prediction;
    if (!fieldset || !committed || !this.spec.prediction) return;
    for (const input of fieldset.querySelectorAll('input')) {
      input.disabled = true;
      if (input.type === 'radio') input.checked = Number(input.value) === committed.choice;
      else if (committed.value !== undefined) input.value = String(committed.value);
    }
    const shown = this.spec.prediction.choices ? this.spec.prediction.choices[committed.choice ?? -1]?.label : String(committed.value);
    const note = this.el('committed');
    note.textContent = `Your prediction is committed: ${shown}${this.spec.prediction.unit && !this.spec.prediction.choices ? ` ${this.spec.prediction.unit}` : ''}.`;
    note.hidden = false;
    this.button('run').textContent = 'Run the attempt';
  }

  private showHints(): void {
    const items = [...this.el('hints').querySelectorAll('li')];
    items.forEach((li, i) => (li.hidden = i >= this.state.hintsShown));
    const left = items.length - this.state.hintsShown;
    const hint = this.button('hint');
    hint.disabled = left === 0;
    hint.textContent = left === 0 ? 'No more hints' : `Show a hint (${this.state.hintsShown + 1} of ${items.length})`;
  }

  private nextHint(): void {
    if (this.state.hintsShown >= this.spec.hints.length) return;
    this.state.hintsShown++;
    this.save();
    this.showHints();
    const shown = this.el('hints').querySelectorAll('li')[this.state.hintsShown - 1];
    shown.tabIndex = -1;
    shown.focus();
  }

  private resetAttempt(): void {
    this.state.attempt = structuredClone(this.start);
    this.editor?.setValue(this.start.code ?? '');
    this.panel?.sync();
    this.syncChoices();
    this.save();
    this.el('error').textContent = '';
  }

  private showVersus(): void {
    const text = versusText(this.spec, this.state.prediction);
    this.el('versus').textContent = text;
    this.el('versus').hidden = text === '';
    this.el('outcome').hidden = false;
  }

  private renderChecks(checks: GoalCheck[]): void {
    const items = this.el('goals').querySelectorAll('li');
    checks.forEach((check, i) => {
      const li = items[i];
      li.dataset.state = check.met ? 'met' : 'not-met';
      li.querySelector('[data-part="verdict"]')!.textContent = `${check.met ? 'Met' : 'Not met'}: measured ${formatMeasured(check.goal, check.measured)}`;
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const error = this.el('error');
    error.textContent = '';
    if (this.spec.prediction && !this.state.prediction) {
      const prediction = readPrediction(this.spec.prediction, this.el('predict'));
      if (!prediction) {
        error.textContent = 'Commit a prediction first: it is the point of the exercise.';
        this.el('predict').querySelector('input')?.focus();
        return;
      }
      this.state.prediction = prediction;
      this.save();
      this.showPrediction();
    }
    if (this.editor) this.state.attempt.code = this.editor.getValue();
    this.running = true;
    const run = this.button('run');
    run.setAttribute('aria-disabled', 'true');
    this.setAttribute('aria-busy', 'true');
    run.textContent = 'Running…';
    try {
      const { runAttempt } = await loadRun();
      const outcome = await runAttempt(this.spec, this.state.attempt);
      this.finishRun(outcome.checks, outcome.solved, outcome.result);
    } catch (e) {
      error.textContent = `The simulation refused this attempt: ${errorText(e)}`;
    } finally {
      this.running = false;
      run.removeAttribute('aria-disabled');
      this.removeAttribute('aria-busy');
      run.textContent = 'Run the attempt';
    }
  }

  private finishRun(checks: GoalCheck[], solved: boolean, result: import('../../../simulator/index').SimulationResult): void {
    this.state.runs++;
    const prediction = this.state.prediction;
    if (this.spec.prediction && prediction && prediction.measured === undefined) {
      prediction.measured = predictionOutcome(this.spec.prediction, result, this.spec.scenario.functions[0].name).value;
    }
    this.save();
    this.renderChecks(checks);
    this.showVersus();
    this.el('solution').hidden = false;
    this.el('status').textContent = runSummary(this.state.runs, checks, solved);
    if (solved) {
      completeExercise(this.lesson, this.spec.id);
      this.dataset.state = 'solved';
    }
  }
}

function errorText(e: unknown): string {
  const issues = (e as { issues?: { path: string; message: string }[] })?.issues;
  if (Array.isArray(issues)) return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

if (!customElements.get('lambda-challenge')) customElements.define('lambda-challenge', ChallengeElement);
