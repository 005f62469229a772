// One chart: a title, a summary sentence (the text alternative), the drawing, and a data
// table behind a toggle, so every picture can also be read (issue 7 accessibility).

import { h } from './dom';

let nextId = 0;

export class ChartFigure {
  readonly root: HTMLElement;
  readonly body: HTMLDivElement;
  private sentence: HTMLParagraphElement;
  private toggle: HTMLButtonElement;
  private tableWrap: HTMLDivElement;
  private tableBuilder: (() => HTMLElement) | undefined;

  constructor(readonly kind: string, title: string, legend?: HTMLElement) {
    const id = `lsp-${kind}-${nextId++}`;
    this.sentence = h('p', { class: 'lsp-sentence', id: `${id}-sentence` });
    this.body = h('div', { class: 'lsp-figure-body' });
    this.tableWrap = h('div', { class: 'lsp-table-wrap', id: `${id}-table`, hidden: true });
    this.toggle = h('button', { type: 'button', class: 'lsp-table-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-table`, text: 'Show data table' });
    this.toggle.addEventListener('click', () => this.setOpen(!this.tableOpen));
    const caption = h('figcaption', {}, h('span', { class: 'lsp-figure-title', text: title }), this.toggle);
    this.root = h('figure', { class: `lsp-figure lsp-${kind}`, 'data-view': kind, 'aria-labelledby': `${id}-title` }, caption);
    caption.firstElementChild!.id = `${id}-title`;
    if (legend) this.root.append(legend);
    this.root.append(this.body, this.sentence, this.tableWrap);
  }

  get describedBy(): string {
    return this.sentence.id;
  }

  get tableOpen(): boolean {
    return !this.tableWrap.hidden;
  }

  setSentence(text: string): void {
    if (this.sentence.textContent !== text) this.sentence.textContent = text;
  }

  /** The table is built only while it is open; call again whenever the data changes. */
  setTable(builder: () => HTMLElement): void {
    this.tableBuilder = builder;
    if (this.tableOpen) this.tableWrap.replaceChildren(builder());
  }

  private setOpen(open: boolean): void {
    this.tableWrap.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? 'Hide data table' : 'Show data table';
    if (open && this.tableBuilder) this.tableWrap.replaceChildren(this.tableBuilder());
  }
}
