// SNS notifications as Lambda receives them: one record per invocation (lambda-facts §3, F91).
import type { SNSEvent, SNSMessageAttributes } from 'aws-lambda';
import {
  DEFAULT_ACCOUNT_ID, DEFAULT_REGION, isoTime, randomBase64, randomHex, uuid, type EventContext,
} from './encoding';

export interface SnsMessageInput {
  message: string;
  /** null: published without a subject, as SNS then sends it. */
  subject?: string | null;
  /** The id Publish answered; drawn when absent. */
  messageId?: string;
  topicName?: string;
  messageAttributes?: SNSMessageAttributes;
}

export function buildSnsEvent(input: SnsMessageInput, ctx: EventContext): SNSEvent {
  const region = ctx.region ?? DEFAULT_REGION;
  const topicArn = `arn:aws:sns:${region}:${ctx.accountId ?? DEFAULT_ACCOUNT_ID}:${input.topicName ?? 'lambda-lab-topic'}`;
  const subscriptionArn = `${topicArn}:${uuid(ctx.rng)}`;
  const host = `https://sns.${region}.amazonaws.com`;
  return {
    Records: [{
      EventVersion: '1.0',
      EventSubscriptionArn: subscriptionArn,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: isoTime(ctx.epochMs),
        Signature: `${randomBase64(ctx.rng, 342)}==`,
        SigningCertUrl: `${host}/SimpleNotificationService-${randomHex(ctx.rng, 32)}.pem`,
        MessageId: input.messageId ?? uuid(ctx.rng),
        Message: input.message,
        MessageAttributes: input.messageAttributes ?? {},
        Type: 'Notification',
        UnsubscribeUrl: `${host}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
        TopicArn: topicArn,
        // SNS sends null for a message published without one; @types/aws-lambda omits null.
        Subject: (input.subject === undefined ? 'Lambda Lab notification' : input.subject) as string,
      },
    }],
  };
}
