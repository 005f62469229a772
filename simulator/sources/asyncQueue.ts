// Lambda's internal queue for asynchronous invocation of one function (F63-F66, F69): events
// wait here, run, are retried after function errors (1 min, then 2 min), go back to the queue
// when throttled, and end succeeded, dead-lettered (on-failure destination) or discarded.
import type { RequestRecord } from '../trace/records';
import {
  asyncDispatcherTable, nextAsyncBackoffMs, type AsyncDispatcherEvent, type AsyncDispatcherState,
} from './asyncDispatcherMachine';
import { asyncEventTable, type AsyncEventContext, type AsyncEventEvent, type AsyncEventState } from './asyncEventMachine';
import { setLazyEvent } from './eventContext';
import type { InvokeCall, InvokeOutcome, Lineage, SourceContext } from './types';

/** F63: the second run comes 1 minute after the first fails, the third 2 minutes after the second. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];
/** F65: MaximumEventAgeInSeconds defaults to 21,600 s (6 h); MaximumRetryAttempts to 2. */
export const DEFAULT_MAXIMUM_EVENT_AGE_MS = 21_600_000;
export const DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;
/** Every cap is a reported error, not a silent stop (style.md 9). */
const MAX_QUEUE_LENGTH = 5_000_000;

interface AsyncEntry {
  request: RequestRecord;
  /** Built on first read and kept: every retry delivers the same event. */
  buildEvent: () => unknown;
  event?: { value: unknown };
  state: AsyncEventState;
  context: AsyncEventContext;
  /** F95: the chain the event belongs to; every retry carries the same lineage. */
  lineage?: Lineage;
}

export class AsyncQueue {
  private ready: AsyncEntry[] = [];
  private head = 0;
  private dispatcher: AsyncDispatcherState = asyncDispatcherTable.initial as AsyncDispatcherState;
  private backoffMs = 0;
  private pumpScheduled = false;

  constructor(private readonly src: SourceContext, private readonly functionName: string) {}

  /** Read at each use: the console may change a function's async settings mid-run. */
  private get config() {
    const async = this.src.functionSpec(this.functionName).async ?? {};
    return {
      maximumEventAgeMs: async.maximumEventAgeMs ?? DEFAULT_MAXIMUM_EVENT_AGE_MS,
      maximumRetryAttempts: async.maximumRetryAttempts ?? DEFAULT_MAXIMUM_RETRY_ATTEMPTS,
      onSuccess: async.onSuccess,
      onFailure: async.onFailure,
    };
  }

  /** The caller already has its 202 (F61); the event now waits for the function. */
  enqueue(request: RequestRecord, buildEvent: () => unknown, lineage?: Lineage): void {
    request.statusCode = 202;
    this.src.addCounter(this.functionName, 'AsyncEventsReceived', 1);
    const context = { functionErrors: 0, maximumRetryAttempts: 0, hasOnFailure: false };
    const entry: AsyncEntry = { request, buildEvent, state: asyncEventTable.initial as AsyncEventState, context };
    if (lineage) entry.lineage = lineage;
    this.pushReady(entry);
  }

  get length(): number {
    return this.ready.length - this.head;
  }

  private pushReady(entry: AsyncEntry): void {
    if (this.length >= MAX_QUEUE_LENGTH) throw new Error(`async queue of ${this.functionName} exceeds ${MAX_QUEUE_LENGTH} events`);
    this.ready.push(entry);
    this.stepDispatcher('event.queued');
    this.requestPump();
  }

  private stepDispatcher(event: AsyncDispatcherEvent['type']): void {
    this.dispatcher = asyncDispatcherTable.next(this.dispatcher, event, undefined) as AsyncDispatcherState;
  }

  private stepEntry(entry: AsyncEntry, event: AsyncEventEvent['type']): void {
    const config = this.config;
    entry.context.maximumRetryAttempts = config.maximumRetryAttempts;
    entry.context.hasOnFailure = config.onFailure !== undefined;
    entry.state = asyncEventTable.next(entry.state, event, entry.context) as AsyncEventState;
  }

