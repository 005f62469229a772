import type { KinesisStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';
import { buildKinesisEvent, kinesisSequenceNumber, kinesisShardFor, kinesisShardId } from './kinesis';

const input = {
  data: '{"message": "test message", "username": "test"}', partitionKey: '1', shardIndex: 6,
  sequenceNumber: kinesisSequenceNumber(6, 1), arrivalEpochMs: 1_545_084_650_987,
};

describe('Kinesis event builder', () => {
  it('builds an event that type-checks as KinesisStreamEvent and whose field set equals the AWS sample', () => {
    const event: KinesisStreamEvent = buildKinesisEvent([input], { epochMs: 0, rng: seededRng(1) });
    expect(compareFieldShapes(fieldShape(event), fieldShape(loadAwsSample('kinesis.json'))))
      .toEqual({ onlyInBuilt: [], onlyInSample: [], typeMismatches: [] });
  });

  it('base64-encodes the data, keeps the arrival time in seconds and names the shard in eventID', () => {
    const sample = loadAwsSample('kinesis.json').Records[0];
    const record = buildKinesisEvent([input], { epochMs: 0, rng: seededRng(1) }).Records[0];
    expect(record.kinesis.data).toBe(sample.kinesis.data);   // same text, same base64 as AWS's sample
    expect(record.kinesis.approximateArrivalTimestamp).toBe(1545084650.987);
    expect(record.eventID).toBe(`shardId-000000000006:${record.kinesis.sequenceNumber}`);
    expect(record.kinesis.sequenceNumber).toHaveLength(sample.kinesis.sequenceNumber.length);
  });

  it('numbers records so that string order is put order within a shard', () => {
    const seqs = [1, 2, 10, 999, 1000].map((n) => kinesisSequenceNumber(3, n));
    expect([...seqs].sort()).toEqual(seqs);
    expect(kinesisShardId(12)).toBe('shardId-000000000012');
  });

  it('maps a partition key to the same shard every time, and spreads keys over all shards', () => {
    const shards = new Set<number>();
    for (let k = 0; k < 200; k++) {
      const shard = kinesisShardFor(`key-${k}`, 8);
      expect(kinesisShardFor(`key-${k}`, 8)).toBe(shard);
      shards.add(shard);
    }
    expect([...shards].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
