// The sorting exercise of module 2: eight services, three ways of meeting Lambda (F91 async push,
// F92 sync, F72 polled by an event source mapping). Pure, so the verdict is tested in Node.
export type Way = 'async' | 'sync' | 'polled';

export const WAYS: { id: Way; label: string }[] = [
  { id: 'async', label: 'Async push' },
  { id: 'sync', label: 'Sync call' },
  { id: 'polled', label: 'Polled' },
];

export interface SortItem {
  id: string;
  name: string;
  way: Way;
  /** Shown after a check: why this is the right group. */
  why: string;
}

export const SORT_ITEMS: readonly SortItem[] = [
  { id: 's3', name: 'Amazon S3 (object created)', way: 'async', why: 'S3 hands the event over and moves on; Lambda queues it and retries on failure (F91).' },
  { id: 'api-gateway', name: 'Amazon API Gateway', way: 'sync', why: 'The HTTP client is waiting: API Gateway waits for the function’s answer (F92).' },
  { id: 'sqs', name: 'Amazon SQS', way: 'polled', why: 'A queue never calls anyone; Lambda’s event source mapping polls it (F72).' },
  { id: 'cognito', name: 'Amazon Cognito (sign-up trigger)', way: 'sync', why: 'The sign-up flow waits for the answer before it goes on: synchronous, although course notes often say push (F92).' },
  { id: 'sns', name: 'Amazon SNS', way: 'async', why: 'A topic pushes each message to its subscribers and does not wait for a result (F91).' },
  { id: 'kinesis', name: 'Amazon Kinesis Data Streams', way: 'polled', why: 'Lambda reads each shard with an event source mapping, batch by batch (F72).' },
  { id: 'alexa', name: 'Alexa (a skill request)', way: 'sync', why: 'Alexa waits for the answer it will speak: synchronous, although often listed as push (F92).' },
  { id: 'eventbridge', name: 'Amazon EventBridge (a rule)', way: 'async', why: 'A matching rule pushes the event asynchronously (F91).' },
];

export interface SortVerdict {
  right: number;
  unanswered: number;
  solved: boolean;
  wrong: string[];
}

export function checkSorting(answers: Readonly<Record<string, Way | undefined>>): SortVerdict {
  const wrong = SORT_ITEMS.filter((item) => answers[item.id] !== undefined && answers[item.id] !== item.way).map((item) => item.id);
  const unanswered = SORT_ITEMS.filter((item) => answers[item.id] === undefined).length;
  const right = SORT_ITEMS.length - wrong.length - unanswered;
  return { right, unanswered, wrong, solved: right === SORT_ITEMS.length };
}
