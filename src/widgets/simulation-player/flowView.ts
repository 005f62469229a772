// Flow views for the invocation models (F63 async internal queue and destinations; F72-F80
// SQS queue and batches; F83-F89 stream shards): boxes with counts, drawn as text so the
// numbers are the picture and need no colour.

import { flowCounts, type FlowCounts } from '../../lib/viz/flows';
import type { Player } from '../../lib/viz/player';
import { seriesValueAt, seriesWindow, shardFlows, type ShardFlow, type ShardLane } from '../../lib/viz/shardFlows';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
import type { SeriesPoint } from '../../../simulator/index';
import { h, table } from './dom';
import { ChartFigure } from './figure';

interface SourceInfo {
  type: string;
  shards?: number;
  batchSize?: number;
  onSuccess?: string;
  onFailure?: string;
  maximumRetryAttempts?: number;
}

type Stage = [label: string, value: number | string, note?: string];

export class FlowView {
  readonly figure: ChartFigure;
  private boards: HTMLDivElement;

  constructor(
    private player: () => Player,
    private sourceInfo: (label: string) => SourceInfo | undefined,
    private sources: () => { source: string; function: string }[],
  ) {
    this.figure = new ChartFigure('flows', 'How requests flow');
    this.boards = h('div', { class: 'lsp-flow-boards' });
    this.figure.body.append(this.boards);
  }

  update(t: number): void {
    const index = this.player().index;
    const counts = flowCounts(index, t, this.sources());
    const streams = counts.some((c) => isStream(this.sourceInfo(c.source)?.type)) ? shardFlows(index, t) : [];
    this.boards.replaceChildren(...counts.map((c) => this.board(c, t, streams.find((f) => f.source === c.source))));
    const waiting = counts.reduce((n, c) => n + c.queued + c.retrying, 0);
    const running = counts.reduce((n, c) => n + c.running, 0);
    const blocked = streams.reduce((n, f) => n + f.shards.filter((s) => s.blocked).length, 0);
    this.figure.setSentence(
      counts.some((c) => c.arrived > 0)
        ? `At ${formatVirtualMs(t)}: ${waiting} request${waiting === 1 ? '' : 's'} waiting and ${running} being processed across ${counts.length} source${counts.length === 1 ? '' : 's'}.` +
            (blocked ? ` ${blocked} shard${blocked === 1 ? ' is' : 's are'} blocked by a failing batch.` : '')
        : `At ${formatVirtualMs(t)}: no requests have arrived yet.`,
    );
    this.figure.setTable(() =>
      h(
        'div',
        {},
        table(
          `Requests by source at ${formatVirtualMs(t)}`,
          ['Source', 'Function', 'Arrived', 'Waiting', 'Waiting to retry', 'Running', 'Succeeded', 'Failed', 'Throttled', 'Dead-lettered', 'Discarded', 'Oldest waiting'],
          counts.map((c) => [c.source, c.function, c.arrived, c.queued, c.retrying, c.running, c.succeeded, c.failed, c.throttled, c.deadLettered, c.discarded, formatVirtualMs(c.oldestWaitingAgeMs)]),
        ),
        ...(streams.length ? [shardTable(streams, t)] : []),
      ),
    );
  }

  private board(c: FlowCounts, t: number, streams: ShardFlow | undefined): HTMLElement {
    const info = this.sourceInfo(c.source);
    const stages = stagesFor(info?.type ?? 'invoke', c, info);
    const list = h('ol', { class: 'lsp-flow-stages' });
    for (const [label, value, note] of stages) {
      list.append(h('li', { class: 'lsp-flow-stage' }, h('span', { class: 'lsp-flow-label', text: label }), h('span', { class: 'lsp-flow-value', text: String(value) }), note ? h('span', { class: 'lsp-flow-note', text: note }) : ''));
    }
    const section = h('section', { class: 'lsp-flow', 'aria-label': `${c.source} to ${c.function}` }, h('p', { class: 'lsp-flow-title', text: `${c.source} → ${c.function}` }), list);
    const metrics = metricReadings(info?.type, this.player().index.result.metrics?.[c.function]?.series, t);
    if (metrics) section.append(metrics);
    if (isStream(info?.type)) section.append(shardLanes(c.source, streams?.shards ?? [], info?.shards, t));
    return section;
  }
}

