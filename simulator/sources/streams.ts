// Kinesis and DynamoDB Streams event source mappings (F83-F87): one poller per shard, or per
// partition-key lane with a parallelization factor, reads records in order and invokes the
// function synchronously with batches from one shard. A failing batch blocks its lane until
// it succeeds, runs out of retries or its records expire; bisecting splits it to find the
// bad record. Metric: IteratorAge, the age of the last record of each batch when read.
import type { StreamSourceSpec } from '../scenario/types';
import { buildDynamoDbEvent } from './events/dynamodb';
import { buildKinesisEvent } from './events/kinesis';
import { md5Hex } from './events/md5';
import { eventContextFor, setLazyEvent, startEpochMs } from './eventContext';
import { partitionKeyOf, placeKey, StreamWriter, type StreamEntry } from './streamRecords';
import { streamPollerTable, type StreamPollerEvent, type StreamPollerState } from './streamPollerMachine';
import type { InvokeCall, InvokeOutcome, SourceContext, SourceFactory } from './types';
import { mappingPermissionError } from '../aws/mappingPermissions';

/** F83: Kinesis shards are polled once per second; F84: DynamoDB stream shards 4 times a second. */
export const KINESIS_POLL_INTERVAL_MS = 1_000;
export const DYNAMODB_POLL_INTERVAL_MS = 250;
/** F85: default batch size 100. */
export const STREAM_DEFAULT_BATCH_SIZE = 100;
/** F86: records leave the stream after 24 h (default Kinesis retention; DynamoDB Streams). */
export const STREAM_RETENTION_MS = 86_400_000;
/** AWS does not document the pause before a failed batch is retried: doubling from the poll interval, capped. */
export const STREAM_RETRY_BACKOFF_MAX_MS = 30_000;
const BATCH_BYTE_LIMIT = 6 * 1024 * 1024; // F72/F85

interface Lane {
  state: StreamPollerState;
  records: StreamEntry[];
  next: number;
  /** Ends (exclusive) of batches still to finish, innermost last: a retried or bisected batch keeps its bounds. */
  ends: number[];
  batchEnd: number;
  lastPollMs: number;
  retries: number;
  consecutiveFailures: number;
}

export class StreamEventSourceMapping {
  private readonly spec: StreamSourceSpec;
  private readonly fn: string;
  private readonly lanes: Lane[];
  private readonly writer: StreamWriter;
  private readonly pollIntervalMs: number;
  private readonly factor: number;
  private readonly batchSize: number;
  private readonly maxRetries: number;
  private readonly maxAgeMs: number;
  private invokeCount = 0;
  /** The role could not read the stream: the mapping was never created, records just wait. */
  private disabled = false;

  constructor(private readonly src: SourceContext) {
    this.spec = src.spec as StreamSourceSpec;
    this.fn = this.spec.function;
    this.factor = this.spec.parallelizationFactor ?? 1;
    this.batchSize = this.spec.batchSize ?? STREAM_DEFAULT_BATCH_SIZE;
    this.maxRetries = this.spec.maximumRetryAttempts ?? -1;    // F86: -1 = until the records expire
    this.maxAgeMs = this.spec.maximumRecordAgeMs ?? -1;
    this.pollIntervalMs = this.spec.type === 'kinesis' ? KINESIS_POLL_INTERVAL_MS : DYNAMODB_POLL_INTERVAL_MS;
    this.writer = new StreamWriter(this.spec.type, this.spec.shards);
    // F60: concurrency = shards x ParallelizationFactor, one lane each.
    this.lanes = Array.from({ length: this.spec.shards * this.factor }, () => ({
      state: streamPollerTable.initial as StreamPollerState, records: [], next: 0, ends: [], batchEnd: 0,
      lastPollMs: -Infinity, retries: 0, consecutiveFailures: 0,
    }));
  }

  start(): void {
    this.disabled = mappingPermissionError(this.src) !== undefined;
    const keyCount = Math.max(16, this.lanes.length * 4);
    this.src.startArrivals((timeMs, index) => {
      const payload = this.src.spec.payloads?.length ? this.src.payload(index) : { recordNumber: index + 1 };
      const key = partitionKeyOf(payload, index, keyCount);
      const { shardIndex, laneInShard } = placeKey(key, this.spec.shards, this.factor);
      const lane = this.lanes[shardIndex * this.factor + laneInShard];
      lane.records.push(this.writer.entry(this.src.createRequest({ arrivedMs: timeMs }), payload, key, shardIndex, timeMs));
      const before = lane.state;
      this.step(lane, 'records.arrived');
      if (before === 'idle' && !this.disabled) this.schedulePoll(lane, false);
    });
  }

  private step(lane: Lane, event: StreamPollerEvent['type']): void {
    lane.state = streamPollerTable.next(lane.state, event, { hasMore: lane.next < lane.records.length }) as StreamPollerState;
  }

  /** F83/F84: the next read is at the lane's polling cadence, or at once while records keep coming. */
  private schedulePoll(lane: Lane, immediately: boolean): void {
    const now = this.src.now();
    const sincePollMs = now - lane.lastPollMs;
    const dueMs = immediately || sincePollMs >= this.pollIntervalMs
      ? now
      : lane.lastPollMs + this.pollIntervalMs * Math.max(1, Math.ceil(sincePollMs / this.pollIntervalMs));
    this.src.schedule(dueMs, () => {
      lane.lastPollMs = this.src.now();
      this.dropExpired(lane);
      this.step(lane, 'poll.due');
      if (lane.state === 'invoking') this.invokeBatch(lane);
    });
  }

