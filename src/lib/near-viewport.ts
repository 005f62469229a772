// Loads a widget's code when one of its elements is about to be seen, not with the page: a
// lesson's widgets (and the engine behind them) stay off the network until the learner scrolls
// near one. The elements are server-rendered and readable before; the custom element upgrades
// them once its module has run.

/** How far ahead of the viewport a widget starts loading: about a phone screen and a half. */
const AHEAD = '800px 0px';

export function loadNearViewport(tag: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(tag);
  if (elements.length === 0) return;
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer?.disconnect();
    void load();
  };
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: AHEAD })
    : undefined;
  if (!observer) return start();
  for (const el of elements) {
    observer.observe(el);
    // A learner who tabs into a widget or follows a link to it needs it now.
    el.addEventListener('focusin', start, { once: true });
  }
}
