// Light entry for the editor: decides when Monaco loads and falls back to the textarea.
import type { CodeEditor, EditorOptions } from './types';

let monacoModule: Promise<typeof import('./monaco')> | undefined;

/** Starts (once) the download of Monaco; later callers share the same promise. */
export function loadMonaco(): Promise<typeof import('./monaco')> {
  monacoModule ??= import('./monaco');
  return monacoModule;
}

/**
 * Swaps the textarea fallback `area` for Monaco in `host`. The text, caret and focus are read at
 * the moment of the swap, not when the download started, so typing while Monaco loads is kept.
 * Rejects (with `host` hidden again) when Monaco cannot load: the textarea then stays.
 */
export async function swapInMonaco(area: HTMLTextAreaElement, host: HTMLElement, options: () => EditorOptions): Promise<CodeEditor> {
  let hadFocus = false;
  try {
    const monaco = await createEditor(host, () => {
      hadFocus = document.activeElement === area;
      host.hidden = false;
      return { ...options(), value: area.value, selection: { start: area.selectionStart, end: area.selectionEnd } };
    });
    area.hidden = true;
    if (hadFocus) monaco.focus();
    return monaco;
  } catch (err) {
    host.hidden = true;
    throw err;
  }
}

/**
 * Creates Monaco in `host` once it has loaded. Options given as a function are read only then,
 * in the same task that creates the editor, so text typed into the fallback while Monaco
 * downloads is kept; a plain object (the challenge widget) is taken as it was at the call.
 */
export async function createEditor(host: HTMLElement, options: EditorOptions | (() => EditorOptions)): Promise<CodeEditor> {
  const mod = await loadMonaco();
  return mod.createMonacoEditor(host, typeof options === 'function' ? options() : options);
}

/**
 * Calls `activate` when the element comes near the viewport (after the page has loaded, so
 * first paint never waits on Monaco) or at once when the user clicks or focuses inside it.
 */
export function whenNeeded(element: HTMLElement, activate: () => void): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    cleanup();
    activate();
  };
  const onVisible = () => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(fire, { timeout: 1500 });
    else setTimeout(fire, 200);
  };
  const observer = 'IntersectionObserver' in globalThis
    ? new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer?.disconnect();
      if (document.readyState === 'complete') onVisible();
      else window.addEventListener('load', onVisible, { once: true });
    }, { rootMargin: '300px 0px' })
    : undefined;
  observer?.observe(element);
  element.addEventListener('pointerdown', fire, { once: true });
  element.addEventListener('focusin', fire, { once: true });
  function cleanup() {
    observer?.disconnect();
    element.removeEventListener('pointerdown', fire);
    element.removeEventListener('focusin', fire);
  }
  if (!observer) fire();
  return cleanup;
}

/** Monaco for JSON with schema hover and diagnostics (the playground's scenario box). */
export function loadJsonEditor(): Promise<typeof import('./monacoJson')> {
  return import('./monacoJson');
}
