// The SQS event source mapping (F72-F80): Lambda long-polls the queue with a few pollers,
// scales the number of concurrent batches while a backlog lasts, invokes the function
// synchronously with each batch, deletes what succeeded and lets the rest reappear after the
// visibility timeout, until the queue's redrive policy moves it to the DLQ.
import type { SqsSourceSpec } from '../scenario/types';
import { payloadText, randomIamId, utf8Length, uuid } from './events/encoding';
import { buildSqsEvent } from './events/sqs';
import { nextAsyncBackoffMs } from './asyncDispatcherMachine';
import { eventContextFor, setLazyEvent, startEpochMs } from './eventContext';
import { SqsQueue, SQS_RETENTION_MS, type SqsMessage } from './sqsQueue';
import { sqsPollerTable, type SqsPollerEvent, type SqsPollerState } from './sqsPollerMachine';
import { sqsFailedMessages } from './sqsBatchResponse';
import { SqsQueueMetrics } from './sqsQueueMetrics';
import type { ArriveOptions, InvokeCall, InvokeOutcome, Lineage, SourceContext, SourceFactory } from './types';
import type { RequestRecord } from '../trace/records';
import { mappingPermissionError } from '../aws/mappingPermissions';

/** F73: default batch size 10. F60/F76: at most 1,000 concurrent batches. F75: start with 5. */
export const SQS_DEFAULT_BATCH_SIZE = 10;
export const SQS_MAX_CONCURRENT_BATCHES = 1_000;
export const SQS_INITIAL_CONCURRENT_BATCHES = 5;
/** F75: up to 300 more concurrent batches per minute while messages wait: one per 200 ms. */
export const SQS_SCALE_UP_STEP_MS = 200;
/** SQS's default visibility timeout, 30 s (SQS API reference, CreateQueue). */
export const SQS_DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;
/** F72: a batch holds at most 6 MB of payload. */
const BATCH_BYTE_LIMIT = 6 * 1024 * 1024;

/** One concurrent poller of the mapping (F75): the batch it holds and its chart state. */
interface Poller {
  state: SqsPollerState;
  batch: SqsMessage[];
  /** When the batch becomes visible again unless deleted first (F78). */
  visibleAgainMs: number;
  backoffMs: number;
}

/**
 * F78: the batch stays hidden for the queue's visibility timeout; if the batching window plus
 * the function timeout exceed it, Lambda uses window + timeout + 30 s instead.
 */
export function effectiveVisibilityTimeoutMs(visibilityTimeoutMs: number, windowMs: number, functionTimeoutMs: number): number {
  return windowMs + functionTimeoutMs > visibilityTimeoutMs ? windowMs + functionTimeoutMs + 30_000 : visibilityTimeoutMs;
}

export class SqsEventSourceMapping {
  private readonly queue = new SqsQueue();
  private readonly metrics: SqsQueueMetrics;
  private readonly pollers: Poller[] = [];
  private readonly spec: SqsSourceSpec;
  private readonly fn: string;
  private readonly batchSize: number;
  private readonly windowMs: number;
  private readonly cap: number;
  private readonly minimum: number;
  private readonly senderId: string;
  private readonly queueName: string;
  private readonly failureRng: () => number;
  private target: number;
  private busy = 0;
  private windowDueMs = -1;
  private pumpScheduled = false;
  private scaleTickScheduled = false;
  private throttledSinceTick = false;
  private invokeCount = 0;
  /** The role could not read the queue: the mapping was never created, messages just wait. */
  private disabled = false;
  private sentByCall = 0;

  constructor(private readonly src: SourceContext) {
    this.spec = src.spec as SqsSourceSpec;
    this.fn = this.spec.function;
    this.batchSize = this.spec.batchSize ?? SQS_DEFAULT_BATCH_SIZE;
    this.windowMs = this.spec.maximumBatchingWindowMs ?? 0;
    this.cap = this.spec.maximumConcurrency ?? SQS_MAX_CONCURRENT_BATCHES;
    this.minimum = Math.min(SQS_INITIAL_CONCURRENT_BATCHES, this.cap);
    this.target = this.minimum;
    this.senderId = randomIamId(eventContextFor(src, 0, -1).rng, 'AIDA');
    this.queueName = `${this.fn}-queue`;
    const failures = src.rng.derive('batch-item-failures');
    this.failureRng = () => failures.float();
    this.metrics = new SqsQueueMetrics(src, this.fn, this.queue, () => this.target);
  }

  start(): void {
    this.disabled = mappingPermissionError(this.src) !== undefined;
    this.src.startArrivals((timeMs, index) => this.send(timeMs, index));
  }

