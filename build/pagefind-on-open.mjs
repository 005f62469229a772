// Starlight's search loads Pagefind's UI (26 KB gzip) when the browser is first idle, on every
// page, whether or not anyone searches. This rewrites that one line of its Search component so
// the UI loads when search is about to open: the button is pointed at, focused or clicked, or
// Ctrl/Cmd+K is pressed. The input is focused once the UI exists. If Starlight changes the line,
// the build fails here rather than quietly shipping the UI again.
const IDLE_LINE = 'const onIdle = window.requestIdleCallback || ((cb) => setTimeout(cb, 1));';

const ON_OPEN = `const onIdle = (cb) => {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    Promise.resolve(cb()).then(() => { if (dialog.open) this.querySelector('input')?.focus(); });
  };
  for (const type of ['pointerenter', 'focus', 'click']) openBtn.addEventListener(type, start, { once: true });
  window.addEventListener('keydown', (e) => { if ((e.metaKey || e.ctrlKey) && e.key === 'k') start(); });
};`;

export function pagefindOnOpen() {
  return {
    name: 'pagefind-on-open',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/@astrojs/starlight/') || !/\/Search\.astro\?astro&type=script/.test(id)) return null;
      if (!code.includes(IDLE_LINE)) throw new Error(`pagefind-on-open: Starlight's Search script changed; update ${import.meta.url}`);
      return { code: code.replace(IDLE_LINE, ON_OPEN), map: null };
    },
  };
}
