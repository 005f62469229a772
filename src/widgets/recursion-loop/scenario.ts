// The loop lesson 11 shows: an SQS consumer that sends its result back to the queue it reads.
import type { Scenario } from '../../../simulator/index';

export const LOOP_HANDLER = `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const QUEUE_URL = process.env.QUEUE_URL; // meant to be the NEXT step's queue...

export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    order.status = 'priced';
    // ...but QUEUE_URL names this function's own queue: every message comes back.
    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(order) }));
  }
};
`;

export const LOOP_SCENARIO: Scenario = {
  seed: 95,
  durationMs: 60_000,
  aws: {
    queues: [
      { name: 'orders', deadLetterQueue: 'orders-dlq', maxReceiveCount: 2, sends: { arrivals: { at: [0] }, payloads: [{ id: 'o-1', status: 'new' }] } },
      { name: 'orders-dlq' },
    ],
  },
  functions: [{
    name: 'price-order', memoryMB: 128, timeoutMs: 3000,
    environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders' },
    handler: { kind: 'code', source: LOOP_HANDLER },
  }],
  sources: [{ name: 'orders mapping', type: 'sqs', function: 'price-order', queue: 'orders', arrivals: { at: [] } }],
};
