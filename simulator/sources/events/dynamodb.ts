// DynamoDB Streams records: keys and images in DynamoDB JSON (lambda-facts §3, F84, F85).
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent, StreamRecord } from 'aws-lambda';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, randomHex, utf8Length, type EventContext } from './encoding';
import { md5Hex } from './md5';

export type DynamoDbItem = Record<string, AttributeValue>;
export type StreamViewType = NonNullable<StreamRecord['StreamViewType']>;

export interface DynamoDbChangeInput {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: DynamoDbItem;
  newImage?: DynamoDbItem;      // absent for REMOVE
  oldImage?: DynamoDbItem;      // absent for INSERT
  streamViewType?: StreamViewType;   // default NEW_AND_OLD_IMAGES
  sequenceNumber: string;
  creationEpochMs: number;
  tableName?: string;
  /** Stable per record; drawn from the generator when absent. */
  eventId?: string;
}

/** Plain JSON to DynamoDB JSON: strings S, numbers N (as text), booleans BOOL, lists L, maps M. */
export function marshall(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  if (typeof value === 'object') return { M: marshallItem(value as Record<string, unknown>) };
  return { S: String(value) };
}

export function marshallItem(item: Record<string, unknown>): DynamoDbItem {
  const out: DynamoDbItem = {};
  for (const [name, value] of Object.entries(item)) out[name] = marshall(value);
  return out;
}

/**
 * Item size by DynamoDB's documented rules: attribute name bytes plus value bytes; strings are
 * UTF-8 bytes, numbers about (significant digits / 2) + 1, lists and maps 3 bytes + 1 per element.
 * The samples' SizeBytes (26 for an INSERT, 59 for a MODIFY) come out exactly.
 */
export function itemSizeBytes(item: DynamoDbItem | undefined): number {
  if (!item) return 0;
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8Length(name) + valueSizeBytes(value);
  return size;
}

function valueSizeBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSizeBytes(value.N);
  if (value.B !== undefined) return Math.floor((value.B.length * 3) / 4);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + valueSizeBytes(v), 0);
  if (value.M !== undefined) return 3 + itemSizeBytes(value.M) + Object.keys(value.M).length;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + utf8Length(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((n, s) => n + numberSizeBytes(s), 0);
  return value.BS !== undefined ? value.BS.reduce((n, s) => n + Math.floor((s.length * 3) / 4), 0) : 0;
}

function numberSizeBytes(text: string): number {
  const digits = text.replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

/** A 21-digit sequence number, fixed width so string order is write order within a shard. */
export const dynamoDbSequenceNumber = (shardIndex: number, recordIndex: number): string =>
  `${String(100 + shardIndex)}${String(recordIndex).padStart(18, '0')}`;

export function buildDynamoDbRecord(input: DynamoDbChangeInput, ctx: EventContext): DynamoDBRecord {
  const region = ctx.region ?? DEFAULT_REGION;
  const view = input.streamViewType ?? 'NEW_AND_OLD_IMAGES';
  const withNew = input.newImage && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES');
  const withOld = input.oldImage && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES');
  const dynamodb: StreamRecord = {
    ApproximateCreationDateTime: Math.floor(input.creationEpochMs / 1000),
    Keys: input.keys,
    ...(withNew ? { NewImage: input.newImage } : {}),
    ...(withOld ? { OldImage: input.oldImage } : {}),
    SequenceNumber: input.sequenceNumber,
    SizeBytes: itemSizeBytes(input.keys) + (withNew ? itemSizeBytes(input.newImage) : 0) + (withOld ? itemSizeBytes(input.oldImage) : 0),
    StreamViewType: view,
  };
  const table = `arn:aws:dynamodb:${region}:${ctx.accountId ?? DEFAULT_ACCOUNT_ID}:table/${input.tableName ?? 'lambda-lab-table'}`;
  return {
    eventID: input.eventId ?? randomHex(ctx.rng, 32),
    eventVersion: '1.1',
    dynamodb,
    awsRegion: region,
    eventName: input.eventName,
    eventSourceARN: `${table}/stream/2026-01-01T00:00:00.000`,
    eventSource: 'aws:dynamodb',
  };
}

export function buildDynamoDbEvent(changes: DynamoDbChangeInput[], ctx: EventContext): DynamoDBStreamEvent {
  return { Records: changes.map((c) => buildDynamoDbRecord(c, ctx)) };
}

/**
 * DynamoDB Streams shard ids look like `shardId-00000001536019433943-1cd5d8ad` (a 20-digit
 * number and 8 hex digits); the number here is the shard's index, so ids sort in shard order.
 */
export const dynamoDbShardId = (shardIndex: number): string =>
  `shardId-${String(shardIndex).padStart(20, '0')}-${md5Hex(`shard-${shardIndex}`).slice(0, 8)}`;
