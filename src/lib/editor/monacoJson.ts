// Monaco for JSON checked against a JSON Schema: hovering a field shows its description, and a
// value the schema refuses is underlined as you type. Heavy: import it only through load.ts.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { EDITOR_OPTIONS, followSiteTheme } from './monacoSetup';

export interface JsonEditorOptions {
  value: string;
  /** The JSON Schema the text is checked against, and a URI that names it. */
  schema: object;
  schemaUri: string;
  /** Unique per editor on the page: the model's file name. */
  instanceId: string;
  ariaLabel: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun(): void;
}

export interface JsonEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  dispose(): void;
}

// One diagnostics setting serves every JSON editor on the page: each adds its schema and model.
const schemas = new Map<string, { uri: string; fileMatch: string[]; schema: object }>();

export function createJsonEditor(host: HTMLElement, options: JsonEditorOptions): JsonEditor {
  const uri = monaco.Uri.parse(`file:///${options.instanceId}/scenario.json`);
  schemas.set(uri.toString(), { uri: options.schemaUri, fileMatch: [uri.toString()], schema: options.schema });
  jsonDefaults.setDiagnosticsOptions({
    validate: true, enableSchemaRequest: false, schemaValidation: 'error', schemas: [...schemas.values()],
  });
  followSiteTheme();
  const model = monaco.editor.createModel(options.value, 'json', uri);
  const editor = monaco.editor.create(host, { ...EDITOR_OPTIONS, model, ariaLabel: options.ariaLabel });
  const changes = model.onDidChangeContent(() => options.onChange(model.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());
  return {
    getValue: () => model.getValue(),
    setValue: (text) => {
      if (text !== model.getValue()) model.setValue(text);
    },
    focus: () => editor.focus(),
    dispose: () => {
      changes.dispose();
      editor.dispose();
      model.dispose();
      schemas.delete(uri.toString());
    },
  };
}