  /** F86: records older than MaximumRecordAgeInSeconds, or past retention, are skipped. */
  private dropExpired(lane: Lane): void {
    const now = this.src.now();
    while (lane.next < lane.records.length) {
      const ageMs = now - lane.records[lane.next].arrivalMs;
      if (ageMs <= STREAM_RETENTION_MS && (this.maxAgeMs < 0 || ageMs <= this.maxAgeMs)) break;
      this.src.finishRequest(lane.records[lane.next].request, 'discarded');
      lane.next++;
    }
    while (lane.ends.length > 0 && lane.ends[lane.ends.length - 1] <= lane.next) lane.ends.pop();
  }

  private invokeBatch(lane: Lane): void {
    let end = lane.ends.length > 0 ? lane.ends[lane.ends.length - 1] : Math.min(lane.records.length, lane.next + this.batchSize);
    let bytes = 0;
    for (let i = lane.next; i < end; i++) {
      bytes += lane.records[i].bytes;
      if (bytes > BATCH_BYTE_LIMIT && i > lane.next) end = i;
    }
    lane.batchEnd = end;
    const batch = lane.records.slice(lane.next, end);
    const now = this.src.now();
    this.src.recordSeries(this.fn, 'IteratorAge', now, now - batch[batch.length - 1].arrivalMs);
    const call: InvokeCall = {
      function: this.fn,
      event: undefined,
      requests: batch.map((e) => e.request),
      invocationType: 'RequestResponse',
      onDone: (outcome) => this.onDone(lane, outcome),
    };
    const key = this.invokeCount++;
    setLazyEvent(call, () => this.buildEvent(batch, key, now));
    this.src.service.invoke(call);
  }

  private buildEvent(batch: StreamEntry[], key: number, readMs: number): unknown {
    const ctx = eventContextFor(this.src, readMs, key);
    const epoch = startEpochMs(this.src);
    if (this.spec.type === 'kinesis') {
      return buildKinesisEvent(batch.map((e) => ({
        data: e.data, partitionKey: e.partitionKey, shardIndex: e.shardIndex, sequenceNumber: e.sequenceNumber,
        arrivalEpochMs: epoch + Math.round(e.arrivalMs),
      })), ctx);
    }
    // A record keeps its eventID through retries: derive it from where it sits in the stream.
    return buildDynamoDbEvent(batch.map((e) => ({
      ...e.change!, creationEpochMs: epoch + e.arrivalMs, eventId: md5Hex(`${e.shardIndex}:${e.sequenceNumber}`),
    })), ctx);
  }

  private onDone(lane: Lane, outcome: InvokeOutcome): void {
    if (outcome.status === 'success') return this.finishBatch(lane, 'succeeded');
    if (lane.ends[lane.ends.length - 1] !== lane.batchEnd) lane.ends.push(lane.batchEnd);
    if (outcome.status === 'throttled') return this.block(lane);   // F86: throttles are not retries
    const size = lane.batchEnd - lane.next;
    if (this.spec.bisectBatchOnFunctionError && size > 1) {
      // F87: split in two and retry the first half; splitting is not a retry.
      lane.ends.push(lane.next + Math.ceil(size / 2));
      return this.block(lane);
    }
    lane.retries++;
    if (this.maxRetries >= 0 && lane.retries > this.maxRetries) return this.finishBatch(lane, 'discarded');
    this.block(lane);
  }

  private finishBatch(lane: Lane, outcome: 'succeeded' | 'discarded'): void {
    for (let i = lane.next; i < lane.batchEnd; i++) this.src.finishRequest(lane.records[i].request, outcome);
    lane.next = lane.batchEnd;
    if (lane.ends[lane.ends.length - 1] === lane.batchEnd) lane.ends.pop();
    lane.retries = 0;
    if (outcome === 'succeeded') lane.consecutiveFailures = 0;
    this.step(lane, outcome === 'succeeded' ? 'batch.succeeded' : 'batch.discarded');
    if (lane.state === 'polling') this.schedulePoll(lane, true);
    this.compact(lane);
  }

  private block(lane: Lane): void {
    lane.consecutiveFailures++;
    this.step(lane, 'batch.failed');
    const delayMs = Math.min(STREAM_RETRY_BACKOFF_MAX_MS, this.pollIntervalMs * 2 ** Math.min(lane.consecutiveFailures - 1, 16));
    this.src.schedule(this.src.now() + delayMs, () => {
      this.dropExpired(lane);
      if (lane.next >= lane.records.length) {
        this.step(lane, 'retry.due');
        lane.batchEnd = lane.next;
        return this.finishBatch(lane, 'discarded');
      }
      this.step(lane, 'retry.due');
      this.invokeBatch(lane);
    });
  }

  /** Finished records are dropped from the front so a long run does not hold them all. */
  private compact(lane: Lane): void {
    if (lane.next < 4096 || lane.next * 2 < lane.records.length) return;
    lane.records = lane.records.slice(lane.next);
    lane.ends = lane.ends.map((e) => e - lane.next);
    lane.batchEnd -= lane.next;
    lane.next = 0;
  }
}

export const streamSource: SourceFactory = (src) => new StreamEventSourceMapping(src);
