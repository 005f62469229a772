import { describe, expect, it } from 'vitest';
import { sqsFailedMessages } from './sqsBatchResponse';

const batch = ['id1', 'id2', 'id3', 'id4', 'id5'].map((messageId) => ({ messageId }));
const ids = (s: Set<{ messageId: string }>) => [...s].map((m) => m.messageId).sort();

describe('SQS partial batch responses', () => {
  it('F80: only the messages named in batchItemFailures go back to the queue', () => {
    expect(ids(sqsFailedMessages(batch, { batchItemFailures: [{ itemIdentifier: 'id2' }, { itemIdentifier: 'id4' }] }, true))).toEqual(['id2', 'id4']);
  });

  it('F80: an empty or null list, or a null or empty response, is a complete success', () => {
    for (const response of [{ batchItemFailures: [] }, { batchItemFailures: null }, null, undefined, '', {}]) {
      expect(sqsFailedMessages(batch, response, true).size).toBe(0);
    }
  });

  it('F80: an empty, null or unknown itemIdentifier, or a wrong key name, fails the whole batch', () => {
    for (const item of [{ itemIdentifier: '' }, { itemIdentifier: null }, { itemIdentifier: 'nope' }, { itemId: 'id1' }]) {
      expect(sqsFailedMessages(batch, { batchItemFailures: [{ itemIdentifier: 'id1' }, item] }, true).size).toBe(5);
    }
    expect(sqsFailedMessages(batch, 'not json', true).size).toBe(5);
    expect(sqsFailedMessages(batch, { batchItemFailures: 'id1' }, true).size).toBe(5);
  });

  it('F80: without ReportBatchItemFailures the response is ignored and a returned batch succeeds', () => {
    expect(sqsFailedMessages(batch, { batchItemFailures: [{ itemIdentifier: 'id1' }] }, false).size).toBe(0);
  });
});
