// <lambda-simulation-player>: runs one scenario through the engine and shows it as it unfolds.
// Attributes: data-scenario (JSON), data-views ("summary timeline concurrency flows"),
// data-knobs ("default", "none" or a JSON list of knobs), data-title, data-share (keep the
// scenario in the URL hash: "" under `scenario`, a name under `scenario.<name>`, so two shared
// players keep their own), data-window-ms (timeline width in virtual ms), data-description
// (the run's shape in words; generated when absent), data-hide ("seed presenter export": controls a
// lesson does not use), data-predict (JSON: a question answered before Play, see predictionPanel),
// data-checked (the scenario was parsed at build time: playing it needs no engine on this thread).
//
// The engine runs in the player's worker. This thread loads only the checker (simulator/check.ts)
// for a scenario it has not seen (a knob, a seed, a preset, a shared link), and the engine itself
// only for code handlers, the dated rules' line and referenceResult.

import type { Scenario, SimulationResult } from '../../../simulator/index';
import { limitsFor, playerFor, pricesFor } from '../../lib/viz/engine';
import { loadChecker, loadEngine } from '../../lib/viz/loadEngine';
import { whenNearViewport } from '../../lib/near-viewport';
import { defaultKnobs, type Knob } from '../../lib/viz/knobs';
import { readPalette, type Palette } from '../../lib/viz/palette';
import { INGEST_BUDGET_MS, type Player } from '../../lib/viz/player';
import { describeIssues, hashKeeping, scenarioShareKey, sharedHash } from '../../lib/share/codec';
import { describeRun } from '../../lib/viz/runDescription';
import { ConcurrencyView } from './concurrencyView';
import { Controls, handlePlayerKey } from './controls';
import { h } from './dom';
import { exportRow } from './exportRow';
import { FlowView } from './flowView';
import { KnobPanel } from './knobPanel';
import { PredictionPanel, type Prediction } from './predictionPanel';
import { SummaryView } from './summaryView';
import { TimelineView } from './timelineView';
import { viewList } from './views';

const TEXT_INTERVAL_MS = 250; // text alternatives and tables refresh at 4 Hz while playing...
const TEXT_BUDGET_SHARE = 0.05; // ...or less often, so text work stays under 5 % of the time
const RATE_WINDOW_MS = 10_000; // the rate x duration readout looks back this far

export class SimulationPlayerElement extends HTMLElement {
  player!: Player;
  scenario!: Scenario;
  private root!: HTMLElement;
  private controls!: Controls;
  private summary?: SummaryView;
  private timeline?: TimelineView;
  private concurrency?: ConcurrencyView;
  private flows?: FlowView;
  private knobPanel?: KnobPanel;
  private prediction?: PredictionPanel;
  private about!: HTMLParagraphElement;
  private presenterAllowed = true;
  private knobSlot!: HTMLElement;
  private knobKey = '';
  private unsubscribe?: () => void;
  private frameId = 0;
  private lastFrameMs: number | undefined;
  private lastTextMs = -Infinity;
  private textCostMs = 0;
  private reducedCarryMs = 0;
  private width = 640;
  private palette: Palette | undefined;
  private resize?: ResizeObserver;
  private reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  presenter = false;

  connectedCallback(): void {
    // Every player on a page upgrades when the module is defined; each builds (and starts its
    // worker) only as it nears the viewport, so a lesson's load runs one or two, not all.
    if (this.root || this.starting || this.waiting) return;
    // An embed is the page's one player, and its frame takes its height from what it builds,
    // out of view too (a host page must not shift when the reader reaches it): it builds now.
    if (this.dataset.build === 'now') return this.begin();
    this.waiting = whenNearViewport(this, () => {
      this.waiting = undefined;
      this.begin();
    });
  }
  private waiting: (() => void) | undefined;
  private starting: Promise<void> | undefined;

  private begin(): void {
    const data: unknown = JSON.parse(this.dataset.scenario ?? 'null');
    if (this.dataset.checked !== undefined) return this.start(data as Scenario);
    this.starting = loadChecker()
      .then(({ parseScenario }) => this.start(parseScenario(data)))
      .catch((err) => this.showError(`This simulation's scenario is not valid: ${describeIssues(err)}`))
      .finally(() => (this.starting = undefined));
  }

