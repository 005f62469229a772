// Turns an InvocationView into the result panel and a history entry.
import type { InvocationView } from './view';

const STATUS_TEXT: Record<InvocationView['status'], string> = {
  success: 'Succeeded', error: 'Function error', timeout: 'Timed out', crash: 'Crashed', throttled: 'Throttled',
};

export function ms(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(2)} ms`;
}

export function usd(value: number | undefined): string {
  if (value === undefined) return '–';
  if (value === 0) return '$0';
  // Single invocations cost fractions of a micro-dollar: three significant digits, no exponent.
  const digits = Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value))));
  return `$${value.toFixed(Math.min(digits, 20))}`;
}

export function summaryItems(v: InvocationView): [string, string][] {
  const items: [string, string][] = [
    ['Status', STATUS_TEXT[v.status] + (v.errorType ? ` (${v.errorType})` : '')],
    ['Duration', ms(v.durationMs)],
    ['Billed duration', v.billedDurationMs === undefined ? '–' : `${v.billedDurationMs} ms`],
    ['Memory size', `${v.memoryMB} MB`],
  ];
  if (v.maxMemoryUsedMB !== undefined) items.push(['Max memory used', `${v.maxMemoryUsedMB} MB`]);
  items.push(['Init duration', v.coldStart ? ms(v.initDurationMs) : 'none (warm start)']);
  items.push(['Cost of this invocation', usd(v.costUsd)]);
  items.push(['Deployment', String(v.deployment)]);
  items.push(['Version that ran', ranText(v)]);
  return items;
}

/** F112, F116: the version that ran, and the alias it was invoked through: "2 (via alias live)". */
export function ranText(v: InvocationView): string {
  const viaAlias = v.target !== v.version && !/^\d+$/.test(v.target);
  return viaAlias ? `${v.version} (via alias ${v.target})` : v.version;
}

export function renderSummary(dl: HTMLElement, v: InvocationView): void {
  dl.replaceChildren(...summaryItems(v).map(([term, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    div.append(dt, dd);
    return div;
  }));
}

export function responseText(v: InvocationView): string {
  return v.response === undefined ? 'null' : JSON.stringify(v.response, null, 2);
}

export function historyLine(v: InvocationView): string {
  const start = v.coldStart ? `cold, init ${ms(v.initDurationMs)}` : 'warm';
  return `#${v.index} ${STATUS_TEXT[v.status]} · ${start} · ${ms(v.durationMs)} · billed ${v.billedDurationMs ?? '–'} ms · ${usd(v.costUsd)} · deployment ${v.deployment} · version ${ranText(v)}`;
}

export function statusLine(views: InvocationView[], totalCostUsd: number): string {
  if (views.length === 0) return '';
  const last = views[views.length - 1];
  if (views.length === 1) return `${historyLine(last)}.${outOfMemory(last) ? ` ${OUT_OF_MEMORY}` : ''}`;
  const ok = views.filter((v) => v.status === 'success').length;
  const cold = views.filter((v) => v.coldStart).length;
  return `${views.length} invocations: ${ok} succeeded, ${cold} cold starts, ${usd(totalCostUsd)} in total.${versionsRan(views)}`;
}

/** With a canary the versions differ between invocations: " Ran version 1 × 45 (0 failed), version 2 × 5 (5 failed)." */
function versionsRan(views: InvocationView[]): string {
  const byVersion = new Map<string, { ran: number; failed: number }>();
  for (const v of views) {
    const t = byVersion.get(v.version) ?? { ran: 0, failed: 0 };
    t.ran += 1;
    if (v.status !== 'success') t.failed += 1;
    byVersion.set(v.version, t);
  }
  if (byVersion.size < 2) return '';
  const parts = [...byVersion].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([version, t]) => `version ${version} × ${t.ran} (${t.failed} failed)`);
  return ` Ran ${parts.join(', ')}.`;
}

/** F134: Lambda SIGKILLs an environment that needs more than its memory. */
export const OUT_OF_MEMORY = 'The handler needed more memory than the function has, so Lambda killed its execution environment. Raise Memory (MB) or allocate less; the next invocation starts a new environment.';

function outOfMemory(v: InvocationView): boolean {
  const r = v.response as { errorType?: unknown; errorMessage?: unknown } | undefined;
  return v.status === 'crash' && r?.errorType === 'Runtime.ExitError' && r.errorMessage === 'Runtime exited with error: signal: killed';
}
