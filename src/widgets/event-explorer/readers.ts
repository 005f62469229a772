// For each sample event (simulator sampleEvent), the few lines of a handler that read it. The
// lines are real code: the explorer runs them on the event at build time and shows what they
// return, and a test runs them too, so the page can never show a field the event lacks.
import type { SampleEventKind } from '../../../simulator/index';

export interface EventReader {
  kind: SampleEventKind;
  label: string;
  /** Who sends it and how (F91 async, F92 sync, F72 polled). */
  from: string;
  /** The handler's body: reads the event and returns what it found. */
  body: string;
}

export const EVENT_READERS: readonly EventReader[] = [
  { kind: 's3', label: 'S3 put', from: 'Amazon S3 pushes it asynchronously when an object is created (F91).', body:
`const record = event.Records[0];
// Object keys arrive URL-encoded: a space is '+'.
const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
return { bucket: record.s3.bucket.name, key, size: record.s3.object.size };` },
  { kind: 'apigw-v1', label: 'API Gateway REST API (v1)', from: 'API Gateway calls the function synchronously and waits (F92).', body:
`const order = JSON.parse(event.body);   // the body is a string
return { method: event.httpMethod, path: event.path, orderId: order.orderId };` },
  { kind: 'apigw-v2', label: 'API Gateway HTTP API (v2)', from: 'An HTTP API calls synchronously, with payload format 2.0 (F92).', body:
`const { method, path } = event.requestContext.http;
return { method, path, routeKey: event.routeKey };` },
  { kind: 'sns', label: 'SNS notification', from: 'Amazon SNS pushes it asynchronously (F91).', body:
`const sns = event.Records[0].Sns;
return { subject: sns.Subject, order: JSON.parse(sns.Message).orderId };` },
  { kind: 'sqs', label: 'SQS message', from: 'An event source mapping polls the queue and sends a batch (F72).', body:
`// A batch: one record per message.
return event.Records.map((r) => ({ messageId: r.messageId, order: JSON.parse(r.body).orderId }));` },
  { kind: 'kinesis', label: 'Kinesis Data Streams', from: 'An event source mapping polls each shard and sends a batch (F72).', body:
`// Record data is base64.
return event.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8')).orderId);` },
  { kind: 'dynamodb', label: 'DynamoDB Streams', from: 'An event source mapping polls the table’s stream (F72).', body:
`// Attribute values are typed: { S: 'text' }, { N: '2' }.
return event.Records.map((r) => ({ change: r.eventName, item: r.dynamodb.NewImage.item.S, quantity: Number(r.dynamodb.NewImage.quantity.N) }));` },
  { kind: 'eventbridge', label: 'EventBridge scheduled event', from: 'An EventBridge rule pushes it asynchronously (F91).', body:
`return { type: event['detail-type'], at: event.time };` },
];

/** Runs a reader's body on an event, as the handler would. */
export function readEvent(reader: EventReader, event: unknown): unknown {
  return new Function('event', 'Buffer', reader.body)(event, (globalThis as { Buffer?: unknown }).Buffer);
}

export function handlerSource(reader: EventReader): string {
  return `export const handler = async (event) => {\n${reader.body.split('\n').map((l) => `  ${l}`).join('\n')}\n};`;
}
