// Simulated SNS topics: Publish fans a message out to every subscription, Lambda functions
// (SNS sources, invoked asynchronously) and SQS queues (the JSON envelope as the body).
import type { SNSMessageAttributes } from 'aws-lambda';
import type { AwsTopicSpec } from '../scenario/types';
import { awsError, ok, unknownOperation, validation } from './errors';
import { latencyOf } from './latency';
import { ACCOUNT_ID, uuidFrom, type AwsEnv } from './env';
import type { SqsService } from './sqs';
import { nextLineage, type AwsService, type Caller, type Lineage, type Respond } from './types';

export interface SnsDelivery {
  messageId: string;
  topicName: string;
  message: string;
  subject?: string;
  messageAttributes: SNSMessageAttributes;
}

interface Topic {
  spec: AwsTopicSpec;
  subscribers: ((delivery: SnsDelivery, lineage: Lineage) => void)[];
}

/** Publish takes at most 256 KB (SNS API reference, Publish). */
export const SNS_MAX_MESSAGE_BYTES = 262_144;

function snsAttributes(input: unknown): SNSMessageAttributes {
  const out: SNSMessageAttributes = {};
  if (!input || typeof input !== 'object') return out;
  for (const [name, a] of Object.entries(input as Record<string, any>)) {
    out[name] = { Type: String(a?.DataType ?? 'String'), Value: String(a?.StringValue ?? a?.BinaryValue ?? '') };
  }
  return out;
}

export class SnsService implements AwsService {
  private readonly topics = new Map<string, Topic>();
  readonly totals = { published: 0, deliveries: 0 };

  constructor(private readonly env: AwsEnv, specs: AwsTopicSpec[], private readonly sqs: SqsService) {
    for (const spec of specs) this.topics.set(spec.name, { spec, subscribers: [] });
  }

  topicArn = (name: string) => `arn:aws:sns:${this.env.region}:${ACCOUNT_ID}:${name}`;

  subscribe(topic: string, deliver: (delivery: SnsDelivery, lineage: Lineage) => void): void {
    this.topics.get(topic)?.subscribers.push(deliver);
  }

  private nameOf(input: Record<string, any>): string {
    const arn = String(input.TopicArn ?? '');
    return arn.slice(arn.lastIndexOf(':') + 1);
  }

  resourceArn(_op: string, input: Record<string, any>): string {
    return String(input.TopicArn ?? '');
  }

  latency(_op: string, input: Record<string, any>) {
    return latencyOf('sns', this.topics.get(this.nameOf(input))?.spec);
  }

  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void {
    if (op !== 'Publish') return respond(unknownOperation('SNS', op));
    const topic = this.topics.get(this.nameOf(input));
    if (!topic || input.TopicArn !== this.topicArn(topic.spec.name)) return respond(awsError('NotFoundException', 'Topic does not exist', 404));
    if (typeof input.Message !== 'string' || input.Message === '') return respond(validation('Empty message', 'InvalidParameterException'));
    if (new TextEncoder().encode(input.Message).length > SNS_MAX_MESSAGE_BYTES) {
      return respond(awsError('InvalidParameterException', 'Invalid parameter: Message too long'));
    }
    const messageId = uuidFrom(() => this.env.random());
    this.publish(topic, { messageId, topicName: topic.spec.name, message: input.Message, subject: input.Subject, messageAttributes: snsAttributes(input.MessageAttributes) }, nextLineage(caller));
    respond(ok({ MessageId: messageId }));
  }

  private publish(topic: Topic, delivery: SnsDelivery, lineage: Lineage): void {
    this.totals.published++;
    for (const deliver of topic.subscribers) {
      this.totals.deliveries++;
      deliver(delivery, lineage);
    }
    for (const queue of topic.spec.queues ?? []) {
      this.totals.deliveries++;
      this.sqs.sendText(queue, JSON.stringify({
        Type: 'Notification', MessageId: delivery.messageId, TopicArn: this.topicArn(topic.spec.name),
        ...(delivery.subject ? { Subject: delivery.subject } : {}), Message: delivery.message,
        Timestamp: new Date(this.env.epochMs + this.env.now()).toISOString(), SignatureVersion: '1',
      }), lineage);
    }
  }
}
