// Flow views for the invocation models (F63 async internal queue and destinations; F72-F80
// SQS queue and batches; F83-F89 stream shards): boxes with counts, drawn as text so the
// numbers are the picture and need no colour.

import { flowCounts, type FlowCounts } from '../../lib/viz/flows';
import type { Player } from '../../lib/viz/player';
import { formatVirtualMs } from '../../lib/viz/timeAxis';
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

  constructor(private player: () => Player, private sourceInfo: (label: string) => SourceInfo | undefined) {
    this.figure = new ChartFigure('flows', 'How requests flow');
    this.boards = h('div', { class: 'lsp-flow-boards' });
    this.figure.body.append(this.boards);
  }

  update(t: number): void {
    const counts = flowCounts(this.player().index, t);
    this.boards.replaceChildren(...counts.map((c) => this.board(c)));
    const waiting = counts.reduce((n, c) => n + c.queued + c.retrying, 0);
    const running = counts.reduce((n, c) => n + c.running, 0);
    this.figure.setSentence(
      counts.length
        ? `At ${formatVirtualMs(t)}: ${waiting} request${waiting === 1 ? '' : 's'} waiting and ${running} being processed across ${counts.length} source${counts.length === 1 ? '' : 's'}.`
        : `At ${formatVirtualMs(t)}: no requests have arrived yet.`,
    );
    this.figure.setTable(() =>
      table(
        `Requests by source at ${formatVirtualMs(t)}`,
        ['Source', 'Function', 'Arrived', 'Waiting', 'Waiting to retry', 'Running', 'Succeeded', 'Failed', 'Throttled', 'Dead-lettered', 'Discarded', 'Oldest waiting'],
        counts.map((c) => [c.source, c.function, c.arrived, c.queued, c.retrying, c.running, c.succeeded, c.failed, c.throttled, c.deadLettered, c.discarded, formatVirtualMs(c.oldestWaitingAgeMs)]),
      ),
    );
  }

  private board(c: FlowCounts): HTMLElement {
    const info = this.sourceInfo(c.source);
    const stages = stagesFor(info?.type ?? 'invoke', c, info);
    const list = h('ol', { class: 'lsp-flow-stages' });
    for (const [label, value, note] of stages) {
      list.append(h('li', { class: 'lsp-flow-stage' }, h('span', { class: 'lsp-flow-label', text: label }), h('span', { class: 'lsp-flow-value', text: String(value) }), note ? h('span', { class: 'lsp-flow-note', text: note }) : ''));
    }
    return h('section', { class: 'lsp-flow', 'aria-label': `${c.source} to ${c.function}` }, h('p', { class: 'lsp-flow-title', text: `${c.source} → ${c.function}` }), list);
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
      ['Processed', c.succeeded],
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
  return [
    ['Running', c.running],
    ['Succeeded (200)', c.succeeded],
    ['Function error', c.failed],
    ['Throttled (429)', c.throttled],
  ];
}
