// The configuration fieldset <-> FunctionConfig. Values are read as typed (a blank memory box
// is NaN) so the engine's validation, not the form, decides what is allowed.
import type { FunctionConfig } from './state';

export interface FieldIssue { field: string; message: string }

export class ConfigForm {
  private readonly envList: HTMLUListElement;
  private readonly errors: HTMLUListElement;
  private rowCount = 0;

  constructor(private readonly root: HTMLFieldSetElement, private readonly idPrefix: string, private readonly onChange: () => void) {
    this.envList = root.querySelector('[data-part="env"]')!;
    this.errors = root.querySelector('[data-part="config-errors"]')!;
    root.addEventListener('input', () => onChange());
    root.addEventListener('change', () => onChange());
    root.querySelector('[data-action="add-env"]')!.addEventListener('click', () => {
      const row = this.addEnvRow('', '');
      row.querySelector('input')?.focus();
      onChange();
    });
  }

  /** Present only when the lesson gave this console an execution role. */
  private get rolePolicy(): HTMLTextAreaElement | null {
    return this.root.querySelector('[name="rolePolicy"]');
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.root.querySelector(`[name="${name}"]`)!;
  }

  read(): FunctionConfig {
    const environment = [...this.envList.querySelectorAll('li')].map((li) => {
      const [k, v] = li.querySelectorAll('input');
      return [k.value, v.value] as [string, string];
    });
    return {
      runtime: this.field('runtime').value,
      architecture: this.field('architecture').value === 'arm64' ? 'arm64' : 'x86_64',
      memoryMB: numberOf(this.field('memoryMB').value),
      timeoutS: numberOf(this.field('timeoutS').value),
      handler: this.field('handler').value.trim(),
      environment,
      ...this.readLayers(),
      ...(this.rolePolicy ? { rolePolicy: this.rolePolicy.value } : {}),
    };
  }

  write(config: FunctionConfig): void {
    setSelect(this.field('runtime') as HTMLSelectElement, config.runtime);
    this.field('architecture').value = config.architecture;
    this.field('memoryMB').value = Number.isFinite(config.memoryMB) ? String(config.memoryMB) : '';
    this.field('timeoutS').value = Number.isFinite(config.timeoutS) ? String(config.timeoutS) : '';
    this.field('handler').value = config.handler;
    this.envList.replaceChildren();
    for (const [k, v] of config.environment) this.addEnvRow(k, v);
    if (this.rolePolicy && config.rolePolicy !== undefined) this.rolePolicy.value = config.rolePolicy;
    const attached = config.layers ?? [];
    for (const box of this.layerBoxes()) box.checked = attached.includes(box.value);
  }

  private layerBoxes(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[name="layer"]')];
  }

  /** Only a console that offers layers has the field, so other consoles' saved state is unchanged. */
  private readLayers(): Pick<FunctionConfig, 'layers'> {
    const boxes = this.layerBoxes();
    return boxes.length === 0 ? {} : { layers: boxes.filter((b) => b.checked).map((b) => b.value) };
  }

  private addEnvRow(key: string, value: string): HTMLLIElement {
    const n = ++this.rowCount;
    const li = document.createElement('li');
    const keyInput = input(`${this.idPrefix}-env-k${n}`, key, `Variable ${n} name`, 'KEY');
    const valueInput = input(`${this.idPrefix}-env-v${n}`, value, `Variable ${n} value`, 'value');
    keyInput.dataset.envKey = '';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'fc-btn';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove variable ${n}`);
    remove.addEventListener('click', () => {
      li.remove();
      this.onChange();
    });
    li.append(keyInput, valueInput, remove);
    this.envList.append(li);
    return li;
  }

  /** Shows the issues, marks the fields they name, and returns whether there were none. */
  showIssues(issues: FieldIssue[]): void {
    for (const el of this.root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    this.errors.replaceChildren(...issues.map((issue) => {
      const li = document.createElement('li');
      li.textContent = issue.message;
      const target = issue.field === 'environment' ? this.envList.querySelector('input') : this.root.querySelector(`[name="${issue.field}"]`);
      target?.setAttribute('aria-invalid', 'true');
      return li;
    }));
  }
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function setSelect(select: HTMLSelectElement, value: string): void {
  if (![...select.options].some((o) => o.value === value)) {
    // A link or autosave may name a runtime this build does not list: show it rather than hide it.
    select.append(new Option(value, value));
  }
  select.value = value;
}

function input(id: string, value: string, label: string, placeholder: string): HTMLInputElement {
  const el = document.createElement('input');
  el.type = 'text';
  el.id = id;
  el.value = value;
  el.placeholder = placeholder;
  el.spellcheck = false;
  el.setAttribute('aria-label', label);
  return el;
}