  private start(scenario: Scenario): void {
    if (!this.isConnected || this.root) return;
    this.build(scenario);
    if (this.dataset.build === 'now') {
      // An embed draws at once: its frame reports its height as it builds, in view or not.
      this.load(scenario);
      this.measure();
      return this.render(performance.now());
    }
    // Measured and drawn in the next frame, before it is painted (the charts never show at no
    // height), not in this task: building, laying out and drawing at once is one long task.
    // This callback runs just before the frame load() asks for, which draws at the measured width.
    let measured = false;
    requestAnimationFrame(() => {
      measured = true;
      if (this.root) this.measure();
    });
    this.load(scenario);
    // A page (or an embed's frame) scrolled out of view gets no frames: draw it anyway, or its
    // height would be wrong until it is seen.
    setTimeout(() => {
      if (measured || !this.root) return;
      this.measure();
      this.render(performance.now());
    }, 100);
  }

  private startNow(scenario: Scenario): void {
    this.waiting?.();
    this.waiting = undefined;
    this.start(scenario);
  }

  private onFullscreenChange = (): void => {
    if (!document.fullscreenElement && this.presenter) this.setPresenter(false);
  };

  disconnectedCallback(): void {
    this.waiting?.();
    this.waiting = undefined;
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    cancelAnimationFrame(this.frameId);
    this.resize?.disconnect();
    this.unsubscribe?.();
    this.player?.dispose();
    this.root?.remove();
    this.root = undefined as unknown as HTMLElement;
  }

  /** Validate and run a new scenario from the start; resolves to the problem text if refused. */
  async applyScenario(next: unknown): Promise<string | undefined> {
    const refusal = await this.tryScenario(next);
    return refusal === undefined ? undefined : describeIssues(refusal);
  }

  /** Like applyScenario, but hands back the engine's refusal itself (knobs word it their way). */
  private async tryScenario(next: unknown): Promise<unknown> {
    const { parseScenario } = await loadChecker();
    try {
      const scenario = parseScenario(next);
      if (this.root) this.load(scenario);
      else this.startNow(scenario); // asked for before it came near: it is wanted now
      return undefined;
    } catch (err) {
      return err ?? new Error('refused');
    }
  }

  /** The complete result of this scenario from simulate(): what the views must agree with. */
  referenceResult(): Promise<SimulationResult> {
    const scenario = this.scenario;
    if (this.reference?.scenario !== scenario) this.reference = { scenario, result: loadEngine().then(({ simulate }) => simulate(scenario)) };
    return this.reference.result;
  }
  private reference: { scenario: Scenario; result: Promise<SimulationResult> } | undefined;

  private build(scenario: Scenario): void {
    const hidden = new Set((this.dataset.hide ?? '').split(/\s+/));
    this.presenterAllowed = !hidden.has('presenter');
    const get = () => this.player;
    this.controls = new Controls(
      get,
      { setSeed: (seed) => void this.applyScenario({ ...this.scenario, seed }), togglePresenter: () => this.togglePresenter() },
      { seed: !hidden.has('seed'), presenter: this.presenterAllowed },
    );
    const title = this.dataset.title ?? 'Simulation';
    // The run's shape in words stays on the page: the text alternative before, during and after playing.
    this.about = h('p', { class: 'lsp-about', id: `lsp-about-${++aboutIds}`, text: this.aboutText(scenario) });
    this.root = h('section', { class: 'lsp not-content', tabindex: 0, 'aria-label': `${title} (simulation player)`, 'aria-describedby': this.about.id, 'aria-keyshortcuts': `Space ArrowLeft ArrowRight + - R${this.presenterAllowed ? ' F' : ''}` });
    this.root.append(h('p', { class: 'lsp-title', text: title }), this.about);
    // Only a scenario that picks dated rules needs the line, and it reads the rule ledger from the
    // engine: that scenario's page fetches it; every other player stays without the engine.
    if (scenario.rules) {
      const about = this.about;
      void import('./rulesLine').then(({ rulesLine }) => {
        const rules = rulesLine(scenario);
        if (rules && about.isConnected) about.after(rules);
      });
    }
    if (this.dataset.predict) {
      this.prediction = new PredictionPanel(JSON.parse(this.dataset.predict) as Prediction, get);
      this.root.append(this.prediction.root);
    }
    this.root.append(this.controls.root);
    // Views in the order the page lists them, right under the controls; knobs after them, so
    // on a phone Play sits next to the picture it starts.
    for (const view of viewList(this.dataset.views)) this.addView(view, get);
    this.knobSlot = h('div', { class: 'lsp-knob-slot' });
    this.root.append(this.knobSlot);
    this.buildKnobs(scenario);
    if (this.dataset.share !== undefined) this.root.append(this.shareRow());
    if (!hidden.has('export')) this.root.append(exportRow(() => this.scenario, title));
    this.replaceChildren(this.root);
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.resize = new ResizeObserver(() => this.measure());
    this.resize.observe(this.root);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.reducedMotion?.addEventListener?.('change', () => this.invalidate());
  }