function stagesFor(type: string, c: FlowCounts, info: SourceInfo | undefined): Stage[] {
  if (type === 'sqs') {
    return [
      ['Queue: visible', c.queued],
      ['Invisible after a failed receive', c.retrying, 'back after the visibility timeout (F78)'],
      ['In flight', c.running, `${c.runningBatches} batch${c.runningBatches === 1 ? '' : 'es'} = pollers' concurrent invocations`],
      ['Deleted (succeeded)', c.succeeded],
      ['Redrive queue (DLQ)', c.deadLettered],
      ['Oldest message age', formatVirtualMs(c.oldestWaitingAgeMs)],
    ];
  }
  if (type === 'kinesis' || type === 'dynamodb-streams') {
    return [
      ['Shards', info?.shards ?? '?'],
      ['Records behind the iterator', c.queued],
      ['Blocked batch records (retrying)', c.retrying, 'a failing batch blocks its shard (F86)'],
      ['In flight', c.running, `${c.runningBatches} batch${c.runningBatches === 1 ? '' : 'es'}`],
      ['Succeeded', c.succeeded],
      ['To on-failure destination', c.deadLettered],
      ['Skipped (expired or retries exhausted)', c.discarded],
      ['IteratorAge (oldest record)', formatVirtualMs(c.oldestWaitingAgeMs)],
    ];
  }
  if (type === 's3' || type === 'sns' || type === 'event') {
    return [
      ['Internal queue', c.queued],
      ['Waiting to retry', c.retrying, `retries: ${info?.maximumRetryAttempts ?? 2} (1 min, then 2 min; F63)`],
      ['Running', c.running],
      [`Succeeded${info?.onSuccess ? ` → ${info.onSuccess}` : ''}`, c.succeeded],
      [`Failed → ${info?.onFailure ?? 'no destination'}`, c.deadLettered],
      ['Discarded', c.discarded],
      ['Oldest event age', formatVirtualMs(c.oldestWaitingAgeMs)],
    ];
  }
  return syncStages(type, c);
}

/**
 * A synchronous caller's boxes, labelled with what that caller receives: the Invoke API answers a
 * throttle with 429 (F58), API Gateway answers its client 500 instead (F140), a function error
 * with 502 (F136) and an integration timeout with 504 (F93).
 */
export function syncStages(type: string, c: Pick<FlowCounts, 'running' | 'succeeded' | 'failed' | 'throttled'>): Stage[] {
  if (type === 'api-gateway') {
    return [
      ['Running', c.running],
      ['Answered (the function\'s status)', c.succeeded],
      ['Failed (5xx): 502 on a function error, 504 after 29 s (F136, F93)', c.failed],
      ['Throttled: client sees 500 (F140)', c.throttled],
    ];
  }
  return [
    ['Running', c.running],
    ['Succeeded (200)', c.succeeded],
    ['Function error', c.failed],
    ['Throttled (429)', c.throttled],
  ];
}

const isStream = (type: string | undefined) => type === 'kinesis' || type === 'dynamodb-streams';

/** The metrics the engine records for a queue or stream, read at t (last point at or before t). */
const METRICS: Record<string, [series: string, label: string, unit: 'count' | 's' | 'ms'][]> = {
  sqs: [
    ['ApproximateNumberOfMessagesVisible', 'Messages visible', 'count'],
    ['ApproximateNumberOfMessagesNotVisible', 'Messages in flight', 'count'],
    ['ApproximateAgeOfOldestMessage', 'Age of oldest message', 's'],
    ['ConcurrentBatchesAllowed', 'Pollers: batches allowed at once (F75)', 'count'],
  ],
  stream: [['IteratorAge', 'IteratorAge of the last batch read', 'ms']],
};
const SPARK_WINDOW_MS = 60_000;

