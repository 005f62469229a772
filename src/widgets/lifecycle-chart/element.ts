// <lifecycle-chart>: runs its scenario once (through the engine's front door), records every
// environment state change, and plays them back one at a time, placing each environment in
// the state box it is in. The boxes themselves are server-rendered from the statechart.
import { holds } from './chart';

interface Step {
  timeMs: number;
  environmentId: string;
  /** A state path, or 'invoke' / 'done' for the narration of an invocation starting or ending. */
  state: string;
  note?: string;
}

const STEP_MS = 700;

export class LifecycleChartElement extends HTMLElement {
  private steps: Step[] | undefined;
  private at = 0;
  private where = new Map<string, string>();
  private timer: ReturnType<typeof setInterval> | undefined;

  connectedCallback(): void {
    this.button('play').addEventListener('click', () => void this.togglePlay());
    this.button('step').addEventListener('click', () => void this.step(true));
    this.button('reset').addEventListener('click', () => this.reset());
    this.dataset.ready = '';
  }

  disconnectedCallback(): void {
    this.pause();
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  }

  private async load(): Promise<Step[]> {
    if (this.steps) return this.steps;
    const { createSimulation } = await import('../../../simulator/index');
    const sim = createSimulation(JSON.parse(this.dataset.scenario ?? '{}'));
    const steps: Step[] = [];
    const names = new Map<string, string>();
    const name = (id: string) => {
      if (!names.has(id)) names.set(id, `env ${names.size + 1}`);
      return names.get(id)!;
    };
    sim.subscribe((e) => {
      if (e.type === 'environment.state') steps.push({ timeMs: e.timeMs, environmentId: name(e.environmentId), state: e.state });
      else if (e.type === 'invocation.started') steps.push({ timeMs: e.timeMs, environmentId: name(e.environmentId), state: 'busy', note: e.coldStart ? 'cold start: this request waited for Init' : 'warm start: thawed and reused' });
    });
    await sim.run();
    sim.dispose();
    this.steps = steps.filter((s, i) => !(s.state === 'busy' && !s.note && steps[i + 1]?.note)); // one line per invoke
    return this.steps;
  }

  private async togglePlay(): Promise<void> {
    if (this.timer) return this.pause();
    const steps = await this.load();
    if (this.at >= steps.length) this.reset();
    this.button('play').textContent = 'Pause';
    this.dataset.playing = '';
    this.timer = setInterval(() => void this.step(false), STEP_MS);
    void this.step(false);
  }

  private pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.button('play').textContent = 'Play';
    delete this.dataset.playing;
  }

  private reset(): void {
    this.pause();
    this.at = 0;
    this.where.clear();
    this.render(undefined, false);
  }

  /** Moves one change on; the narration is spoken only for a Step the learner asked for. */
  private async step(announce: boolean): Promise<void> {
    const steps = await this.load();
    if (this.at >= steps.length) {
      this.pause();
      return;
    }
    const s = steps[this.at++];
    this.where.set(s.environmentId, s.state);
    this.render(s, announce);
    if (this.at >= steps.length) this.pause();
  }

  private render(step: Step | undefined, announce: boolean): void {
    for (const box of this.querySelectorAll<HTMLElement>('.lc-state')) {
      const path = box.dataset.path ?? '';
      const here = [...this.where].filter(([, state]) => state === path).map(([env]) => env);
      const tokens = box.querySelector(':scope > [data-part="tokens"]')!;
      tokens.replaceChildren(...here.map((env) => Object.assign(document.createElement('span'), { className: 'lc-token', textContent: env })));
      const lit = [...this.where.values()].some((state) => holds(path, state));
      box.toggleAttribute('data-lit', lit);
    }
    const clock = this.querySelector('[data-part="clock"]')!;
    clock.textContent = step ? `${Number(step.timeMs.toFixed(2))} ms` : '0 ms';
    const narration = this.querySelector<HTMLElement>('[data-part="narration"]')!;
    narration.setAttribute('aria-live', announce ? 'polite' : 'off');
    narration.textContent = step
      ? `${step.environmentId}: ${step.note ?? `now ${this.querySelector(`.lc-state[data-path="${step.state}"] > .lc-name`)?.textContent ?? step.state}`} (${clock.textContent}, step ${this.at} of ${this.steps?.length ?? 0}).`
      : 'Press Play, or Step to move one change at a time.';
    this.dataset.step = String(this.at);
  }
}

if (!customElements.get('lifecycle-chart')) customElements.define('lifecycle-chart', LifecycleChartElement);
