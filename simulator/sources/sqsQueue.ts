// An SQS standard queue as an event source mapping sees it (F78, F79): messages are visible,
// in flight (hidden for the visibility timeout after a receive) or gone (deleted, redriven to
// the queue's DLQ, or past the retention period). Messages are plain records, not actors:
// 100k of them must stay cheap (stack.md §2.5).
import type { RequestRecord } from '../trace/records';
import type { SqsMessageInput } from './events/sqs';
import type { Lineage } from './types';

/** SQS's default MessageRetentionPeriod: 4 days (SQS API reference, SetQueueAttributes). */
export const SQS_RETENTION_MS = 345_600_000;
const MAX_MESSAGES = 5_000_000;

export interface SqsMessage {
  request: RequestRecord;
  messageId: string;
  body: string;
  bodyBytes: number;
  sentMs: number;
  firstReceiveMs: number;            // -1 until the first receive
  receiveCount: number;
  state: 'visible' | 'inFlight' | 'gone';
  /** F95: set only on messages sent by an invocation that belongs to a chain. */
  lineage?: Lineage;
}

export class SqsQueue {
  private visible: SqsMessage[] = [];
  private head = 0;
  private all: SqsMessage[] = [];
  private oldest = 0;
  inFlightCount = 0;

  get visibleCount(): number {
    return this.visible.length - this.head;
  }

  send(message: SqsMessage): void {
    if (this.all.length >= MAX_MESSAGES) throw new Error(`SQS queue holds more than ${MAX_MESSAGES} messages`);
    this.all.push(message);
    this.visible.push(message);
  }

  /** Visible messages in the order they became visible, up to count and byteLimit (F72: 6 MB). */
  receive(count: number, byteLimit: number, nowMs: number): SqsMessage[] {
    const batch: SqsMessage[] = [];
    let bytes = 0;
    while (batch.length < count && this.head < this.visible.length) {
      const message = this.visible[this.head];
      if (batch.length > 0 && bytes + message.bodyBytes > byteLimit) break;
      this.head++;
      bytes += message.bodyBytes;
      message.state = 'inFlight';
      message.receiveCount++;
      if (message.firstReceiveMs < 0) message.firstReceiveMs = nowMs;
      batch.push(message);
    }
    this.inFlightCount += batch.length;
    if (this.head > 4096 && this.head * 2 > this.visible.length) {
      this.visible = this.visible.slice(this.head);
      this.head = 0;
    }
    return batch;
  }

  /** The message leaves the queue: deleted after success, moved to the DLQ, or expired. */
  remove(message: SqsMessage): void {
    if (message.state === 'inFlight') this.inFlightCount--;
    message.state = 'gone';
  }

  /** The visibility timeout ran out: the message can be received again (F78). */
  makeVisible(message: SqsMessage): void {
    this.inFlightCount--;
    message.state = 'visible';
    this.visible.push(message);
  }

  /** Send time of the oldest message still in the queue, or -1 when it is empty. */
  oldestSentMs(): number {
    while (this.oldest < this.all.length && this.all[this.oldest].state === 'gone') this.oldest++;
    return this.oldest < this.all.length ? this.all[this.oldest].sentMs : -1;
  }

  /** The record fields Lambda shows for this receive (attributes as strings, F78). */
  static recordInput(message: SqsMessage, startEpochMs: number, senderId: string, queueName: string): SqsMessageInput {
    return {
      messageId: message.messageId,
      body: message.body,
      sentEpochMs: startEpochMs + Math.round(message.sentMs),
      firstReceiveEpochMs: startEpochMs + Math.round(message.firstReceiveMs),
      receiveCount: message.receiveCount,
      senderId,
      queueName,
    };
  }
}
