// Light entry for the editor: decides when Monaco loads and falls back to the textarea.
import type { CodeEditor, EditorOptions } from './types';
import { afterFirstInput } from '../first-input';

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
  await noPress();
  return mod.createMonacoEditor(host, typeof options === 'function' ? options() : options);
}

/**
 * Resolves when no pointer is pressed on the page. Monaco is taller than the textarea it replaces,
 * so a swap between a press and its release moves the buttons below it: the release then lands
 * elsewhere and the click (Invoke, Run) never reaches the button that was pressed. The swap waits
 * until that click has been dispatched (or, for a press that makes none, a moment after release).
 */
function noPress(): Promise<void> {
  if (!pressed) return Promise.resolve();
  return new Promise((resolve) => afterPress.push(resolve));
}
let pressed = false;
const afterPress: (() => void)[] = [];
function onPress(): void {
  pressed = true;
}
function onRelease(): void {
  if (!pressed) return;
  pressed = false;
  let done = false;
  const resume = () => {
    if (done) return;
    done = true;
    removeEventListener('click', resume, true);
    // A task later: every click listener has run, and a new press keeps the swap waiting.
    setTimeout(() => {
      if (!pressed) for (const run of afterPress.splice(0)) run();
    }, 0);
  };
  addEventListener('click', resume, { capture: true, once: true });
  setTimeout(resume, 300); // a touch's click follows its release in a later task, or never (a drag)
}
if (typeof addEventListener === 'function') {
  addEventListener('pointerdown', onPress, { capture: true, passive: true });
  for (const type of ['pointerup', 'pointercancel'] as const) addEventListener(type, onRelease, { capture: true, passive: true });
}


/**
 * Calls `activate` when the element is near the viewport and the learner has used the page (so
 * a console visible at load, as on /lab, does not start Monaco and its TypeScript worker while
 * the page is still loading), or at once when the user clicks or focuses inside it (or already has).
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
      const ready = () => afterFirstInput(onVisible);
      if (document.readyState === 'complete') ready();
      else window.addEventListener('load', ready, { once: true });
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
  // No observer, or focus already inside (the learner typed before this script ran): needed now.
  if (!observer || element.contains(document.activeElement)) fire();
  return cleanup;
}

/** Monaco for JSON with schema hover and diagnostics (the playground's scenario box). */
export function loadJsonEditor(): Promise<typeof import('./monacoJson')> {
  return import('./monacoJson');
}
