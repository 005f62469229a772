// <function-console>: wires the server-rendered markup of FunctionConsole.astro to the editor,
// autosave, share links and the simulation. Light on purpose: Monaco and the engine load later.
import { swapInMonaco, whenNeeded } from '../../lib/editor/load';
import { TextareaEditor } from '../../lib/editor/textarea';
import type { CodeEditor, EditorOptions } from '../../lib/editor/types';
import { decodeShare, encodeShare, readHashEntry, withHashEntry, withoutHashEntry } from '../../lib/share/codec';
import { clearSaved, loadSaved, save } from '../../lib/share/storage';
import { ConfigForm, type FieldIssue } from './config-form';
import { checkEventJson } from './event-json';
import { MAX_BATCH_INVOKES } from './options';
import { watchOtherTabs } from './other-tab';
import { historyLine, renderSummary, responseText, statusLine } from './render';
import { consoleStateSchema, CUSTOM_EVENT, defaultState, shareKey, storageKey, type ConsoleState, type Language, type OfferedLayer } from './state';
import { LATEST, type Deployment, type InvocationView, type InvokeMode } from './view';

type Engine = typeof import('./engine');
let enginePromise: Promise<Engine> | undefined;
const loadEngine = () => (enginePromise ??= import('./engine'));

export class FunctionConsoleElement extends HTMLElement {
  private started = false;
  private id_ = '';
  private defaults!: ConsoleState;
  /** Layers the lesson offers (written by the Astro shell); the learner attaches them. */
  private offered: OfferedLayer[] = [];
  private state!: ConsoleState;
  private editor!: CodeEditor;
  private form!: ConfigForm;
  private session: import('./session').ConsoleSession | undefined;
  private busy = false;
  private eventOk = true;
  private configIssues: FieldIssue[] = [];
  private eventEdits = new Map<string, string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private views: InvocationView[] = [];
  /** True while state is pushed into the controls: their change events are not user edits. */
  private applying = false;
  /** Set once the console is in use: from then on configuration is checked by the engine. */
  private engineWanted = false;
  /** What another tab saved for this console last, until this tab loads or dismisses it. */
  private otherTab: ConsoleState | undefined;
  private stopWatching: (() => void) | undefined;
  /** Versions and aliases, on a console whose lesson offers the deploy workflow (loaded when needed). */
  private releases: import('./releases-controller').ReleasesController | undefined;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.id_ = this.dataset.id ?? 'console';
    this.defaults = parseInitial(this.dataset.initial);
    this.offered = this.dataset.layers ? (JSON.parse(this.dataset.layers) as OfferedLayer[]) : [];
    this.form = new ConfigForm(this.el('config') as HTMLFieldSetElement, `fc-${this.id_}`, () => this.onConfigInput());
    const early = this.typedBeforeLoad();
    const { state, notice } = this.initialState();
    this.state = { ...state, ...early };
    this.editor = new TextareaEditor(this.el('code') as HTMLTextAreaElement, this.editorOptions());
    this.applyState();
    if (Object.keys(early).length > 0) this.update({}); // saves what was typed early
    if (notice) this.notice(notice);
    this.wire();
    // The server rendered every button disabled and said "Loading the console…": now a click works.
    // The versions panel's buttons wait for its own code (loadReleases).
    for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-action]')) if (!b.closest('[data-part="releases"]')) b.disabled = false;
    this.status('');
    this.refreshInvokable();
    window.addEventListener('pagehide', this.flushSave);
    this.stopWatching = watchOtherTabs(storageKey(this.id_), (saved) => this.onOtherTab(saved));
    // Monaco and the engine (config checks, samples, invoke) both wait until the console is needed.
    whenNeeded(this, () => {
      void this.loadReleases();
      void this.upgradeEditor();
      void this.checkConfig();
    });
  }

  disconnectedCallback(): void {
    this.flushSave();
    window.removeEventListener('pagehide', this.flushSave);
    this.stopWatching?.();
    this.session?.dispose();
    this.session = undefined;
  }

  private el<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-part="${name}"]`) as T;
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  }

  /** Text typed into the server-rendered boxes before this script ran: the learner's latest. */
  private typedBeforeLoad(): Partial<ConsoleState> {
    const early: Partial<ConsoleState> = {};
    const code = this.el<HTMLTextAreaElement>('code');
    const event = this.el<HTMLTextAreaElement>('event');
    if (code.value !== code.defaultValue) early.code = code.value;
    if (event.value !== event.defaultValue) early.event = event.value;
    return early;
  }

  /** A share link for this instance wins over autosave, which wins over the lesson's original. */
  private initialState(): { state: ConsoleState; notice?: string } {
    const encoded = readHashEntry(location.hash, shareKey(this.id_));
    if (encoded !== undefined) {
      this.dropShareEntry(); // from now on, edits autosave and reload keeps them
      const decoded = decodeShare(encoded, consoleStateSchema);
      if (decoded.ok) {
        save(storageKey(this.id_), decoded.value);
        return { state: decoded.value };
      }
      return { state: this.defaults, notice: `${decoded.message} Showing the original code, event and configuration instead.` };
    }
    return { state: loadSaved(storageKey(this.id_), consoleStateSchema) ?? this.defaults };
  }

  private editorOptions(): EditorOptions {
    return {
      value: this.state.code, language: this.state.language, instanceId: this.id_,
      ariaLabel: 'Handler code', onChange: (code) => this.update({ code }), onRun: () => void this.invoke(1, 'sequential'),
    };
  }

  private async upgradeEditor(): Promise<void> {
    const area = this.el<HTMLTextAreaElement>('code');
    try {
      const monaco = await swapInMonaco(area, this.el('monaco'), () => this.editorOptions());
      this.editor.dispose();
      this.editor = monaco;
      this.querySelector<HTMLLabelElement>(`label[for="${area.id}"]`)?.setAttribute('id', `${area.id}-label`);
      this.dataset.editor = 'monaco';
      // Types of the modules the simulation offers handlers (lambda-lab:db, lambda-lab:http).
      void loadEngine().then((engine) => monaco.addDeclarations(engine.HANDLER_MODULES_DTS, 'lambda-lab/index.d.ts'), () => undefined);
    } catch (err) {
      this.dataset.editor = 'textarea';
      this.notice('The code editor could not load, so this is a plain text box: you can still edit and invoke JavaScript here.');
      console.warn('function console: Monaco failed to load', err);
    }
  }

  private wire(): void {
    this.el<HTMLSelectElement>('language').addEventListener('change', (e) => {
      const language = (e.target as HTMLSelectElement).value as Language;
      this.editor.setLanguage(language);
      this.update({ language });
    });
    this.el<HTMLSelectElement>('event-kind').addEventListener('change', (e) => void this.pickEvent((e.target as HTMLSelectElement).value));
    this.el<HTMLTextAreaElement>('event').addEventListener('input', (e) => {
      this.update({ event: (e.target as HTMLTextAreaElement).value });
      this.checkEvent();
    });
    this.button('invoke').addEventListener('click', () => void this.invoke(1, 'sequential'));
    this.button('invoke-sequential').addEventListener('click', () => void this.invoke(this.count(), 'sequential'));
    this.button('invoke-concurrent').addEventListener('click', () => void this.invoke(this.count(), 'concurrent'));
    this.button('new-environment').addEventListener('click', () => {
      this.session?.newEnvironment();
      this.status(!this.releases?.hasVersions()
        ? 'The next invocation starts a new execution environment (cold start).'
        : 'The next invocation of $LATEST starts a new execution environment (cold start); published versions keep theirs.');
    });
    this.button('reset').addEventListener('click', () => this.reset());
    this.button('share').addEventListener('click', () => void this.share());
    this.button('export-sam').addEventListener('click', () => void this.exportSam());
    this.button('load-other').addEventListener('click', () => this.loadOtherTab());
    this.button('keep-mine').addEventListener('click', () => this.keepMine());
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        void this.invoke(1, 'sequential');
      }
    });
  }

  private count(): number {
    const n = Math.round(Number(this.el<HTMLInputElement>('count').value));
    return Math.min(MAX_BATCH_INVOKES, Math.max(1, Number.isFinite(n) ? n : 1));
  }

  /** Puts `state` into every control (initial load and reset). */
  private applyState(): void {
    this.applying = true;
    try {
      this.putState();
    } finally {
      this.applying = false;
    }
  }

  private putState(): void {
    const s = this.state;
    this.el<HTMLSelectElement>('language').value = s.language;
    this.editor.setLanguage(s.language);
    this.editor.setValue(s.code);
    this.el<HTMLSelectElement>('event-kind').value = s.eventKind;
    this.el<HTMLTextAreaElement>('event').value = s.event;
    this.form.write(s.config);
    this.checkEvent();
    if (this.engineWanted) void this.checkConfig();
  }

  private update(patch: Partial<ConsoleState>): void {
    if (this.applying) return;
    this.state = { ...this.state, ...patch };
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.flushSave, 250);
  }

  /** Writes a pending autosave now (also when the page is being left, so no edit is lost). */
  private readonly flushSave = () => {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    save(storageKey(this.id_), this.state);
  };

  /** Another tab saved this console (null: it reset it). Last write wins; this tab is told. */
  private onOtherTab(saved: ConsoleState | null): void {
    const theirs = saved ?? this.defaults;
    if (JSON.stringify(theirs) === JSON.stringify(this.state)) {
      this.el('elsewhere').hidden = true;
      return;
    }
    this.otherTab = theirs;
    this.el('elsewhere-text').textContent = saved
      ? 'This console was changed in another tab. A reload shows whichever tab saved last.'
      : 'This console was reset to the original in another tab.';
    this.el('elsewhere').hidden = false;
  }

  private loadOtherTab(): void {
    if (!this.otherTab) return;
    this.state = this.otherTab;
    clearTimeout(this.saveTimer); // a pending save of this tab's text would overwrite it again
    this.saveTimer = undefined;
    this.applyState();
    this.closeOtherTab('Loaded the version from the other tab.');
  }

  private keepMine(): void {
    save(storageKey(this.id_), this.state);
    this.closeOtherTab("Kept this tab's version: it is the saved one now.");
  }

  private closeOtherTab(message: string): void {
    this.otherTab = undefined;
    this.el('elsewhere').hidden = true;
    this.status(message);
    this.button('invoke').focus();
  }

  private onConfigInput(): void {
    this.update({ config: this.form.read() });
    void this.checkConfig();
  }

  private async checkConfig(): Promise<void> {
    this.engineWanted = true;
    const config = this.state.config;
    const engine = await loadEngine();
    if (config !== this.state.config) return; // a newer edit will check itself
    this.configIssues = engine.validateConfig(config, this.offered);
    this.form.showIssues(this.configIssues);
    this.refreshInvokable();
  }

  private checkEvent(): void {
    const area = this.el<HTMLTextAreaElement>('event');
    const error = this.el('event-error');
    const check = checkEventJson(area.value);
    this.eventOk = check.ok;
    if (check.ok) {
      area.removeAttribute('aria-invalid');
      error.textContent = '';
    } else {
      area.setAttribute('aria-invalid', 'true');
      error.textContent = `Line ${check.line}, column ${check.column}: ${check.message}. Fix the event to invoke.`;
    }
    this.refreshInvokable();
  }

  private refreshInvokable(): void {
    const blocked = this.busy || !this.eventOk || this.configIssues.length > 0;
    for (const action of ['invoke', 'invoke-sequential', 'invoke-concurrent']) this.button(action).disabled = blocked;
    this.releases?.setEnabled(!blocked);
  }

  private async loadReleases(): Promise<void> {
    const root = this.el('releases');
    if (!root || this.releases) return;
    const { ReleasesController } = await import('./releases-controller');
    this.releases = new ReleasesController(root, this.el<HTMLSelectElement>('target'), {
      views: () => this.views,
      session: () => this.session,
      whileBusy: (saying, work) => this.whileBusy(saying, work),
      deployEditor: () => this.deployEditor(),
      status: (text) => this.status(text),
    }, this.dataset.lesson && this.dataset.exercise ? { lesson: this.dataset.lesson, id: this.dataset.exercise } : undefined);
    this.refreshInvokable();
  }

  /** Runs `work` with every action disabled; an engine refusal is shown, not thrown. */
  private async whileBusy(saying: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.refreshInvokable();
    this.status(saying);
    try {
      await work();
    } catch (err) {
      this.status('Not changed.');
      this.notice(`The simulation refused this: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.busy = false;
      this.refreshInvokable();
    }
  }

  /**
   * Compiles the editor's code and deploys it with the configuration when either changed; undefined
   * (with the reason shown) when the configuration or the code cannot deploy.
   */
  private async deployEditor(): Promise<{ d: Deployment; deployed: boolean } | undefined> {
    if (!this.engineWanted) await this.checkConfig();
    if (this.configIssues.length > 0) {
      this.status('Not deployed: fix the configuration first.');
      return undefined;
    }
    if (this.state.language === 'typescript') this.status('Compiling TypeScript…');
    const js = await this.editor.toJavaScript();
    if (!js.ok) {
      this.notice(js.message);
      this.status('Not deployed.');
      return undefined;
    }
    const engine = await loadEngine();
    const fresh = !this.session;
    this.session ??= new engine.ConsoleSession(this.offered, this.dataset.account ? JSON.parse(this.dataset.account) : undefined);
    const d = { source: js.js, config: this.state.config };
    const deployed = this.session.deploy(d);
    // A console reconnected after its session was disposed publishes its versions again.
    if (fresh) this.releases?.restore(this.session);
    return { d, deployed };
  }

  private async pickEvent(kind: string): Promise<void> {
    this.eventEdits.set(this.state.eventKind, this.el<HTMLTextAreaElement>('event').value);
    let text = this.eventEdits.get(kind);
    if (text === undefined && kind === 'custom') text = CUSTOM_EVENT;
    if (text === undefined) {
      const before = this.el('status').textContent ?? '';
      const loading = 'Loading the sample event…';
      this.status(loading);
      text = `${JSON.stringify((await loadEngine()).sampleEventFor(kind), null, 2)}\n`;
      // Put back what was said (a result line), unless something newer has been said since.
      if (this.el('status').textContent === loading) this.status(before);
    }
    this.el<HTMLTextAreaElement>('event').value = text;
    this.update({ eventKind: kind, event: text });
    this.checkEvent();
  }

  private async invoke(count: number, mode: InvokeMode): Promise<void> {
    if (this.busy || !this.eventOk || this.configIssues.length > 0) return;
    const event = checkEventJson(this.state.event);
    if (!event.ok) return;
    // Busy before the first await: a second click while the engine loads must not invoke too.
    this.busy = true;
    // Saved before the code runs: a handler that takes the whole tab down loses no edit.
    this.flushSave();
    this.refreshInvokable();
    const invoking = count === 1 ? 'Invoking…' : `Invoking ${count} times${mode === 'concurrent' ? ' at once' : ''}…`;
    this.status(invoking);
    try {
      const deployment = await this.deployEditor();
      if (!deployment) {
        this.status('Not invoked.');
        return;
      }
      this.status(invoking);
      const { views, totalCostUsd, resources } = await this.session!.invoke(event.value, count, mode, this.views.length + 1,
        count === 1 ? (text) => this.status(text) : undefined, this.releases?.target() ?? LATEST);
      this.views.push(...views);
      this.show(views[views.length - 1]);
      for (const v of views) this.addHistory(v);
      this.releases?.afterInvoke(resources);
      this.status((deployment.deployed ? 'Deployed the changed code and configuration. ' : '') + statusLine(views, totalCostUsd));
    } catch (err) {
      this.status('The simulation failed.');
      this.notice(`The simulation could not run this invocation: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.busy = false;
      this.refreshInvokable();
    }
  }

  private show(v: InvocationView | undefined): void {
    if (!v) return;
    this.el('result-empty').hidden = true;
    const summary = this.el('summary');
    renderSummary(summary, v);
    summary.hidden = false;
    const response = this.el('response');
    response.textContent = responseText(v);
    response.dataset.status = v.status === 'success' ? 'success' : 'error';
    const logs = this.el('logs');
    logs.textContent = v.logLines.join('\n');
    for (const name of ['response', 'response-title', 'logs', 'logs-title']) this.el(name).hidden = false;
  }

  private addHistory(v: InvocationView): void {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fc-btn';
    button.textContent = 'Show';
    button.setAttribute('aria-label', `Show invocation ${v.index}`);
    button.addEventListener('click', () => this.show(v));
    li.append(`${historyLine(v)} `, button);
    li.dataset.status = v.status;
    this.el('history').prepend(li);
  }

  private reset(): void {
    this.state = this.defaults;
    this.eventEdits.clear();
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    clearSaved(storageKey(this.id_));
    this.applyState();
    this.notice('');
    this.status('Reset to the original code, event and configuration.');
  }

  private async share(): Promise<void> {
    const encoded = encodeShare({ ...this.state, code: this.editor.getValue() });
    const field = this.el<HTMLInputElement>('share-url');
    if (!encoded.ok) {
      field.hidden = true;
      this.status(encoded.message);
      return;
    }
    const url = location.href.split('#')[0] + withHashEntry(location.hash, shareKey(this.id_), encoded.encoded);
    field.value = url;
    field.hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      this.status('Share link copied to the clipboard.');
    } catch {
      field.select();
      this.status('Copy the share link from the box below the buttons.');
    }
  }

  /** The code as it would deploy (TypeScript compiled), zipped with a SAM template. */
  private async exportSam(): Promise<void> {
    if (this.configIssues.length > 0) {
      this.status('Not exported: fix the configuration first (the template would not deploy).');
      return;
    }
    const js = await this.editor.toJavaScript();
    if (!js.ok) {
      this.notice(js.message);
      this.status('Not exported.');
      return;
    }
    const { exportConsoleFunction } = await import('./export-sam');
    const files = exportConsoleFunction(this.id_, this.state.config, js.js);
    this.status(`Downloaded lambda-lab-sam.zip (${files.join(', ')}). Deploy it with sam build, then sam deploy --guided.`);
  }

  private dropShareEntry(): void {
    history.replaceState(history.state, '', location.pathname + location.search + withoutHashEntry(location.hash, shareKey(this.id_)));
  }

  private status(text: string): void {
    this.el('status').textContent = text;
  }

  private notice(text: string): void {
    const el = this.el('notice');
    el.textContent = text;
    el.hidden = text === '';
  }
}

function parseInitial(json: string | undefined): ConsoleState {
  try {
    const parsed = consoleStateSchema.safeParse(JSON.parse(json ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through to the built-in template */
  }
  return defaultState();
}

if (!customElements.get('function-console')) customElements.define('function-console', FunctionConsoleElement);
