// What every Monaco on the site shares: its workers, its options and themes that follow the
// site's light or dark mode. Imported only by the lazy editor modules (monaco.ts, monacoJson.ts).
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true, minimap: { enabled: false }, fontSize: 14,
  scrollBeyondLastLine: false, tabSize: 2, fixedOverflowWidgets: true,
  renderFinalNewline: 'dimmed',
  // A line wider than the editor (a phone, a narrow column) wraps instead of hiding its end.
  wordWrap: 'on', wrappingIndent: 'same', lineNumbersMinChars: 3,
};

// WCAG AA needs 4.5:1. vs-dark's comment green (#608b4e) is 4.2:1 on its background. Both base
// themes fade unused code (a TypeScript hint) instead, down to 3.5:1 (#888 on white) and lower
// for coloured tokens; so unused code keeps full colour and is marked by a dashed underline,
// as Monaco's high-contrast themes do. The empty last line's number is drawn at 40 % of the
// line-number colour (1.75:1 on white); it takes the full colour of the other numbers instead
// (#237893 5.0:1 on #fffffe, #858585 4.5:1 on #1e1e1e). Monaco dims it on Linux only, so the
// option is pinned: every learner, and every accessibility check, sees the same editor.
const DARK_THEME = 'lambda-lab-dark';
const LIGHT_THEME = 'lambda-lab-light';
const themeColors = (unusedBorder: string, lineNumber: string) => ({
  'editorUnnecessaryCode.opacity': '#000000ff', 'editorUnnecessaryCode.border': unusedBorder,
  'editorLineNumber.dimmedForeground': lineNumber,
});
let themesDefined = false;

function siteTheme(): string {
  if (!themesDefined) {
    monaco.editor.defineTheme(DARK_THEME, {
      base: 'vs-dark', inherit: true, colors: themeColors('#a0a0a0', '#858585'),
      rules: [{ token: 'comment', foreground: '7ca668' }], // 6.0:1 on #1e1e1e
    });
    monaco.editor.defineTheme(LIGHT_THEME, { base: 'vs', inherit: true, rules: [], colors: themeColors('#6a6a6a', '#237893') });
    themesDefined = true;
  }
  return document.documentElement.dataset.theme === 'dark' ? DARK_THEME : LIGHT_THEME;
}

let themeWatcher: MutationObserver | undefined;
export function followSiteTheme(): void {
  monaco.editor.setTheme(siteTheme());
  if (themeWatcher) return;
  themeWatcher = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
