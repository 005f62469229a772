// Loads a widget's code when one of its elements is about to be seen, not with the page: a
// lesson's widgets (and the engine behind them) stay off the network until the learner scrolls
// near one. The elements are server-rendered and readable before; the custom element upgrades
// them once its module has run. Defining an element upgrades every one on the page at once, so
// a heavy element also waits for its own turn (whenNearViewport) before it builds.
import './first-input'; // listens from page load, so widget code loaded later knows the page was used

/** How far ahead of the viewport a widget starts loading: about a phone screen and a half. */
const AHEAD = '800px 0px';

/**
 * Calls start once, when el comes within AHEAD of the viewport or takes focus (a learner who
 * tabs into a widget or follows a link to it needs it now). Returns a function that cancels.
 */
export function whenNearViewport(el: Element, start: () => void): () => void {
  if (!('IntersectionObserver' in window)) {
    start();
    return () => undefined;
  }
  let done = false;
  const go = (): void => {
    if (done) return;
    cancel();
    start();
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: AHEAD });
  const cancel = (): void => {
    done = true;
    observer.disconnect();
    el.removeEventListener('focusin', go);
  };
  observer.observe(el);
  el.addEventListener('focusin', go);
  return cancel;
}

export function loadNearViewport(tag: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll(tag)];
  const waits: (() => void)[] = [];
  let loading: Promise<unknown> | undefined;
  const start = (): Promise<unknown> => {
    for (const cancel of waits) cancel();
    return (loading ??= load());
  };
  for (const el of elements) {
    waits.push(whenNearViewport(el, () => void start()));
    el.addEventListener('click', (event) => replayClick(event, start), true);
  }
}

/** A server-rendered button pressed before the widget's code ran is pressed again once it has. */
function replayClick(event: Event, start: () => Promise<unknown>): void {
  if (!(event.currentTarget as Element).matches(':not(:defined)')) return;
  const button = (event.target as Element).closest('button');
  if (button) void start().then(() => button.click());
}
