// What a Kinesis or DynamoDB stream holds for the event source mapping: each put becomes a
// record with a partition key, a shard (by MD5 of the key, as Kinesis and DynamoDB hash
// keys), a lane within the shard for the parallelization factor (F85), and a sequence number.
import type { RequestRecord } from '../trace/records';
import { dynamoDbSequenceNumber, dynamoDbShardId, marshallItem, type DynamoDbChangeInput, type DynamoDbItem } from './events/dynamodb';
import { payloadText, utf8Length } from './events/encoding';
import { kinesisSequenceNumber, kinesisShardId, shardForHashTop } from './events/kinesis';
import { md5Hex } from './events/md5';

export interface StreamEntry {
  request: RequestRecord;
  partitionKey: string;
  shardIndex: number;
  sequenceNumber: string;
  arrivalMs: number;
  /** Kinesis: the payload text before base64. */
  data: string;
  bytes: number;
  /** DynamoDB Streams: the item change. */
  change?: DynamoDbChangeInput;
}

export interface Placement {
  shardIndex: number;
  /** Lane within the shard: records with the same key always share a lane (F85). */
  laneInShard: number;
}

const placements = new Map<string, { top: number; low: number }>();

/** The key a record is written under: the payload's partitionKey or id, else one of a few keys. */
export function partitionKeyOf(payload: unknown, index: number, keyCount: number): string {
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const p = payload as Record<string, unknown>;
    for (const field of ['partitionKey', 'id', 'pk']) {
      if (typeof p[field] === 'string' || typeof p[field] === 'number') return String(p[field]);
    }
  }
  return `key-${index % keyCount}`;
}

export function placeKey(partitionKey: string, shards: number, factor: number): Placement {
  let hash = placements.get(partitionKey);
  if (hash === undefined) {
    const hex = md5Hex(partitionKey);
    hash = { top: parseInt(hex.slice(0, 8), 16), low: parseInt(hex.slice(8, 16), 16) };
    if (placements.size < 100_000) placements.set(partitionKey, hash);
  }
  return { shardIndex: shardForHashTop(hash.top, shards), laneInShard: hash.low % factor };
}

/** Builds stream entries; DynamoDB items remember their last image for MODIFY records. */
export class StreamWriter {
  private readonly counters: number[];
  private readonly shardIds: string[];
  private readonly images = new Map<string, DynamoDbItem>();

  constructor(private readonly kind: 'kinesis' | 'dynamodb-streams', shards: number) {
    this.counters = new Array<number>(shards).fill(0);
    this.shardIds = Array.from({ length: shards }, (_, i) => (kind === 'kinesis' ? kinesisShardId(i) : dynamoDbShardId(i)));
  }

  /** Also stamps the request with its shard, so the trace tells which shard a record came from. */
  entry(request: RequestRecord, payload: unknown, partitionKey: string, shardIndex: number, arrivalMs: number): StreamEntry {
    const n = ++this.counters[shardIndex];
    request.shardId = this.shardIds[shardIndex];
    const data = payloadText(payload);
    if (this.kind === 'kinesis') {
      return { request, partitionKey, shardIndex, arrivalMs, data, bytes: utf8Length(data), sequenceNumber: kinesisSequenceNumber(shardIndex, n) };
    }
    const sequenceNumber = dynamoDbSequenceNumber(shardIndex, n);
    const fields = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : { data };
    const newImage = marshallItem({ ...fields, pk: partitionKey });
    const oldImage = this.images.get(partitionKey);
    this.images.set(partitionKey, newImage);
    const change: DynamoDbChangeInput = {
      eventName: oldImage ? 'MODIFY' : 'INSERT', keys: { pk: { S: partitionKey } }, newImage, oldImage,
      sequenceNumber, creationEpochMs: 0,
    };
    return { request, partitionKey, shardIndex, arrivalMs, data, bytes: utf8Length(data) * 2, sequenceNumber, change };
  }

  /** A DynamoDB table's own change (simulator/aws), with its images as written. */
  tableEntry(request: RequestRecord, change: Omit<DynamoDbChangeInput, 'sequenceNumber' | 'creationEpochMs'>, partitionKey: string, shardIndex: number, arrivalMs: number): StreamEntry {
    const n = ++this.counters[shardIndex];
    request.shardId = this.shardIds[shardIndex];
    const sequenceNumber = dynamoDbSequenceNumber(shardIndex, n);
    const data = JSON.stringify(change.keys);
    const bytes = utf8Length(JSON.stringify(change.newImage ?? change.oldImage ?? {})) + utf8Length(data);
    return { request, partitionKey, shardIndex, arrivalMs, data, bytes, sequenceNumber, change: { ...change, sequenceNumber, creationEpochMs: 0 } };
  }
}
