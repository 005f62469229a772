// Simulated SQS standard queues: SendMessage and SendMessageBatch put messages in a queue;
// a queue polled by an SQS event source mapping hands each message to it, any other queue
// keeps it (counted as waiting). A mapping's redrive moves messages to the queue's DLQ.
import type { SQSMessageAttributes } from 'aws-lambda';
import type { AwsQueueSpec } from '../scenario/types';
import { md5Hex } from '../sources/events/md5';
import { awsError, ok, unknownOperation, validation } from './errors';
import { latencyOf } from './latency';
import { ACCOUNT_ID, uuidFrom, type AwsEnv } from './env';
import { nextLineage, type AwsResult, type AwsService, type Caller, type Lineage, type Respond } from './types';

export interface QueueMessage {
  messageId: string;
  body: string;
  /** In the shape Lambda's SQS event shows them (stringValue, dataType, ...). */
  messageAttributes: SQSMessageAttributes;
  lineage: Lineage;
}

export interface QueueConsumer {
  receive(message: QueueMessage): void;
}

interface Queue {
  spec: AwsQueueSpec;
  /** Mappings polling the queue; they compete, so each message goes to one, in turn. */
  consumers: QueueConsumer[];
  next: number;
  waiting: number;
}

/** SendMessageBatch takes at most 10 entries (SQS API reference). */
const MAX_BATCH_ENTRIES = 10;
const NO_QUEUE = () => awsError('QueueDoesNotExist', 'The specified queue does not exist.', 400);

/** SDK input attributes ({ DataType, StringValue }) as Lambda's SQS records show them. */
function lambdaAttributes(input: unknown): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  if (!input || typeof input !== 'object') return out;
  for (const [name, a] of Object.entries(input as Record<string, any>)) {
    out[name] = {
      ...(a?.StringValue !== undefined ? { stringValue: String(a.StringValue) } : {}),
      ...(a?.BinaryValue !== undefined ? { binaryValue: String(a.BinaryValue) } : {}),
      stringListValues: [], binaryListValues: [], dataType: String(a?.DataType ?? 'String'),
    };
  }
  return out;
}

export class SqsService implements AwsService {
  private readonly queues = new Map<string, Queue>();
  readonly totals = { sent: 0, delivered: 0, deadLettered: 0 };

  constructor(private readonly env: AwsEnv, specs: AwsQueueSpec[]) {
    for (const spec of specs) this.queues.set(spec.name, { spec, consumers: [], next: 0, waiting: 0 });
  }

  queueUrl = (name: string) => `https://sqs.${this.env.region}.amazonaws.com/${ACCOUNT_ID}/${name}`;

  spec(name: string): AwsQueueSpec | undefined {
    return this.queues.get(name)?.spec;
  }

  attachConsumer(name: string, consumer: QueueConsumer): void {
    this.queues.get(name)?.consumers.push(consumer);
  }

  waiting(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, q] of this.queues) out[name] = q.waiting;
    return out;
  }

  private nameOf(input: Record<string, any>): string {
    const url = String(input.QueueUrl ?? '');
    return url.slice(url.lastIndexOf('/') + 1);
  }

  resourceArn(op: string, input: Record<string, any>): string {
    return `arn:aws:sqs:${this.env.region}:${ACCOUNT_ID}:${op === 'GetQueueUrl' ? input.QueueName : this.nameOf(input)}`;
  }

  latency(op: string, input: Record<string, any>) {
    return latencyOf('sqs', this.queues.get(op === 'GetQueueUrl' ? String(input.QueueName) : this.nameOf(input))?.spec);
  }

  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void {
    respond(this.run(op, input, nextLineage(caller)));
  }

  private run(op: string, input: Record<string, any>, lineage: Lineage): AwsResult {
    if (op === 'GetQueueUrl') return this.queues.has(String(input.QueueName)) ? ok({ QueueUrl: this.queueUrl(String(input.QueueName)) }) : NO_QUEUE();
    const name = this.nameOf(input);
    if (!this.queues.has(name)) return NO_QUEUE();
    if (op === 'SendMessage') {
      if (typeof input.MessageBody !== 'string' || input.MessageBody === '') return validation('The request must contain the parameter MessageBody.', 'MissingParameter');
      return ok(this.sendOne(name, input, lineage));
    }
    if (op !== 'SendMessageBatch') return unknownOperation('SQS', op);
    const entries: any[] = Array.isArray(input.Entries) ? input.Entries : [];
    if (entries.length === 0) return awsError('EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.');
    if (entries.length > MAX_BATCH_ENTRIES) {
      return awsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`);
    }
    const successful = entries.map((e) => ({ Id: e.Id, ...this.sendOne(name, e, lineage) }));
    return ok({ Successful: successful, Failed: [] });
  }

  private sendOne(name: string, entry: Record<string, any>, lineage: Lineage) {
    const message: QueueMessage = {
      messageId: uuidFrom(() => this.env.random()), body: String(entry.MessageBody),
      messageAttributes: lambdaAttributes(entry.MessageAttributes), lineage,
    };
    const delayMs = Math.max(0, Math.min(900, Number(entry.DelaySeconds ?? 0))) * 1000;
    if (delayMs > 0) this.env.schedule(this.env.now() + delayMs, () => this.deliver(name, message));
    else this.deliver(name, message);
    const attributes = Object.keys(message.messageAttributes).length ? { MD5OfMessageAttributes: md5Hex(JSON.stringify(entry.MessageAttributes)) } : {};
    return { MessageId: message.messageId, MD5OfMessageBody: md5Hex(message.body), ...attributes };
  }

  /** A message enters the queue: a mapping takes it, or it waits. */
  deliver(name: string, message: QueueMessage): void {
    const q = this.queues.get(name)!;
    this.totals.sent++;
    if (q.consumers.length > 0) {
      this.totals.delivered++;
      q.consumers[q.next++ % q.consumers.length].receive(message);
    } else q.waiting++;
  }

  /** Sent from outside the account (aws.queues[].sends, SNS fan-out). */
  sendText(name: string, body: string, lineage: Lineage, messageAttributes: SQSMessageAttributes = {}): void {
    this.deliver(name, { messageId: uuidFrom(() => this.env.random()), body, messageAttributes, lineage });
  }

  /** The mapping's redrive: true when the queue has a DLQ and the message went there. */
  deadLetter(name: string, message: QueueMessage): boolean {
    const dlq = this.queues.get(name)?.spec.deadLetterQueue;
    if (!dlq) return false;
    this.totals.deadLettered++;
    this.deliver(dlq, message);
    return true;
  }
}