  private addView(view: string, get: () => Player): void {
    if (view === 'summary' && !this.summary) this.root.append((this.summary = new SummaryView(get, () => pricesFor(this.scenario), this.dataset.title ?? 'Simulation')).root);
    if (view === 'timeline' && !this.timeline) this.root.append((this.timeline = new TimelineView(get, () => this.invalidate())).figure.root);
    if (view === 'concurrency' && !this.concurrency) this.root.append((this.concurrency = new ConcurrencyView(get, () => limitsFor(this.scenario))).figure.root);
    if (view === 'flows' && !this.flows) this.root.append((this.flows = new FlowView(get, (label) => this.sourceInfo(label), () => this.sourceLabels())).figure.root);
  }

  private aboutText(scenario: Scenario): string {
    return this.dataset.description ?? describeRun(scenario, this.dataset.autoplay !== undefined);
  }

  private load(scenario: Scenario): void {
    this.unsubscribe?.();
    this.player?.dispose();
    const speed = this.player?.speed; // a knob change re-runs the scenario, at the speed chosen
    this.scenario = scenario;
    this.player = playerFor(scenario);
    if (speed !== undefined) this.player.setSpeed(speed);
    if (this.about) this.about.textContent = this.aboutText(scenario);
    this.unsubscribe = this.player.subscribe(() => this.invalidate());
    if (this.knobSlot) this.buildKnobs(scenario);
    this.knobPanel?.sync();
    this.lastTextMs = -Infinity;
    if (this.dataset.share !== undefined) {
      const hash = hashKeeping(location.hash, scenarioShareKey(this.dataset.share), scenario);
      history.replaceState(null, '', location.pathname + location.search + hash);
    }
    this.dispatchEvent(new CustomEvent('scenariochange', { detail: scenario, bubbles: true }));
    if (this.dataset.autoplay !== undefined) this.player.play();
    this.invalidate();
  }

  /** (Re)build the knob inputs when the scenario's set of knobs changed (another preset). */
  private buildKnobs(scenario: Scenario): void {
    const knobs = this.knobList(scenario);
    const key = knobs.map((k) => `${k.path}:${k.label}`).join('|');
    if (key === this.knobKey) return;
    this.knobKey = key;
    this.knobPanel = knobs.length ? new KnobPanel(knobs, (next) => this.tryScenario(next), () => this.scenario) : undefined;
    this.knobSlot.replaceChildren(...(this.knobPanel ? [this.knobPanel.root] : []));
  }

  private knobList(scenario: Scenario): Knob[] {
    const spec = this.dataset.knobs ?? 'default';
    if (spec === 'none') return [];
    if (spec === 'default') return defaultKnobs(scenario);
    try {
      return JSON.parse(spec) as Knob[];
    } catch {
      return defaultKnobs(scenario);
    }
  }

  /** Each source as the engine labels its requests: its name, else type#index. */
  private sourceLabels(): { source: string; function: string }[] {
    return this.scenario.sources.map((s, k) => ({ source: s.name ?? `${s.type}#${k}`, function: s.function }));
  }

  private sourceInfo(label: string) {
    const i = this.sourceLabels().findIndex((s) => s.source === label);
    const s = i >= 0 ? this.scenario.sources[i] : this.scenario.sources.find((x) => label.startsWith(x.type));
    if (!s) return undefined;
    const f = this.scenario.functions.find((fn) => fn.name === s.function);
    const type = s.type === 'invoke' && s.invocationType === 'Event' ? 'event' : s.type;
    return {
      type,
      shards: 'shards' in s ? s.shards : undefined,
      onSuccess: f?.async?.onSuccess,
      onFailure: f?.async?.onFailure,
      maximumRetryAttempts: f?.async?.maximumRetryAttempts,
    };
  }