  /** Same-millisecond arrivals are all queued before the queue is read (contract). */
  private requestPump(): void {
    if (this.pumpScheduled || this.dispatcher !== 'dispatching') return;
    this.pumpScheduled = true;
    this.src.schedule(this.src.now(), () => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.dispatcher === 'dispatching') {
      if (this.head === this.ready.length) {
        this.ready = [];
        this.head = 0;
        this.stepDispatcher('queue.drained');
        return;
      }
      if (this.head > 4096 && this.head * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.head);
        this.head = 0;
      }
      // A throttled entry goes back into the slot it came from (onThrottled).
      this.dispatch(this.ready[this.head++]);
    }
  }

  private dispatch(entry: AsyncEntry): void {
    const now = this.src.now();
    const expiresMs = entry.request.arrivedMs + this.config.maximumEventAgeMs;
    if (now > expiresMs) {
      this.stepEntry(entry, 'age.exceeded');
      this.finish(entry, expiresMs);      // F65: condition EventAgeExceeded
      return;
    }
    this.stepEntry(entry, 'dispatch');
    let throttled = false;
    const call: InvokeCall = {
      function: this.functionName,
      event: undefined,
      requests: [entry.request],
      invocationType: 'Event',
      onDone: (outcome) => {
        if (outcome.status === 'throttled') throttled = true;
        this.onDone(entry, outcome);
      },
    };
    if (entry.lineage) call.lineage = entry.lineage;
    setLazyEvent(call, () => (entry.event ??= { value: entry.buildEvent() }).value);
    this.src.service.invoke(call);
    if (!throttled) {
      this.backoffMs = 0;
      this.src.recordSeries(this.functionName, 'AsyncEventAge', now, now - entry.request.arrivedMs);
    }
  }

  private onDone(entry: AsyncEntry, outcome: InvokeOutcome): void {
    if (outcome.status === 'throttled') return this.onThrottled(entry, outcome.reason);
    if (outcome.status === 'recursion-stopped') {
      this.stepEntry(entry, 'recursion.stopped');   // F95
      return this.finish(entry, this.src.now());
    }
    if (outcome.status === 'success') {
      this.stepEntry(entry, 'invoke.succeeded');
      return this.finish(entry, this.src.now());
    }
    entry.context.functionErrors++;
    this.stepEntry(entry, 'invoke.failed');
    if (entry.state !== 'awaitingRetry') return this.finish(entry, this.src.now());
    const delayMs = ASYNC_RETRY_DELAYS_MS[Math.min(entry.context.functionErrors, ASYNC_RETRY_DELAYS_MS.length) - 1];
    this.src.schedule(this.src.now() + delayMs, () => {
      this.stepEntry(entry, 'retry.due');
      this.pushReady(entry);
    });
  }

  private onThrottled(entry: AsyncEntry, reason: string): void {
    const reserved = this.src.functionSpec(this.functionName).reservedConcurrency;
    if (reason === 'ReservedFunctionConcurrentInvocationLimitExceeded' && reserved === 0) {
      this.stepEntry(entry, 'reservedConcurrency.zero');   // F66
      return this.finish(entry, this.src.now());
    }
    // F64: back to the front of the queue; the reader waits before it tries again.
    this.stepEntry(entry, 'invoke.throttled');
    this.ready[--this.head] = entry;
    this.stepDispatcher('invoke.throttled');
    this.backoffMs = nextAsyncBackoffMs(this.backoffMs);
    this.src.schedule(this.src.now() + this.backoffMs, () => {
      this.stepDispatcher('backoff.expired');
      this.requestPump();
    });
  }

  private finish(entry: AsyncEntry, finishedMs: number): void {
    const outcome = entry.state === 'succeeded' ? 'succeeded' : entry.state === 'deadLettered' ? 'dead-lettered' : 'discarded';
    if (outcome === 'succeeded' && this.config.onSuccess) this.src.addCounter(this.functionName, 'OnSuccessDeliveries', 1);
    if (outcome === 'dead-lettered') this.src.addCounter(this.functionName, 'OnFailureDeliveries', 1);
    if (outcome === 'discarded') this.src.addCounter(this.functionName, 'AsyncEventsDropped', 1);
    this.src.finishRequest(entry.request, outcome, { statusCode: 202, finishedMs });
  }
}
