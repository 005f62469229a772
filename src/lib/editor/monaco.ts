// Monaco with TypeScript/JavaScript services and @types/aws-lambda. Heavy (~1 MB gz on the main
// thread plus the TS worker): import it only through load.ts, never statically.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import {
  typescriptDefaults, javascriptDefaults, getTypeScriptWorker, ScriptTarget, ModuleKind, ModuleResolutionKind,
} from 'monaco-editor/languages/features/typescript/register';
import { HANDLER_GLOBALS_DTS, NODE_STREAM_STUB_DTS } from './ambient';
import { EDITOR_OPTIONS, followSiteTheme } from './monacoSetup';
import type { CodeEditor, EditorLanguage, EditorOptions, TranspileResult } from './types';

// 62 .d.ts files, ~31 KB gz, inlined into this lazy chunk.
const awsLambdaTypes = import.meta.glob('/node_modules/@types/aws-lambda/**/*.d.ts',
  { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let configured = false;
function configureLanguages(): void {
  if (configured) return;
  configured = true;
  const compilerOptions = {
    target: ScriptTarget.ES2020, module: ModuleKind.ESNext, moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true, allowNonTsExtensions: true, allowJs: true, lib: ['es2022'],
  };
  for (const defaults of [typescriptDefaults, javascriptDefaults]) {
    defaults.setCompilerOptions(compilerOptions);
    for (const [path, source] of Object.entries(awsLambdaTypes)) defaults.addExtraLib(source, `file://${path}`);
    defaults.addExtraLib(NODE_STREAM_STUB_DTS, 'file:///node_modules/@types/node-stream-stub/index.d.ts');
    defaults.addExtraLib(HANDLER_GLOBALS_DTS, 'file:///handler-globals.d.ts');
  }
}

class MonacoEditor implements CodeEditor {
  readonly kind = 'monaco' as const;
  private model: monaco.editor.ITextModel;
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private changeSub: monaco.IDisposable;

  constructor(host: HTMLElement, private readonly options: EditorOptions) {
    this.model = this.createModel(options.value, options.language);
    this.editor = monaco.editor.create(host, {
      ...EDITOR_OPTIONS, model: this.model, ariaLabel: options.ariaLabel,
    });
    if (options.selection) this.select(options.selection);
    this.changeSub = this.model.onDidChangeContent(() => options.onChange(this.model.getValue()));
    this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());
  }

  private createModel(value: string, language: EditorLanguage): monaco.editor.ITextModel {
    const file = language === 'typescript' ? 'index.ts' : 'index.mjs';
    return monaco.editor.createModel(value, language, monaco.Uri.parse(`file:///${this.options.instanceId}/${file}`));
  }

  private select({ start, end }: { start: number; end: number }): void {
    const from = this.model.getPositionAt(start);
    const to = this.model.getPositionAt(end);
    this.editor.setSelection(new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
    this.editor.revealPositionInCenterIfOutsideViewport(to);
  }

  getValue(): string {
    return this.model.getValue();
  }

  setValue(code: string): void {
    if (code !== this.model.getValue()) this.model.setValue(code);
  }

  setLanguage(language: EditorLanguage): void {
    if (this.model.getLanguageId() === language) return;
    const old = this.model;
    this.changeSub.dispose();
    this.model = this.createModel(old.getValue(), language);
    this.changeSub = this.model.onDidChangeContent(() => this.options.onChange(this.model.getValue()));
    this.editor.setModel(this.model);
    old.dispose();
  }

  async toJavaScript(): Promise<TranspileResult> {
    if (this.model.getLanguageId() !== 'typescript') return { ok: true, js: this.model.getValue() };
    try {
      const client = await (await getTypeScriptWorker())(this.model.uri);
      const out = await client.getEmitOutput(this.model.uri.toString());
      const js = out.outputFiles.find((f) => f.name.endsWith('.js'))?.text;
      return js === undefined ? { ok: false, message: 'TypeScript produced no JavaScript.' } : { ok: true, js };
    } catch (err) {
      return { ok: false, message: `TypeScript could not compile the code: ${String(err)}` };
    }
  }

  focus(): void {
    this.editor.focus();
  }

  addDeclarations(dts: string, fileName: string): void {
    const uri = `file:///node_modules/@types/${fileName}`;
    for (const defaults of [typescriptDefaults, javascriptDefaults]) {
      if (!(uri in defaults.getExtraLibs())) defaults.addExtraLib(dts, uri);
    }
  }

  dispose(): void {
    this.changeSub.dispose();
    this.editor.dispose();
    this.model.dispose();
  }
}

export function createMonacoEditor(host: HTMLElement, options: EditorOptions): CodeEditor {
  configureLanguages();
  followSiteTheme();
  return new MonacoEditor(host, options);
}