  private shareRow(): HTMLElement {
    const status = h('span', { class: 'lsp-share-status', role: 'status' });
    const copy = h('button', { type: 'button', text: 'Copy share link' });
    copy.addEventListener('click', async () => {
      const shared = sharedHash(location.hash, scenarioShareKey(this.dataset.share), this.scenario);
      if (!shared.ok) {
        status.textContent = shared.message;
        return;
      }
      const url = location.href.split('#')[0] + shared.hash;
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = 'Link copied: it reproduces this scenario and seed exactly.';
      } catch {
        status.textContent = `Copy this link: ${url}`;
      }
    });
    return h('div', { class: 'lsp-share' }, copy, status);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.presenter) {
      this.setPresenter(false);
      e.preventDefault();
      return;
    }
    if (handlePlayerKey(e, this.player, this.presenterAllowed ? () => this.togglePresenter() : undefined)) e.preventDefault();
  }

  togglePresenter(): void {
    this.setPresenter(!this.presenter);
  }

  private setPresenter(on: boolean): void {
    this.presenter = on;
    this.root.classList.toggle('lsp-presenter', on);
    document.documentElement.classList.toggle('lsp-presenting', on);
    if (on) {
      this.root.requestFullscreen?.().catch(() => undefined); // the overlay works without it
      this.root.focus();
    } else if (document.fullscreenElement === this.root) {
      document.exitFullscreen().catch(() => undefined);
    }
    this.palette = undefined;
    this.measure();
  }

  private measure(): void {
    this.width = Math.max(260, Math.floor(this.root.clientWidth - (this.presenter ? 48 : 24)));
    this.palette = undefined;
    this.lastTextMs = -Infinity;
    this.invalidate();
  }

  private invalidate(): void {
    if (this.frameId) return;
    this.frameId = requestAnimationFrame((now) => this.frame(now));
  }

  private frame(nowMs: number): void {
    this.frameId = 0;
    if (!this.root) return;
    const dt = this.lastFrameMs === undefined ? 0 : Math.min(250, nowMs - this.lastFrameMs);
    this.lastFrameMs = this.player.playing ? nowMs : undefined;
    if (this.player.playing) {
      if (this.reducedMotion?.matches) {
        // Reduced motion: no sliding picture; jump once a second, showing the same information.
        this.reducedCarryMs += dt;
        if (this.reducedCarryMs >= 1000) {
          this.player.tick(this.reducedCarryMs);
          this.reducedCarryMs = 0;
        }
      } else {
        this.player.tick(dt);
      }
    }
    const indexing = this.player.catchingUp && !this.player.busy;
    if (indexing) this.player.drain(INGEST_BUDGET_MS); // a delivered run, indexed a slice per frame
    this.render(nowMs);
    if (this.player.playing || indexing) this.invalidate();
  }

  private render(nowMs: number): void {
    const p = this.player;
    const t = p.viewMs;
    this.palette ??= readPalette(this.root);
    const fontPx = this.presenter ? 18 : 12;
    const windowMs = this.windowMs();
    p.keepBehindMs = Math.max(windowMs, RATE_WINDOW_MS); // what the views may look back at
    const fromMs = Math.max(0, t - windowMs * 0.95);
    const toMs = fromMs + windowMs;
    const tall = this.presenter ? window.innerHeight : 0;
    this.timeline?.draw(t, fromMs, toMs, this.width, this.palette, fontPx, this.presenter ? tall * 0.4 : 320);
    this.concurrency?.draw(t, fromMs, toMs, this.width, this.presenter ? Math.max(200, tall * 0.25) : 190, this.palette, fontPx);
    this.controls.update(this.scenario.seed ?? 1, this.presenter);
    if (!p.playing || nowMs - this.lastTextMs >= Math.max(TEXT_INTERVAL_MS, this.textCostMs / TEXT_BUDGET_SHARE)) {
      this.lastTextMs = nowMs;
      const started = performance.now();
      this.summary?.update(t);
      this.timeline?.updateText(t);
      this.concurrency?.updateText(t, Math.min(windowMs, RATE_WINDOW_MS));
      this.flows?.update(t);
      this.prediction?.update(t);
      this.root.dataset.viewMs = String(Math.round(t));
      if (p.error) this.showRunError(p.error);
      this.textCostMs = performance.now() - started;
    }
  }

  private windowMs(): number {
    const fromAttr = Number(this.dataset.windowMs);
    if (Number.isFinite(fromAttr) && fromAttr > 0) return fromAttr;
    // The whole run when it fits (retries may run minutes past the arrivals), else the last minute.
    return Math.min(60_000, Math.max(2000, this.scenario.durationMs * 1.15, (this.player.endMs ?? 0) * 1.02));
  }

  private showRunError(err: Error): void {
    if (this.root.querySelector('.lsp-run-error')) return;
    this.controls.root.after(h('p', { class: 'lsp-run-error', role: 'alert', text: `The simulation stopped: ${err.message}. What is shown is everything recorded before it stopped.` }));
  }

  private showError(text: string): void {
    this.replaceChildren(h('p', { class: 'lsp-error not-content', role: 'alert', text }));
  }
}

let aboutIds = 0;

export const TAG = 'lambda-simulation-player';

export function defineSimulationPlayer(): void {
  if (!customElements.get(TAG)) customElements.define(TAG, SimulationPlayerElement);
}