function metricReadings(type: string | undefined, series: Record<string, SeriesPoint[]> | undefined, t: number): HTMLElement | undefined {
  const wanted = type === 'sqs' ? METRICS.sqs : isStream(type) ? METRICS.stream : undefined;
  if (!wanted || !series) return undefined;
  const list = h('ul', { class: 'lsp-metrics', 'aria-label': 'CloudWatch metrics (function-wide)' });
  for (const [name, label, unit] of wanted) {
    const value = seriesValueAt(series[name], t);
    if (value === undefined) continue;
    const text = unit === 'count' ? String(value) : unit === 's' ? `${value} s` : formatVirtualMs(value);
    list.append(h('li', { class: 'lsp-metric', 'data-metric': name, 'data-value': value }, h('span', { class: 'lsp-metric-label', text: `${label}: ` }), h('span', { class: 'lsp-metric-value', text }), sparkline(seriesWindow(series[name], t, SPARK_WINDOW_MS), t)));
  }
  return list.childElementCount ? list : undefined;
}

/** A decorative trace of up to the last minute, held flat to t; the number beside it is the reading. */
function sparkline(points: SeriesPoint[], t: number): SVGSVGElement | string {
  if (points.length < 2) return '';
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'lsp-spark');
  svg.setAttribute('viewBox', '0 0 60 16');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const fromMs = points[0].timeMs;
  const spanMs = Math.max(1, t - fromMs);
  const max = Math.max(1, ...points.map((p) => p.value));
  const xy = (timeMs: number, value: number) => `${((60 * (timeMs - fromMs)) / spanMs).toFixed(2)},${(15 - (14 * value) / max).toFixed(2)}`;
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', [...points.map((p) => xy(p.timeMs, p.value)), xy(t, points[points.length - 1].value)].join(' '));
  svg.append(line);
  return svg;
}

/** "Shard 2" from shardId-000000000002 (Kinesis) or shardId-00000000000000000002-… (this engine's DynamoDB ids). */
function shardName(shardId: string): string {
  const digits = /^shardId-(\d+)/.exec(shardId)?.[1];
  return digits ? `Shard ${Number(digits)}` : shardId;
}

/** Lanes drawn per source; a stream may have up to 1,000 shards and the data table lists them all. */
const MAX_LANES = 12;

/** F86: one lane per shard; a failing batch blocks its own shard only, so blocked lanes come first when there are many. */
function shardLanes(source: string, lanes: ShardLane[], shardCount: number | undefined, t: number): HTMLElement {
  const shown = lanes.length <= MAX_LANES ? lanes
    : [...lanes.filter((l) => l.blocked), ...lanes.filter((l) => !l.blocked)].slice(0, MAX_LANES).sort((a, b) => lanes.indexOf(a) - lanes.indexOf(b));
  const list = h('ol', { class: 'lsp-shards', 'aria-label': `Shards of ${source}` });
  for (const lane of shown) list.append(shardLane(lane, t));
  const total = Math.max(shardCount ?? 0, lanes.length);
  const key = (cls: string, label: string) => h('span', { class: 'lsp-shard-key' }, h('span', { class: `lsp-shard-swatch ${cls}`, 'aria-hidden': 'true' }), label);
  const heading = h('p', { class: 'lsp-shard-heading' }, `Shards (${total}). Bars: `,
    key('lsp-shard-done', 'processed'), key('lsp-shard-busy', 'in flight'), key('lsp-shard-stuck', 'blocked'), key('', 'waiting'));
  const wrap = h('div', { class: 'lsp-shard-wrap' }, heading, list);
  const notes: string[] = [];
  if (shown.length < lanes.length) notes.push(`Showing ${shown.length} of ${lanes.length} shards with records, blocked ones first; the data table lists every shard.`);
  if (total > lanes.length) notes.push(`${total - lanes.length} shard${total - lanes.length === 1 ? ' has' : 's have'} had no records yet.`);
  for (const text of notes) wrap.append(h('p', { class: 'lsp-shard-note', text }));
  return wrap;
}

