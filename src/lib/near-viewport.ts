// Loads a widget's code when one of its elements is about to be seen, not with the page: a
// lesson's widgets (and the engine behind them) stay off the network until the learner scrolls
// near one. The elements are server-rendered and readable before; the custom element upgrades
// them once its module has run.
import './first-input'; // listens from page load, so widget code loaded later knows the page was used

/** How far ahead of the viewport a widget starts loading: about a phone screen and a half. */
const AHEAD = '800px 0px';

export function loadNearViewport(tag: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(tag);
  if (elements.length === 0) return;
  let loading: Promise<unknown> | undefined;
  const start = (): Promise<unknown> => {
    observer?.disconnect();
    return (loading ??= load());
  };
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: AHEAD })
    : undefined;
  if (!observer) {
    void start();
    return;
  }
  for (const el of elements) {
    observer.observe(el);
    // A learner who tabs into a widget or follows a link to it needs it now.
    el.addEventListener('focusin', () => void start(), { once: true });
    el.addEventListener('click', (event) => replayClick(event, start), true);
  }
}

/** A server-rendered button pressed before the widget's code ran is pressed again once it has. */
function replayClick(event: Event, start: () => Promise<unknown>): void {
  if (!(event.currentTarget as Element).matches(':not(:defined)')) return;
  const button = (event.target as Element).closest('button');
  if (button) void start().then(() => button.click());
}
