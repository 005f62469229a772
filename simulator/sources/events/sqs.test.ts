import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';
import { md5Hex } from './md5';
import { buildSqsEvent, buildSqsRecord, type SqsMessageInput } from './sqs';

const ctx = (seed = 7) => ({ epochMs: 1_545_082_649_185, rng: seededRng(seed) });
const message: SqsMessageInput = {
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d', body: 'Test message.', sentEpochMs: 1_545_082_649_183,
  firstReceiveEpochMs: 1_545_082_649_185, receiveCount: 1, senderId: 'AIDAIENQZJOLO23YVJ4VO',
};

describe('SQS event builder', () => {
  it('builds a record whose field set equals the AWS sample record', () => {
    const sample = loadAwsSample('sqs.json');
    const record: SQSRecord = buildSqsRecord({ ...message, messageAttributes: sample.Records[0].messageAttributes }, ctx());
    const diff = compareFieldShapes(fieldShape(record), fieldShape(sample.Records[0]));
    expect(diff).toEqual({ onlyInBuilt: [], onlyInSample: [], typeMismatches: [] });
  });

  it('builds an event that type-checks as SQSEvent and has the sample event field set', () => {
    const sample = loadAwsSample('sqs.json');
    const event: SQSEvent = buildSqsEvent([message, { ...message, messageId: 'm2', body: '{"message": "foo1"}' }], ctx());
    const diff = compareFieldShapes(fieldShape(event), fieldShape(sample));
    // The sample's second record was redriven from a DLQ in the console; Lambda adds that
    // attribute only then. Its first record's attributes give `messageAttributes.testAttr`.
    expect(diff.onlyInSample.sort()).toEqual([
      'Records[].attributes.DeadLetterQueueSourceArn',
      'Records[].messageAttributes.testAttr',
      'Records[].messageAttributes.testAttr.binaryValue',
      'Records[].messageAttributes.testAttr.dataType',
      'Records[].messageAttributes.testAttr.stringValue',
    ]);
    expect(diff.onlyInBuilt).toEqual([]);
    expect(diff.typeMismatches).toEqual([]);
  });

  it('puts the real MD5 of the body in md5OfBody and the receive count as a string (F78)', () => {
    const record = buildSqsRecord({ ...message, body: '{"orderId":42}', receiveCount: 3 }, ctx());
    expect(record.md5OfBody).toBe(md5Hex('{"orderId":42}'));
    expect(record.attributes.ApproximateReceiveCount).toBe('3');
    expect(record.attributes.SentTimestamp).toBe('1545082649183');
    expect(record.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:lambda-lab-queue');
  });

  it('gives each receive a fresh receipt handle but keeps the message id', () => {
    const rng = seededRng(3);
    const first = buildSqsRecord(message, { epochMs: 0, rng });
    const second = buildSqsRecord({ ...message, receiveCount: 2 }, { epochMs: 0, rng });
    expect(second.messageId).toBe(first.messageId);
    expect(second.receiptHandle).not.toBe(first.receiptHandle);
  });

  it('is deterministic for the same seed and clock', () => {
    expect(buildSqsEvent([message], ctx(11))).toEqual(buildSqsEvent([message], ctx(11)));
  });
});
