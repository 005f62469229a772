import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { buildDynamoDbEvent, buildDynamoDbRecord, dynamoDbSequenceNumber, itemSizeBytes, marshall, marshallItem } from './dynamodb';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';

const insert = {
  eventName: 'INSERT' as const, keys: marshallItem({ Id: 101 }), newImage: marshallItem({ Message: 'New item!', Id: 101 }),
  streamViewType: 'NEW_IMAGE' as const, sequenceNumber: dynamoDbSequenceNumber(0, 1), creationEpochMs: 1_693_997_155_000,
};
const modify = {
  eventName: 'MODIFY' as const, keys: marshallItem({ Id: 101 }), oldImage: marshallItem({ Message: 'New item!', Id: 101 }),
  newImage: marshallItem({ Message: 'This item has changed', Id: 101 }), sequenceNumber: dynamoDbSequenceNumber(0, 2),
  creationEpochMs: 1_693_997_156_000,
};

describe('DynamoDB Streams event builder', () => {
  it('builds an INSERT record whose field set equals the sample INSERT record', () => {
    const sample = loadAwsSample('dynamodb-streams.json');
    const record = buildDynamoDbRecord(insert, { epochMs: 0, rng: seededRng(1) });
    expect(compareFieldShapes(fieldShape(record), fieldShape(sample.Records[0])))
      .toEqual({ onlyInBuilt: [], onlyInSample: [], typeMismatches: [] });
  });

  it('builds a MODIFY record with the sample MODIFY field set plus the creation time every record carries', () => {
    const sample = loadAwsSample('dynamodb-streams.json');
    const event: DynamoDBStreamEvent = buildDynamoDbEvent([modify], { epochMs: 0, rng: seededRng(1) });
    // The sample's MODIFY record was trimmed; its INSERT record (and AWS's documented record) has it.
    expect(compareFieldShapes(fieldShape(event.Records[0]), fieldShape(sample.Records[1])))
      .toEqual({ onlyInBuilt: ['dynamodb.ApproximateCreationDateTime'], onlyInSample: [], typeMismatches: [] });
  });

  it("computes SizeBytes by DynamoDB's item-size rules, matching both sample records exactly", () => {
    const sample = loadAwsSample('dynamodb-streams.json');
    const ctx = { epochMs: 0, rng: seededRng(1) };
    expect(buildDynamoDbRecord(insert, ctx).dynamodb?.SizeBytes).toBe(sample.Records[0].dynamodb.SizeBytes);
    expect(buildDynamoDbRecord(modify, ctx).dynamodb?.SizeBytes).toBe(sample.Records[1].dynamodb.SizeBytes);
    expect(itemSizeBytes(marshallItem({ n: 12345 }))).toBe(1 + 4);
  });

  it('writes plain JSON as DynamoDB JSON and leaves out images the view type excludes', () => {
    expect(marshall({ a: [1, 'x', true, null] })).toEqual({ M: { a: { L: [{ N: '1' }, { S: 'x' }, { BOOL: true }, { NULL: true }] } } });
    const keysOnly = buildDynamoDbRecord({ ...modify, streamViewType: 'KEYS_ONLY' }, { epochMs: 0, rng: seededRng(1) });
    expect(keysOnly.dynamodb?.NewImage).toBeUndefined();
    expect(keysOnly.dynamodb?.OldImage).toBeUndefined();
    const removed = buildDynamoDbRecord({ ...modify, eventName: 'REMOVE', newImage: undefined }, { epochMs: 0, rng: seededRng(1) });
    expect(removed.eventName).toBe('REMOVE');
    expect(removed.dynamodb?.NewImage).toBeUndefined();
    expect(removed.dynamodb?.OldImage).toEqual(modify.oldImage);
  });
});
