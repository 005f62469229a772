// The player's controls: play/pause, step, speed, reset, seed, presenter mode and the
// time scrubber. Keyboard: space play/pause, arrows step, +/- speed, r reset, f presenter.

import type { Player } from '../../lib/viz/player';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
import { h } from './dom';

export interface ControlActions {
  setSeed(seed: number): void;
  togglePresenter(): void;
}

/** Controls a lesson may leave out when it does not use them (data-hide="seed presenter"). */
export interface ControlOptions {
  seed: boolean;
  presenter: boolean;
}

export class Controls {
  readonly root: HTMLElement;
  readonly scrubber: HTMLInputElement;
  private playButton: HTMLButtonElement;
  private speedOut: HTMLOutputElement;
  private timeOut: HTMLSpanElement;
  private seedInput: HTMLInputElement;
  private presenterButton: HTMLButtonElement;

  constructor(private player: () => Player, actions: ControlActions, shown: ControlOptions = { seed: true, presenter: true }) {
    const button = (label: string, text: string, key: string, onClick: () => void) => {
      const b = h('button', { type: 'button', 'aria-label': label, 'aria-keyshortcuts': key, title: `${label} (${key})`, text });
      b.addEventListener('click', onClick);
      return b;
    };
    this.playButton = button('Play', '▶ Play', 'Space', () => this.player().toggle());
    this.playButton.classList.add('lsp-play');
    this.speedOut = h('output', { class: 'lsp-speed', 'aria-live': 'off', 'aria-label': 'Speed' });
    // Not an <output>: that is a live region, and this text changes every frame while playing.
    // The scrubber's aria-valuetext carries the time for anyone who asks.
    this.timeOut = h('span', { class: 'lsp-time' });
    this.seedInput = h('input', { type: 'number', min: 0, max: 4294967295, step: 1, class: 'lsp-seed', 'aria-label': 'Seed' });
    this.seedInput.addEventListener('change', () => {
      const seed = Number(this.seedInput.value);
      if (Number.isInteger(seed) && seed >= 0) actions.setSeed(seed);
    });
    this.presenterButton = button('Presenter mode', 'Presenter mode', 'F', () => actions.togglePresenter());
    this.presenterButton.setAttribute('aria-pressed', 'false');
    this.scrubber = h('input', { type: 'range', min: 0, max: 1, step: 1, value: 0, class: 'lsp-scrubber', 'aria-label': 'Virtual time: drag to travel back and forth over what has been simulated' });
    this.scrubber.addEventListener('input', () => {
      this.player().pause();
      this.player().seek(Number(this.scrubber.value));
    });
    const bar = h(
      'div',
      { class: 'lsp-controls', role: 'toolbar', 'aria-label': 'Player controls' },
      this.playButton,
      button('Step back to the previous event', '◀ Back', 'ArrowLeft', () => this.player().stepBack()),
      button('Step to the next event', 'Step ▶', 'ArrowRight', () => this.player().stepForward()),
      // Kept together so a narrow screen never splits − 1× + across lines.
      h('span', { class: 'lsp-speed-group' }, button('Slower', '−', '-', () => this.player().slower()), this.speedOut, button('Faster', '+', '+', () => this.player().faster())),
      button('Reset to the start', '↺ Reset', 'R', () => this.player().reset()),
      shown.seed ? h('label', { class: 'lsp-seed-label' }, 'Seed ', this.seedInput) : '',
      shown.presenter ? this.presenterButton : '',
    );
    this.root = h('div', { class: 'lsp-transport' }, bar, h('div', { class: 'lsp-scrub' }, this.scrubber, this.timeOut));
  }

  update(seed: number, presenter: boolean): void {
    const p = this.player();
    const label = p.playing ? 'Pause' : 'Play';
    if (this.playButton.getAttribute('aria-label') !== label) {
      this.playButton.setAttribute('aria-label', label);
      this.playButton.textContent = p.playing ? '❚❚ Pause' : '▶ Play';
    }
    this.speedOut.textContent = `${p.speed}×`;
    const max = Math.round(p.endMs ?? p.reachedMs);
    this.scrubber.max = String(max);
    this.scrubber.value = String(Math.round(p.viewMs));
    this.scrubber.setAttribute('aria-valuetext', formatVirtualMs(p.viewMs));
    const status = p.error
      ? ' · stopped: the simulation failed'
      : p.rewindingTo !== undefined
        ? ` · going back: re-running the same seed to ${formatVirtualMs(p.rewindingTo)}`
        : p.busy
          ? ' · simulating…'
          : p.endMs !== undefined && p.viewMs >= p.endMs ? ' · end' : '';
    this.timeOut.textContent = `${formatVirtualMs(p.viewMs)} of ${p.endMs !== undefined ? formatVirtualMs(p.endMs) : `${formatVirtualMs(p.reachedMs)} simulated`}${status}`;
    if (document.activeElement !== this.seedInput) this.seedInput.value = String(seed);
    this.presenterButton.setAttribute('aria-pressed', String(presenter));
  }
}

/** Player keys; returns true when the key was handled. Form fields keep their own keys. */
export function handlePlayerKey(e: KeyboardEvent, player: Player, togglePresenter: (() => void) | undefined): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const target = e.target as HTMLElement | null;
  const tag = target?.tagName;
  const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable;
  if (typing && (target as HTMLInputElement).type !== 'range') return false;
  if (typing && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) return false; // the scrubber moves itself
  switch (e.key) {
    case ' ':
      // A focused button or disclosure is pressed by space (the knobs' <summary> too).
      if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return false;
      player.toggle();
      return true;
    case 'ArrowRight':
      player.stepForward();
      return true;
    case 'ArrowLeft':
      player.stepBack();
      return true;
    case '+':
    case '=':
      player.faster();
      return true;
    case '-':
    case '_':
      player.slower();
      return true;
    case 'r':
    case 'R':
      player.reset();
      return true;
    case 'f':
    case 'F':
      if (!togglePresenter) return false;
      togglePresenter();
      return true;
    default:
      return false;
  }
}
