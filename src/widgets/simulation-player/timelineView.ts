// The environment timeline view: canvas drawing, hover/focus details with the REPORT line,
// click (or Enter) for the invocation's logs, and its text alternative.

import { invocationLogs, reportLine } from '../../lib/viz/invocationLogs';
import type { Palette } from '../../lib/viz/palette';
import type { Player } from '../../lib/viz/player';
import { rowSegments } from '../../lib/viz/segments';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
import { TimelineCache } from '../../lib/viz/timelineCache';
import { drawOverlay, invocationAt, makeHatch, timelineLayout, type TimelineLayout } from '../../lib/viz/timelineCanvas';
import type { EnvRow } from '../../lib/viz/traceIndex';
import type { VizInvocation } from '../../lib/viz/types';
import { h, sizeCanvas, table } from './dom';
import { ChartFigure } from './figure';

export class TimelineView {
  readonly figure: ChartFigure;
  private canvas: HTMLCanvasElement;
  private detail: HTMLDivElement;
  private logs: HTMLPreElement;
  private layout: TimelineLayout | undefined;
  private rows: EnvRow[] = [];
  private focused: VizInvocation | undefined;
  private cache = new TimelineCache();
  private hatch: { key: string; pattern: CanvasPattern | null; crossed: CanvasPattern | null } | undefined;

  constructor(private player: () => Player, private redraw: () => void) {
    this.figure = new ChartFigure('timeline', 'Execution environments', legend());
    this.canvas = h('canvas', { tabindex: 0, role: 'img', 'aria-roledescription': 'timeline', 'aria-label': 'Execution environment timeline. Up and down arrows move between invocations, Enter shows logs.' });
    this.canvas.setAttribute('aria-describedby', this.figure.describedBy);
    this.detail = h('div', { class: 'lsp-detail', 'aria-live': 'polite' });
    this.logs = h('pre', { class: 'lsp-logs', hidden: true, tabindex: 0, 'aria-label': 'Invocation logs' });
    this.figure.body.append(h('div', { class: 'lsp-scroll' }, this.canvas), this.detail, this.logs);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.showDetail(this.focused));
    this.canvas.addEventListener('click', (e) => this.pick(e));
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.showDetail(undefined);
  }

  draw(t: number, fromMs: number, toMs: number, width: number, palette: Palette, fontPx: number, maxPlotHeight: number): void {
    this.rows = this.player().index.rowsAt(t);
    this.layout = timelineLayout(this.rows.length, width, maxPlotHeight, fromMs, toMs, fontPx);
    const ctx = sizeCanvas(this.canvas, this.layout.width, this.layout.height);
    if (!ctx) return;
    const key = palette.background;
    if (this.hatch?.key !== key) this.hatch = { key, pattern: makeHatch(ctx, palette.background), crossed: makeHatch(ctx, palette.background, true) };
    const d = { rows: this.rows, t, layout: this.layout, palette, focused: this.focused, hatch: this.hatch.pattern, crossHatch: this.hatch.crossed };
    ctx.clearRect(0, 0, this.layout.width, this.layout.height);
    const index = this.player().index;
    this.cache.paint(ctx, d, Math.min(2, window.devicePixelRatio || 1), `${index.rowsVersion}|${palette.background}|${palette.invoke}|${palette.init}`);
    drawOverlay(ctx, d);
  }

  updateText(t: number): void {
    const rows = this.player().index.rowsAt(t);
    this.figure.setSentence(timelineSentence(rows.map((row) => stateAt(row, t)), this.player().index.coldStarts.countAtOrBefore(t), formatVirtualMs(t)));
    this.figure.setTable(() =>
      table(
        `Execution environments at ${formatVirtualMs(t)}`,
        ['Environment', 'Function', 'Created', 'State', 'Invocations', 'Cold start init', 'Ended'],
        rows.map((row) => {
          const invs = row.invocations.filter((i) => i.startMs <= t);
          const coldInv = invs.find((i) => i.coldStart);
          const ended = row.env.destroyedMs !== undefined && row.env.destroyedMs <= t ? `${formatVirtualMs(row.env.destroyedMs)} (${row.env.endReason ?? 'shutdown'})` : '';
          return [row.env.id, row.env.function, formatVirtualMs(row.env.createdMs), stateAt(row, t), invs.length, coldInv?.initDurationMs !== undefined ? `${coldInv.initDurationMs.toFixed(2)} ms` : row.env.provisioned ? 'provisioned' : '', ended];
        }),
      ),
    );
  }

  private hover(e: MouseEvent): void {
    const inv = this.hit(e);
    this.canvas.style.cursor = inv ? 'pointer' : 'default';
    this.showDetail(inv ?? this.focused);
  }

  private pick(e: MouseEvent): void {
    const inv = this.hit(e);
    this.focus(inv);
    if (inv) this.showLogs(inv);
  }

  private hit(e: MouseEvent): VizInvocation | undefined {
    if (!this.layout) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    return invocationAt(this.rows, this.layout, this.player().viewMs, e.clientX - rect.left, e.clientY - rect.top);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const visible = this.visibleInvocations();
      if (!visible.length) return;
      const at = this.focused ? visible.indexOf(this.focused) : -1;
      const next = e.key === 'ArrowDown' ? Math.min(visible.length - 1, at + 1) : Math.max(0, at - 1);
      this.focus(visible[next]);
    } else if (e.key === 'Enter' && this.focused) {
      e.preventDefault();
      this.showLogs(this.focused);
    } else if (e.key === 'Escape' && this.focused) {
      e.stopPropagation();
      this.focus(undefined);
      this.logs.hidden = true;
    }
  }

  private visibleInvocations(): VizInvocation[] {
    if (!this.layout) return [];
    const t = this.player().viewMs;
    const out: VizInvocation[] = [];
    for (const row of this.rows) {
      for (const s of rowSegments(row, t, this.layout.fromMs, this.layout.toMs)) if (s.invocation) out.push(s.invocation);
    }
    return out.sort((a, b) => a.startMs - b.startMs || a.environmentId.localeCompare(b.environmentId));
  }

  private focus(inv: VizInvocation | undefined): void {
    this.focused = inv;
    this.showDetail(inv);
    this.redraw();
  }

  private showDetail(inv: VizInvocation | undefined): void {
    if (!inv) {
      this.detail.replaceChildren(h('span', { class: 'lsp-hint', text: 'Hover or focus an invocation for its details; click or press Enter for its logs.' }));
      return;
    }
    const lines = invocationLogs(this.player().index.result.logs, inv);
    const report = reportLine(lines, inv);
    this.detail.replaceChildren(
      h('strong', { text: `${inv.coldStart ? 'Cold start' : 'Warm start'} · ${inv.status}` }),
      h('span', { text: ` RequestId ${inv.requestId} on ${inv.environmentId} · started ${formatVirtualMs(inv.startMs)} · Duration ${inv.durationMs.toFixed(2)} ms · Billed ${inv.billedDurationMs} ms${inv.initDurationMs !== undefined ? ` · Init ${inv.initDurationMs.toFixed(2)} ms` : ''}${inv.errorType ? ` · ${inv.errorType}: ${inv.errorMessage ?? ''}` : ''}` }),
      h('code', { class: 'lsp-report', text: report ?? 'No REPORT line recorded for this invocation.' }),
    );
  }

  private showLogs(inv: VizInvocation): void {
    const lines = invocationLogs(this.player().index.result.logs, inv);
    this.logs.hidden = false;
    this.logs.textContent = lines.length ? lines.map((l) => l.message).join('\n') : `No log lines recorded for ${inv.requestId}.`;
  }
}