function shardLane(lane: ShardLane, t: number): HTMLElement {
  const inFlight = lane.inFlight.reduce((n, b) => n + b.size, 0);
  const stuck = lane.blocked ? Math.max(0, lane.blocked.records - lane.inFlight.filter((b) => b.retry).reduce((n, b) => n + b.size, 0)) : 0;
  const pct = (n: number) => `${lane.arrived ? (100 * n) / lane.arrived : 0}%`;
  const bar = h('div', { class: 'lsp-shard-bar', 'aria-hidden': 'true' },
    h('span', { class: 'lsp-shard-done', style: `width:${pct(lane.processed)}` }),
    h('span', { class: 'lsp-shard-busy', style: `width:${pct(inFlight)}` }),
    h('span', { class: 'lsp-shard-stuck', style: `width:${pct(stuck)}` }));
  const batches = lane.inFlight.map((b) => `batch of ${b.size}${b.retry ? ' (retry)' : ''}`).join(', ');
  const numbers = h('p', { class: 'lsp-shard-numbers' },
    h('span', { class: 'lsp-shard-position', text: `processed ${lane.processed} / ${lane.arrived}` }),
    h('span', { text: batches ? `in flight: ${batches}` : 'no batch in flight' }),
    h('span', { class: 'lsp-shard-age', text: `IteratorAge ${formatVirtualMs(lane.iteratorAgeMs)}` }));
  const item = h('li', { class: 'lsp-shard', 'data-shard-id': lane.shardId, 'data-processed': lane.processed, 'data-arrived': lane.arrived, 'data-iterator-age-ms': Math.round(lane.iteratorAgeMs), 'data-blocked': lane.blocked ? 'true' : undefined },
    h('p', { class: 'lsp-shard-head' }, h('span', { class: 'lsp-shard-name', text: shardName(lane.shardId) }), ' ', h('code', { text: lane.shardId })), bar, numbers);
  if (lane.blocked) item.append(h('p', { class: 'lsp-shard-blocked', text: blockedText(lane, t) }));
  return item;
}

function blockedText(lane: ShardLane, t: number): string {
  const b = lane.blocked!;
  const tries = `${b.failedAttempts} failed attempt${b.failedAttempts === 1 ? '' : 's'}${b.lastError ? `, last: ${b.lastError}` : ''}`;
  const since = Number.isFinite(b.sinceMs) ? ` for ${formatVirtualMs(t - b.sinceMs)}` : '';
  return `Blocked${since}: a batch of ${b.records} record${b.records === 1 ? '' : 's'} keeps failing (${tries}); records behind it wait (F86).`;
}

function shardTable(flows: ShardFlow[], t: number): HTMLTableElement {
  const rows = flows.flatMap((f) => f.shards.map((s) => [
    f.source, s.shardId, s.arrived, s.processed, s.succeeded, s.skipped,
    s.inFlight.map((b) => `${b.size}${b.retry ? ' (retry)' : ''}`).join(', ') || '0',
    s.blocked ? `${s.blocked.records} records, ${s.blocked.failedAttempts} failed attempts` : 'no',
    formatVirtualMs(s.iteratorAgeMs),
  ]));
  return table(`Stream shards at ${formatVirtualMs(t)}`, ['Source', 'Shard', 'Arrived', 'Processed (iterator position)', 'Succeeded', 'Skipped', 'In-flight batch sizes', 'Blocked', 'IteratorAge'], rows, 1000);
}
