// The one interface the console uses for its code box, whether Monaco or the plain textarea.
export type EditorLanguage = 'javascript' | 'typescript';

export type TranspileResult = { ok: true; js: string } | { ok: false; message: string };

export interface CodeEditor {
  readonly kind: 'monaco' | 'textarea';
  getValue(): string;
  setValue(code: string): void;
  setLanguage(language: EditorLanguage): void;
  /** JavaScript the runtime can load: the code as it is, or TypeScript's emit. */
  toJavaScript(): Promise<TranspileResult>;
  focus(): void;
  /** Adds TypeScript declarations (e.g. modules the simulation provides) for IntelliSense. */
  addDeclarations(dts: string, fileName: string): void;
  dispose(): void;
}

export interface EditorOptions {
  value: string;
  language: EditorLanguage;
  /** Unique per widget instance so two consoles on a page keep separate models. */
  instanceId: string;
  ariaLabel: string;
  /** Where the caret (or selection) starts, as character offsets into `value`. */
  selection?: { start: number; end: number };
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun(): void;
}