/** The timeline's text alternative: each state the chart draws differently, counted apart. */
export function timelineSentence(states: string[], coldStarts: number, at: string): string {
  const count = (state: string) => states.filter((s) => s === state).length;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const alive = states.length - count('shut down');
  return `At ${at}: ${plural(states.length, 'execution environment')} created, ${alive} alive: ${count('invoke')} running an invocation, ${count('init')} initialising (Init), ${count('idle (frozen)') + count('idle')} idle (frozen); ${plural(coldStarts, 'cold start')} so far.`;
}

export function stateAt(row: EnvRow, t: number): string {
  const segs = rowSegments(row, t, Math.max(row.env.createdMs, t - 1), t);
  const last = segs.at(-1);
  if (!last) return row.env.destroyedMs !== undefined && row.env.destroyedMs <= t ? 'shut down' : 'idle';
  if (last.kind === 'shutdown') return 'shut down';
  return last.kind === 'idle' ? 'idle (frozen)' : last.kind;
}

function legend(): HTMLElement {
  const item = (cls: string, label: string) => h('li', {}, h('span', { class: `lsp-swatch lsp-swatch-${cls}`, 'aria-hidden': 'true' }), label);
  return h(
    'ul',
    { class: 'lsp-legend', 'aria-label': 'Legend' },
    item('init-extension', 'Extension init (crossed)'),
    item('init', 'Runtime init (striped)'),
    item('init-function', 'Function init (plain)'),
    item('invoke', 'Invoke (full bar)'),
    item('error', 'Failed invoke (notched end)'),
    item('idle', 'Idle, frozen (thin line)'),
    item('cold', 'Cold start (corner triangle)'),
    item('shutdown', 'Shutdown (short bar)'),
  );
}
