// Colours for canvas drawing, read from CSS custom properties so dark mode and presenter
// (high contrast) themes apply to canvas as they do to the DOM.

export interface Palette {
  text: string;
  muted: string;
  grid: string;
  init: string;
  invoke: string;
  error: string;
  idle: string;
  cold: string;
  cursor: string;
  limit: string;
  throttle: string;
  background: string;
}

const FALLBACK: Palette = {
  text: '#1b1b1b',
  muted: '#5c5c5c',
  grid: '#d0d0d0',
  init: '#b45309',
  invoke: '#1d4ed8',
  error: '#b91c1c',
  idle: '#8a8a8a',
  cold: '#0e7490',
  cursor: '#111111',
  limit: '#6d28d9',
  throttle: '#b91c1c',
  background: '#ffffff',
};

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const out = { ...FALLBACK };
  for (const key of Object.keys(FALLBACK) as (keyof Palette)[]) {
    const v = style.getPropertyValue(`--viz-${key}`).trim();
    if (v) out[key] = v;
  }
  return out;
}
