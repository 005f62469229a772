// The learner's first input on the page (a pointer move, touch, key, wheel or scroll). Listened
// for from page load (near-viewport.ts imports this), so a widget whose code loads later still
// knows the page has been used: the scroll that brought it near counts.

let interacted = false;
const waiting: (() => void)[] = [];
const INPUTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll'] as const;

function onFirstInput(): void {
  interacted = true;
  for (const type of INPUTS) removeEventListener(type, onFirstInput, true);
  for (const run of waiting.splice(0)) run();
}

if (typeof addEventListener === 'function') for (const type of INPUTS) addEventListener(type, onFirstInput, { capture: true, passive: true });

/** Runs `run` once the page has had its first input (at once if it has). */
export const afterFirstInput = (run: () => void): void => void (interacted ? run() : waiting.push(run));
