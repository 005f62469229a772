// Keeps monaco's CSS off pages that never open the editor: Astro would otherwise hoist every
// CSS import in a page's script graph into render-blocking <link>s (withastro/astro#9495).
// Monaco's `import "x.css"` lines become inline strings injected when the module evaluates.
export function monacoLazyCss() {
  return {
    name: 'monaco-lazy-css',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/node_modules/monaco-editor/') || !/\.js($|\?)/.test(id)) return null;
      let i = 0;
      const head = [];
      const body = code.replace(/^import\s+(['"])([^'"]+\.css)\1;?[ \t]*$/gm, (_m, _q, spec) => {
        const v = `__monaco_css_${i++}`;
        head.push(`import ${v} from ${JSON.stringify(spec + '?inline')};`);
        return `__monaco_inject_css(${v});`;
      });
      if (i === 0) return null;
      head.push('function __monaco_inject_css(css) { if (typeof document === "undefined") return; const s = document.createElement("style"); s.dataset.monaco = ""; s.textContent = css; document.head.appendChild(s); }');
      return { code: head.join('\n') + '\n' + body, map: null };
    },
  };
}
