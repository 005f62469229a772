// <lambda-bootstrap-exercise>: runs the learner's bootstrap in a worker against the simulated
// Runtime API, shows each goal met or not, keeps the code across reloads, and reports a solved
// exercise to the progress API.
import type { BootstrapRunResult } from '../../../simulator/index';
import { completeExercise, getProgress } from '../../lib/progress';
import { loopFrames } from '../runtime-loop/frames';
import { checkBootstrapRun } from './checks';
import { ORDER_EVENTS, REFERENCE_BOOTSTRAP, STARTER_BOOTSTRAP, TIMEOUT_MS } from './sources';

const WATCHDOG_MS = 3000; // real time: a bootstrap that never yields is stopped

type Reply = { ok: true; run: BootstrapRunResult } | { ok: false; message: string };

class BootstrapExerciseElement extends HTMLElement {
  private code!: HTMLTextAreaElement;
  private hintsShown = 0;

  connectedCallback(): void {
    if (this.code) return;
    this.code = this.querySelector<HTMLTextAreaElement>('[data-code]')!;
    const saved = this.load();
    if (saved !== null) this.code.value = saved;
    this.code.addEventListener('input', () => this.save(this.code.value));
    this.addEventListener('click', (e) => this.onAct((e.target as Element).closest<HTMLElement>('[data-act]')?.dataset.act));
    const { lesson = '', exercise = '' } = this.dataset;
    if (getProgress().lessons[lesson]?.solvedExercises[exercise]) this.status('You have solved this before. Run it again any time.');
  }

  private get key(): string {
    return `lambda-lab:bootstrap:${this.dataset.lesson}:${this.dataset.exercise}`;
  }
  private load(): string | null {
    try { return localStorage.getItem(this.key); } catch { return null; }
  }
  private save(value: string | null): void {
    try { if (value === null) localStorage.removeItem(this.key); else localStorage.setItem(this.key, value); } catch { /* storage blocked: the code lives for this page */ }
  }

  private onAct(act: string | undefined): void {
    if (act === 'run') void this.run();
    else if (act === 'restore') { this.code.value = STARTER_BOOTSTRAP; this.save(null); }
    else if (act === 'hint') this.nextHint();
  }

  private nextHint(): void {
    const hints = [...this.querySelectorAll<HTMLElement>('[data-hints] > li')];
    if (this.hintsShown < hints.length) hints[this.hintsShown++].hidden = false;
    if (this.hintsShown === hints.length) this.querySelector<HTMLButtonElement>('[data-act="hint"]')!.disabled = true;
  }

  private async run(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-act="run"]')!;
    button.disabled = true;
    this.status('Running…');
    const reply = await this.inWorker(this.code.value);
    button.disabled = false;
    this.revealSolution();
    if (!reply.ok) {
      this.status(reply.message);
      return;
    }
    const verdict = checkBootstrapRun(reply.run, ORDER_EVENTS.length);
    this.showGoals(verdict.lines);
    this.showSteps(reply.run);
    if (verdict.solved) {
      const { lesson, exercise } = this.dataset;
      if (lesson && exercise) completeExercise(lesson, exercise);
      this.status('All goals met: your runtime served all three events. Exercise solved.', 'solved');
    } else {
      this.status(`${verdict.lines.filter((l) => l.met).length} of ${verdict.lines.length} goals met. Read the steps below, change the loop and run it again.`);
    }
  }

  private inWorker(source: string): Promise<Reply> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL('./bootstrapWorker.ts', import.meta.url), { type: 'module' });
      const stop = setTimeout(() => {
        worker.terminate();
        resolve({ ok: false, message: `Your bootstrap did not give control back for ${WATCHDOG_MS / 1000} s, so it was stopped. Is there a loop without an await in it?` });
      }, WATCHDOG_MS);
      worker.onmessage = (e: MessageEvent<Reply>) => {
        clearTimeout(stop);
        worker.terminate();
        resolve(e.data);
      };
      worker.postMessage({ source, events: ORDER_EVENTS, timeoutMs: TIMEOUT_MS });
    });
  }

  private showGoals(lines: ReturnType<typeof checkBootstrapRun>['lines']): void {
    const list = this.querySelector('[data-goals]')!;
    list.replaceChildren(...lines.map((line) => {
      const li = document.createElement('li');
      li.dataset.met = String(line.met);
      const mark = Object.assign(document.createElement('span'), { className: 'bx-mark', textContent: line.met ? 'Met' : 'Not met' });
      const measured = Object.assign(document.createElement('span'), { className: 'bx-measured', textContent: `(${line.measured})` });
      li.append(mark, ` ${line.text} `, measured);
      return li;
    }));
  }

  private showSteps(run: BootstrapRunResult): void {
    const box = this.querySelector<HTMLDetailsElement>('[data-steps-box]')!;
    box.hidden = false;
    box.open = true;
    const lines = [...loopFrames(run).map((f) => `${f.atMs} ms: ${f.text}`), ...run.logs.map((l) => `${l.atMs} ms: console: ${l.line}`)];
    this.querySelector('[data-steps]')!.replaceChildren(...lines.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  }

  private revealSolution(): void {
    const solution = this.querySelector<HTMLElement>('[data-solution]')!;
    if (!solution.hidden) return;
    solution.hidden = false;
    this.querySelector('[data-solution-code]')!.textContent = REFERENCE_BOOTSTRAP;
  }

  private status(text: string, state = 'partial'): void {
    const node = this.querySelector<HTMLElement>('[data-status]')!;
    node.textContent = text;
    node.dataset.state = state;
  }
}

if (!customElements.get('lambda-bootstrap-exercise')) customElements.define('lambda-bootstrap-exercise', BootstrapExerciseElement);
