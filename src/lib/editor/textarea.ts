// The plain, accessible code box: what the page shows before Monaco arrives, and what stays
// if Monaco fails. TypeScript cannot be compiled here (the compiler ships with Monaco).
import type { CodeEditor, EditorLanguage, EditorOptions, TranspileResult } from './types';

export class TextareaEditor implements CodeEditor {
  readonly kind = 'textarea' as const;
  private language: EditorLanguage;
  private readonly onInput = () => this.options.onChange(this.area.value);
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.options.onRun();
    }
  };

  constructor(private readonly area: HTMLTextAreaElement, private readonly options: EditorOptions) {
    this.language = options.language;
    area.value = options.value;
    area.addEventListener('input', this.onInput);
    area.addEventListener('keydown', this.onKey);
  }

  getValue(): string {
    return this.area.value;
  }

  setValue(code: string): void {
    this.area.value = code;
  }

  setLanguage(language: EditorLanguage): void {
    this.language = language;
  }

  async toJavaScript(): Promise<TranspileResult> {
    if (this.language === 'javascript') return { ok: true, js: this.area.value };
    return { ok: false, message: 'TypeScript needs the code editor, which did not load. Switch the language to JavaScript to run this code.' };
  }

  focus(): void {
    this.area.focus();
  }

  addDeclarations(): void {
    /* a plain text box has no IntelliSense */
  }

  dispose(): void {
    this.area.removeEventListener('input', this.onInput);
    this.area.removeEventListener('keydown', this.onKey);
  }
}