  private send(timeMs: number, index: number): void {
    const body = this.src.spec.payloads?.length ? payloadText(this.src.payload(index)) : JSON.stringify({ messageNumber: index + 1 });
    this.enqueue(timeMs, 2 * index, body);
  }

  /** One more message sent to the queue now (an SDK SendMessage, or a test), possibly part of a chain (F95). */
  arrive(payload: unknown, options?: ArriveOptions): RequestRecord {
    // Negative keys: these ids never collide with the spec's arrivals (even) or the events (odd).
    return this.enqueue(this.src.now(), -2 * ++this.sentByCall, payloadText(payload), options?.lineage);
  }

  private enqueue(timeMs: number, idKey: number, body: string, lineage?: Lineage): RequestRecord {
    const request = this.src.createRequest({ arrivedMs: timeMs });
    const message: SqsMessage = {
      request, messageId: uuid(eventContextFor(this.src, timeMs, idKey).rng),
      body, bodyBytes: utf8Length(body), sentMs: timeMs, firstReceiveMs: -1, receiveCount: 0, state: 'visible',
    };
    if (lineage) message.lineage = lineage;
    this.queue.send(message);
    this.metrics.wake();
    this.requestPump();
    return request;
  }

  /** Same-millisecond arrivals are all queued before the pollers read (contract). */
  private requestPump(): void {
    if (this.pumpScheduled || this.disabled) return;
    this.pumpScheduled = true;
    this.src.schedule(this.src.now(), () => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    // F75: at low traffic the mapping scales back towards 5 concurrent batches.
    if (this.queue.visibleCount === 0) this.target = Math.max(this.minimum, this.busy);
    while (this.busy < this.target && this.queue.visibleCount > 0) {
      if (this.windowMs > 0 && this.queue.visibleCount < this.batchSize) {
        this.openWindow();   // F72: wait for a full batch or the end of the window
        break;
      }
      this.startBatch();
    }
    if (this.queue.visibleCount > 0 && this.busy >= this.target) this.scheduleScaleTick();
  }

  private openWindow(): void {
    if (this.windowDueMs >= 0) return;
    this.windowDueMs = this.src.now() + this.windowMs;
    this.src.schedule(this.windowDueMs, () => {
      this.windowDueMs = -1;
      if (this.busy < this.target && this.queue.visibleCount > 0) this.startBatch();
      this.pump();
    });
  }

  private scheduleScaleTick(): void {
    if (this.scaleTickScheduled || this.target >= this.cap) return;
    this.scaleTickScheduled = true;
    this.src.schedule(this.src.now() + SQS_SCALE_UP_STEP_MS, () => {
      this.scaleTickScheduled = false;
      // F75: one more concurrent batch per 200 ms while messages wait and no invoke was throttled.
      if (this.queue.visibleCount > 0 && this.busy >= this.target && !this.throttledSinceTick) {
        this.target = Math.min(this.cap, this.target + 1);
      }
      this.throttledSinceTick = false;
      this.pump();
    });
  }

  private startBatch(): void {
    const now = this.src.now();
    const batch = this.queue.receive(this.batchSize, BATCH_BYTE_LIMIT, now).filter((m) => this.keepUnexpired(m, now));
    if (batch.length === 0) return;
    let poller = this.pollers.find((l) => l.state === 'polling');
    if (!poller) {
      poller = { state: 'polling', batch: [], visibleAgainMs: 0, backoffMs: 0 };
      this.pollers.push(poller);
    }
    poller.batch = batch;
    // Taken at each receive: the console may change the function's timeout mid-run.
    poller.visibleAgainMs = now + effectiveVisibilityTimeoutMs(
      this.spec.visibilityTimeoutMs ?? SQS_DEFAULT_VISIBILITY_TIMEOUT_MS, this.windowMs, this.src.functionSpec(this.fn).timeoutMs);
    poller.backoffMs = 0;
    this.stepPoller(poller, 'batch.received');
    this.busy++;
    this.invoke(poller);
  }

  /** Messages past the retention period are deleted by SQS, not delivered. */
  private keepUnexpired(message: SqsMessage, now: number): boolean {
    if (now - message.sentMs < SQS_RETENTION_MS) return true;
    this.queue.remove(message);
    this.src.finishRequest(message.request, 'discarded');
    return false;
  }

  private stepPoller(poller: Poller, event: SqsPollerEvent['type']): void {
    poller.state = sqsPollerTable.next(poller.state, event, undefined) as SqsPollerState;
  }

  private invoke(poller: Poller): void {
    // The records as of this receive: counts and receipt handles change with each one.
    const epoch = startEpochMs(this.src);
    const inputs = poller.batch.map((m) => SqsQueue.recordInput(m, epoch, this.senderId, this.queueName));
    const ctx = eventContextFor(this.src, this.src.now(), 2 * this.invokeCount++ + 1);
    const partial = this.modelBatchResponse(poller.batch);
    const call: InvokeCall = {
      function: this.fn,
      event: undefined,
      requests: poller.batch.map((m) => m.request),
      invocationType: 'RequestResponse',   // F72: pollers invoke synchronously
      onDone: (outcome) => this.onDone(poller, outcome),
    };
    setLazyEvent(call, () => buildSqsEvent(inputs, ctx));
    const lineage = deepestLineage(poller.batch);
    if (lineage) call.lineage = lineage;
    if (partial !== undefined) {
      call.modelDefaultResponse = partial;
      // The per-message draw replaces the whole-invocation error.
      call.modelErrorRate = 0;
    }
    this.src.service.invoke(call);
  }

  /**
   * Model handlers with ReportBatchItemFailures: each message fails on its own with the
   * handler's errorRate and is reported in batchItemFailures (F80), so partial batches occur.
   */
  private modelBatchResponse(batch: SqsMessage[]): unknown {
    const handler = this.src.functionSpec(this.fn).handler;
    if (!this.spec.reportBatchItemFailures || handler.kind !== 'model') return undefined;
    const rate = handler.errorRate ?? 0;
    const failed = batch.filter(() => rate > 0 && this.failureRng() < rate);
    return { batchItemFailures: failed.map((m) => ({ itemIdentifier: m.messageId })) };
  }

  private onDone(poller: Poller, outcome: InvokeOutcome): void {
    if (outcome.status === 'throttled') return this.onThrottled(poller);
    const failed = outcome.status === 'success'
      ? sqsFailedMessages(poller.batch, outcome.response, this.spec.reportBatchItemFailures ?? false)
      : new Set(poller.batch);   // F78: a function error returns the whole batch
    for (const message of poller.batch) {
      if (failed.has(message)) continue;
      this.queue.remove(message);
      this.src.finishRequest(message.request, 'succeeded');
    }
    if (failed.size > 0) {
      const returning = poller.batch.filter((m) => failed.has(m));
      this.src.schedule(Math.max(this.src.now(), poller.visibleAgainMs), () => this.release(returning));
    }
    this.freeLane(poller, 'invoke.completed');
  }

  private freeLane(poller: Poller, event: SqsPollerEvent['type']): void {
    this.stepPoller(poller, event);
    poller.batch = [];
    this.busy--;
    this.requestPump();
  }

  /** Throttled: keep the batch in flight and retry with back-off until it becomes visible again. */
  private onThrottled(poller: Poller): void {
    this.stepPoller(poller, 'invoke.throttled');
    this.throttledSinceTick = true;
    this.target = Math.max(this.minimum, this.busy - 1);
    poller.backoffMs = nextAsyncBackoffMs(poller.backoffMs);
    const visibleAgainMs = poller.visibleAgainMs;
    const retryMs = this.src.now() + poller.backoffMs;
    if (retryMs < visibleAgainMs) {
      this.src.schedule(retryMs, () => {
        this.stepPoller(poller, 'backoff.expired');
        this.invoke(poller);
      });
      return;
    }
    this.src.schedule(visibleAgainMs, () => {
      const batch = poller.batch;
      this.freeLane(poller, 'visibility.expired');
      this.release(batch);
    });
  }

  /** F78/F79: the visibility timeout ended; redrive after maxReceiveCount receives, else show again. */
  private release(messages: SqsMessage[]): void {
    const now = this.src.now();
    for (const message of messages) {
      if (this.spec.maxReceiveCount !== undefined && message.receiveCount >= this.spec.maxReceiveCount) {
        this.queue.remove(message);
        this.src.addCounter(this.fn, 'MessagesRedrivenToDLQ', 1);
        this.src.finishRequest(message.request, 'dead-lettered');
      } else if (now - message.sentMs >= SQS_RETENTION_MS) {
        this.queue.remove(message);
        this.src.finishRequest(message.request, 'discarded');
      } else {
        this.queue.makeVisible(message);
      }
    }
    this.metrics.wake();
    this.requestPump();
  }
}

/** F95: a batch is as deep in its loop as its deepest message. */
function deepestLineage(batch: SqsMessage[]): Lineage | undefined {
  let deepest: Lineage | undefined;
  for (const m of batch) if (m.lineage && (!deepest || m.lineage.depth > deepest.depth)) deepest = m.lineage;
  return deepest;
}

export const sqsSource: SourceFactory = (src) => new SqsEventSourceMapping(src);
