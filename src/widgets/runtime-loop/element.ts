// <lambda-runtime-loop>: runs the reference bootstrap against the simulated Runtime API once, then
// steps (or plays) through its frames, lighting the stage each one belongs to.
import { ORDER_EVENTS, REFERENCE_BOOTSTRAP, TIMEOUT_MS } from '../bootstrap-exercise/sources';
import { loopFrames, type LoopFrame } from './frames';

const PLAY_INTERVAL_MS = 1400;

class RuntimeLoopElement extends HTMLElement {
  private frames: LoopFrame[] = [];
  private index = -1;
  private timer: ReturnType<typeof setInterval> | undefined;

  async connectedCallback(): Promise<void> {
    if (this.frames.length) return;
    const { runBootstrap } = await import('../../../simulator/index');
    const run = await runBootstrap(REFERENCE_BOOTSTRAP, { events: ORDER_EVENTS, timeoutMs: TIMEOUT_MS });
    this.frames = loopFrames(run);
    const log = this.querySelector('[data-log]');
    log?.replaceChildren(...this.frames.map((f) => Object.assign(document.createElement('li'), { textContent: `${f.atMs} ms: ${f.text}` })));
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-act]')) button.disabled = false;
    this.addEventListener('click', (e) => this.onAct((e.target as Element).closest<HTMLElement>('[data-act]')?.dataset.act));
    this.show(0);
  }

  disconnectedCallback(): void {
    this.pause();
  }

  private onAct(act: string | undefined): void {
    if (act === 'step') this.show(this.index + 1);
    else if (act === 'back') this.show(this.index - 1);
    else if (act === 'reset') { this.pause(); this.show(0); }
    else if (act === 'play') this.timer ? this.pause() : this.play();
  }

  private play(): void {
    if (this.index >= this.frames.length - 1) this.show(0);
    this.timer = setInterval(() => (this.index >= this.frames.length - 1 ? this.pause() : this.show(this.index + 1)), PLAY_INTERVAL_MS);
    this.setPlayLabel('Pause');
  }

  private pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.setPlayLabel('Play');
  }

  private setPlayLabel(text: string): void {
    const button = this.querySelector<HTMLButtonElement>('[data-act="play"]');
    if (button) button.textContent = text;
  }

  private show(index: number): void {
    this.index = Math.max(0, Math.min(this.frames.length - 1, index));
    const frame = this.frames[this.index];
    for (const stage of this.querySelectorAll<HTMLElement>('[data-stage]')) {
      const lit = stage.dataset.stage === frame.stage || (frame.stage === 'frozen' && stage.dataset.stage === 'next');
      stage.toggleAttribute('data-active', lit);
      if (lit) stage.setAttribute('aria-current', 'step');
      else stage.removeAttribute('aria-current');
    }
    this.querySelector<HTMLElement>('[data-count]')!.textContent = `Step ${this.index + 1} of ${this.frames.length} · ${frame.atMs} ms`;
    const now = this.querySelector<HTMLElement>('[data-now]')!;
    now.textContent = frame.text;
    now.dataset.stage = frame.stage;
    this.querySelector<HTMLButtonElement>('[data-act="back"]')!.disabled = this.index === 0;
    this.querySelector<HTMLButtonElement>('[data-act="step"]')!.disabled = this.index === this.frames.length - 1;
  }
}

if (!customElements.get('lambda-runtime-loop')) customElements.define('lambda-runtime-loop', RuntimeLoopElement);
