// The "Versions and aliases" part of a console (FunctionConsole.astro, `versions`): the guide,
// the published versions, the alias form, the aliases with their weights, the invoke target and
// what ran per version. DOM only: the element decides what each click does.
import type { GuideStep } from './guide';
import { ALIAS_FIELDS, invokeTargets, LATEST, routingText, shares, type AliasConfig, type AliasField, type AliasRequest, type Releases } from './releases';
import type { ResourceTally } from './view';

export interface ReleaseActions {
  publish(): void;
  saveAlias(req: AliasRequest): void;
  rollback(name: string): void;
}

export class ReleasesPanel {
  private readonly form: HTMLFormElement;

  constructor(private readonly root: HTMLElement, private readonly targetSelect: HTMLSelectElement, actions: ReleaseActions) {
    this.form = this.part('alias-form') as HTMLFormElement;
    root.querySelector('[data-action="publish"]')!.addEventListener('click', () => actions.publish());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      actions.saveAlias(this.aliasRequest());
    });
    this.part('aliases').addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-rollback]');
      if (button) actions.rollback(button.dataset.rollback!);
    });
    for (const name of ALIAS_FIELDS) this.field(name).addEventListener('input', () => this.showAliasError(''));
  }

  private part(name: string): HTMLElement {
    return this.root.querySelector(`[data-part="${name}"]`)!;
  }

  private field<T extends HTMLInputElement | HTMLSelectElement>(name: string): T {
    return this.form.elements.namedItem(name) as T;
  }

  /** What to invoke: $LATEST, a version number or an alias name. */
  target(): string {
    return this.targetSelect.value || LATEST;
  }

  setTarget(value: string): void {
    this.targetSelect.value = value;
  }

  private aliasRequest(): AliasRequest {
    const canary = this.field<HTMLSelectElement>('canaryVersion').value;
    const percent = this.field<HTMLInputElement>('canaryPercent').value;
    return {
      name: this.field<HTMLInputElement>('aliasName').value,
      version: Number(this.field<HTMLSelectElement>('aliasVersion').value),
      ...(canary ? { canaryVersion: Number(canary) } : {}),
      canaryPercent: percent.trim() === '' ? 0 : Number(percent),
    };
  }

  /** Shows why the alias was refused and marks the field it is about (none: clears them all). */
  showAliasError(message: string, field: AliasField = 'aliasName'): void {
    const error = this.part('alias-error');
    error.textContent = message;
    for (const name of ALIAS_FIELDS) {
      const el = this.field(name);
      if (message && name === field) {
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-describedby', error.id);
      } else {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
      }
    }
  }

  /** Enables the buttons (false while an invocation or a publish runs). */
  setEnabled(enabled: boolean, releases: Releases): void {
    (this.root.querySelector('[data-action="publish"]') as HTMLButtonElement).disabled = !enabled;
    (this.root.querySelector('[data-action="save-alias"]') as HTMLButtonElement).disabled = !enabled || releases.versions.length === 0;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('button[data-rollback]')) b.disabled = !enabled || !canRollBack(releases, b.dataset.rollback!);
  }

  render(releases: Releases, steps: GuideStep[], tallies: ResourceTally[]): void {
    this.renderGuide(steps);
    this.renderVersions(releases);
    this.renderForm(releases);
    this.renderAliases(releases);
    fillSelect(this.targetSelect, invokeTargets(releases));
    this.renderTallies(tallies);
  }

  private renderGuide(steps: GuideStep[]): void {
    const current = steps.findIndex((s) => !s.done);
    this.part('guide-done').hidden = current >= 0;
    this.part('guide').replaceChildren(...steps.map((step, i) => {
      const li = document.createElement('li');
      li.dataset.step = step.id;
      if (step.done) {
        li.dataset.done = '';
        const mark = document.createElement('span');
        mark.className = 'fc-done';
        mark.textContent = 'Done:';
        li.append(mark, ' ');
      }
      if (i === current) li.setAttribute('aria-current', 'step');
      li.append(step.text);
      return li;
    }));
  }

  private renderVersions(releases: Releases): void {
    this.part('versions-empty').hidden = releases.versions.length > 0;
    this.part('versions').replaceChildren(...releases.versions.map(({ version, snapshot: { config, source } }) => {
      const li = document.createElement('li');
      li.dataset.version = String(version);
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `Version ${version}: ${config.runtime}, ${config.memoryMB} MB, ${config.timeoutS} s`;
      const pre = document.createElement('pre');
      pre.className = 'fc-pre fc-mono';
      pre.tabIndex = 0;
      pre.setAttribute('aria-label', `Code of version ${version}`);
      pre.textContent = source;
      details.append(summary, pre);
      li.append(details);
      return li;
    }));
  }

  /** Keeps what the learner picked while it still exists; a new alias name defaults to the newest version. */
  private renderForm(releases: Releases): void {
    const versions = releases.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
    const alias = releases.aliases.find((a) => a.name === this.field<HTMLInputElement>('aliasName').value.trim());
    const primary = this.field<HTMLSelectElement>('aliasVersion');
    const picked = primary.value;
    fillSelect(primary, versions);
    if (!picked && versions.length > 0) primary.value = String(alias?.version ?? versions[versions.length - 1].value);
    fillSelect(this.field<HTMLSelectElement>('canaryVersion'), [{ value: '', label: 'none' }, ...versions]);
  }

  private renderAliases(releases: Releases): void {
    this.part('aliases-empty').hidden = releases.aliases.length > 0;
    this.part('aliases').replaceChildren(...releases.aliases.map((a) => aliasItem(a)));
  }

  private renderTallies(tallies: ResourceTally[]): void {
    this.part('tally').hidden = tallies.length === 0;
    this.part('tally-rows').replaceChildren(...tallies.map((t) => {
      const tr = document.createElement('tr');
      tr.dataset.resource = t.resource;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = /^\d+$/.test(t.resource) ? `version ${t.resource}` : t.resource === LATEST ? LATEST : `alias ${t.resource}`;
      tr.append(th, ...[t.invocations, t.errors].map((n) => {
        const td = document.createElement('td');
        td.textContent = n.toLocaleString('en-US');
        return td;
      }));
      return tr;
    }));
  }
}

function canRollBack(releases: Releases, name: string): boolean {
  const alias = releases.aliases.find((a) => a.name === name);
  return alias !== undefined && (alias.canary !== undefined || alias.previous !== undefined);
}

/** "live → version 1 90 %, version 2 10 %", a bar of the same shares, and its rollback button. */
function aliasItem(a: AliasConfig): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.alias = a.name;
  const text = document.createElement('p');
  const name = document.createElement('strong');
  name.textContent = a.name;
  text.append(name, ` → ${routingText(a)}`);
  const bar = document.createElement('div');
  bar.className = 'fc-split';
  bar.setAttribute('aria-hidden', 'true');
  for (const [version, percent] of shares(a)) {
    const span = document.createElement('span');
    span.style.flexGrow = String(percent);
    span.textContent = percent >= 15 ? `v${version}` : '';
    span.title = `version ${version}: ${percent} %`;
    bar.append(span);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fc-btn';
  button.dataset.rollback = a.name;
  button.textContent = `Roll back ${a.name}`;
  li.append(text, bar, button);
  return li;
}

/** Replaces a select's options, keeping its value when that option is still there. */
function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[]): void {
  const keep = select.value;
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  if (options.some((o) => o.value === keep)) select.value = keep;
}
