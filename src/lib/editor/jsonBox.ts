// The playground's scenario box: a plain textarea first, swapped for Monaco checked against the
// scenario's JSON Schema (hover shows each field's description) the first time it is opened.
// The textarea keeps the text in step, so it stays the fallback when Monaco cannot load.
import { loadJsonEditor } from './load';
import type { JsonEditor } from './monacoJson';

const SCHEMA_PATH = '/scenario.schema.json';

export class JsonBox {
  private editor: JsonEditor | undefined;
  private started = false;

  constructor(
    private readonly area: HTMLTextAreaElement,
    private readonly host: HTMLElement,
    private readonly onRun: () => void,
  ) {}

  get text(): string {
    return this.editor?.getValue() ?? this.area.value;
  }

  set text(value: string) {
    this.area.value = value;
    this.editor?.setValue(value);
  }

  /** Loads Monaco once; on failure the textarea stays. */
  async upgrade(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      const [mod, schema] = await Promise.all([loadJsonEditor(), fetch(SCHEMA_PATH).then((r) => r.json() as Promise<object>)]);
      const hadFocus = document.activeElement === this.area;
      this.host.hidden = false;
      this.editor = mod.createJsonEditor(this.host, {
        value: this.area.value,
        schema,
        schemaUri: new URL(SCHEMA_PATH, location.href).href,
        instanceId: this.area.id,
        ariaLabel: 'Scenario JSON',
        onChange: (value) => { this.area.value = value; },
        onRun: this.onRun,
      });
      this.area.hidden = true;
      if (hadFocus) this.editor.focus();
    } catch {
      this.host.hidden = true;
    }
  }
}
