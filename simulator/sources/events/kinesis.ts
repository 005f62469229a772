// Kinesis Data Streams records as the event source mapping delivers them (lambda-facts §3, F85, F88).
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, base64Utf8, type EventContext } from './encoding';
import { md5Hex } from './md5';

export interface KinesisRecordInput {
  data: string;                 // the payload text before base64
  partitionKey: string;
  shardIndex: number;
  sequenceNumber: string;
  arrivalEpochMs: number;
  streamName?: string;
}

/** `shardId-000000000006`: Kinesis pads shard numbers to 12 digits. */
export const kinesisShardId = (shardIndex: number): string => `shardId-${String(shardIndex).padStart(12, '0')}`;

/**
 * A 56-digit sequence number that grows with each record put to a shard. Real ones are opaque
 * but fixed-width per stream, so plain string order equals arrival order within a shard.
 */
export const kinesisSequenceNumber = (shardIndex: number, recordIndex: number): string =>
  `49${String(shardIndex).padStart(6, '0')}${String(recordIndex).padStart(48, '0')}`;

/**
 * Kinesis maps MD5(partition key) as a 128-bit number onto the shards' equal hash-key ranges;
 * the top 32 bits are enough to pick one of up to thousands of shards.
 */
export function kinesisShardFor(partitionKey: string, shardCount: number): number {
  return shardForHashTop(parseInt(md5Hex(partitionKey).slice(0, 8), 16), shardCount);
}

/** The shard whose hash-key range holds a key whose MD5 starts with these 32 bits. */
export function shardForHashTop(top: number, shardCount: number): number {
  return Math.min(shardCount - 1, Math.floor((top / 0x100000000) * shardCount));
}

export function buildKinesisRecord(input: KinesisRecordInput, ctx: EventContext): KinesisStreamRecord {
  const region = ctx.region ?? DEFAULT_REGION;
  const accountId = ctx.accountId ?? DEFAULT_ACCOUNT_ID;
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: input.partitionKey,
      sequenceNumber: input.sequenceNumber,
      data: base64Utf8(input.data),
      approximateArrivalTimestamp: input.arrivalEpochMs / 1000,   // seconds, with ms as fraction
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${kinesisShardId(input.shardIndex)}:${input.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${accountId}:role/lambda-lab-role`,
    awsRegion: region,
    eventSourceARN: `arn:aws:kinesis:${region}:${accountId}:stream/${input.streamName ?? 'lambda-lab-stream'}`,
  };
}

export function buildKinesisEvent(records: KinesisRecordInput[], ctx: EventContext): KinesisStreamEvent {
  return { Records: records.map((r) => buildKinesisRecord(r, ctx)) };
}
