// Tiny DOM builders for the player's chrome (no framework: the widget is a custom element).

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) el.append(c);
  return el;
}

/** A table from header labels and rows of cells, with a caption; capped so it never floods the page. */
export function table(caption: string, headers: string[], rows: (string | number)[][], maxRows = 300): HTMLTableElement {
  const t = h('table', { class: 'lsp-table' });
  const shown = rows.slice(0, maxRows);
  const note = rows.length > maxRows ? ` (first ${maxRows} of ${rows.length})` : '';
  t.append(h('caption', { text: caption + note }));
  const head = h('tr');
  for (const label of headers) head.append(h('th', { scope: 'col', text: label }));
  t.append(h('thead', {}, head));
  const body = h('tbody');
  for (const row of shown) {
    const tr = h('tr');
    for (const cell of row) tr.append(h('td', { text: String(cell) }));
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** A canvas sized in CSS pixels and drawn at device resolution. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.max(1, Math.round(width * dpr));
  const hgt = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== hgt) {
    canvas.width = w;
    canvas.height = hgt;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
