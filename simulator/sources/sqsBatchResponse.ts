// Partial batch responses for SQS (F80): with ReportBatchItemFailures only the messages the
// function names return to the queue; a malformed answer fails the whole batch.

interface HasMessageId {
  messageId: string;
}

/** The messages that go back to the queue after a successful invoke. */
export function sqsFailedMessages<M extends HasMessageId>(batch: M[], response: unknown, reportBatchItemFailures: boolean): Set<M> {
  if (!reportBatchItemFailures) return new Set();
  const all = new Set(batch);
  // F80: a null or empty response, or a null or empty list, is a complete success.
  if (response === null || response === undefined || response === '') return new Set();
  if (typeof response !== 'object' || Array.isArray(response)) return all;
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return new Set();
  if (!Array.isArray(failures)) return all;
  const byId = new Map(batch.map((m) => [m.messageId, m]));
  const failed = new Set<M>();
  for (const item of failures) {
    const id = item && typeof item === 'object' ? (item as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    // F80: an empty, null or unknown itemIdentifier, or a wrong key name, fails the whole batch.
    if (typeof id !== 'string' || id === '' || !byId.has(id)) return all;
    failed.add(byId.get(id)!);
  }
  return failed;
}
