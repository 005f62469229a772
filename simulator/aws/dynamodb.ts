// Simulated DynamoDB tables: GetItem, PutItem, UpdateItem, DeleteItem, Query and Scan on items in
// DynamoDB JSON (the DocumentClient marshals in the worker), provisioned capacity that throttles,
// and the table's stream feeding DynamoDB Streams mappings.
import type { AwsTableSpec } from '../scenario/types';
import { itemSizeBytes } from '../sources/events/dynamodb';
import { awsError, ok, unknownOperation, validation } from './errors';
import { latencyOf } from './latency';
import { ACCOUNT_ID, type AwsEnv } from './env';
import { CapacityBucket, readUnits, writeUnits } from './dynamoCapacity';
import { applyUpdate, evaluateCondition, ExpressionError, type ExpressionContext, type Item } from './dynamoExpressions';
import { nextLineage, type AwsResult, type AwsService, type Caller, type Lineage, type Respond } from './types';

export interface TableChange {
  tableName: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: Item;
  newImage?: Item;
  oldImage?: Item;
  /** The partition key's value as text: stream records of one key stay in order. */
  partitionKey: string;
}

interface Table {
  spec: AwsTableSpec;
  pk: string;
  sk?: string;
  partitions: Map<string, Map<string, Item>>;
  read?: CapacityBucket;
  write?: CapacityBucket;
  streams: ((change: TableChange, lineage: Lineage) => void)[];
}

const NOT_FOUND = () => awsError('ResourceNotFoundException', 'Requested resource not found');
const THROTTLED = () => awsError('ProvisionedThroughputExceededException',
  'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.');
const CONDITION_FAILED = () => awsError('ConditionalCheckFailedException', 'The conditional request failed');
const BAD_KEY = () => validation('The provided key element does not match the schema');

/** BatchWriteItem takes at most 25 put or delete requests. */
const BATCH_WRITE_MAX = 25;

const keyText = (v: Item[string] | undefined) => (v === undefined ? '' : JSON.stringify(v));

export class DynamoDbService implements AwsService {
  private readonly tables = new Map<string, Table>();
  readonly totals = { reads: 0, writes: 0, throttled: 0, streamRecords: 0, unreadStreamRecords: 0 };

  constructor(private readonly env: AwsEnv, specs: AwsTableSpec[]) {
    for (const spec of specs) {
      const provisioned = spec.billingMode === 'PROVISIONED';
      this.tables.set(spec.name, {
        spec, pk: spec.partitionKey ?? 'pk', sk: spec.sortKey, partitions: new Map(), streams: [],
        read: provisioned ? new CapacityBucket(spec.readCapacityUnits!, 0) : undefined,
        write: provisioned ? new CapacityBucket(spec.writeCapacityUnits!, 0) : undefined,
      });
    }
  }

  attachStream(table: string, deliver: (change: TableChange, lineage: Lineage) => void): void {
    this.tables.get(table)?.streams.push(deliver);
  }

  /** The table a call names; a batch names its first. */
  private tableName(input: Record<string, any>): string {
    return String(input.TableName ?? Object.keys(input.RequestItems ?? {})[0]);
  }

  resourceArn(_op: string, input: Record<string, any>): string {
    return `arn:aws:dynamodb:${this.env.region}:${ACCOUNT_ID}:table/${this.tableName(input)}`;
  }

  latency(_op: string, input: Record<string, any>) {
    return latencyOf('dynamodb', this.tables.get(this.tableName(input))?.spec);
  }

  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void {
    if (op === 'BatchWriteItem') return respond(this.batchWrite(input, nextLineage(caller)));
    const table = this.tables.get(String(input.TableName));
    if (!table) return respond(NOT_FOUND());
    const ctx: ExpressionContext = { names: input.ExpressionAttributeNames ?? {}, values: input.ExpressionAttributeValues ?? {} };
    try {
      respond(this.run(op, table, input, ctx, nextLineage(caller)));
    } catch (e) {
      if (e instanceof ExpressionError) respond(validation(e.message));
      else throw e;
    }
  }

  private run(op: string, table: Table, input: Record<string, any>, ctx: ExpressionContext, lineage: Lineage): AwsResult {
    switch (op) {
      case 'GetItem': {
        const at = this.locate(table, input.Key);
        if (!at) return BAD_KEY();
        const item = table.partitions.get(at.p)?.get(at.s);
        if (!this.consumeRead(table, itemSizeBytes(item), input.ConsistentRead === true)) return THROTTLED();
        return ok(item ? { Item: item } : {});
      }
      case 'PutItem':
      case 'DeleteItem':
      case 'UpdateItem':
        return this.write(op, table, input, ctx, lineage);
      case 'Query':
      case 'Scan':
        return this.query(op, table, input, ctx);
      default:
        return unknownOperation('DynamoDB', op);
    }
  }

  private locate(table: Table, key: Item | undefined): { p: string; s: string } | undefined {
    if (!key || key[table.pk] === undefined || (table.sk && key[table.sk] === undefined)) return undefined;
    if (Object.keys(key).length !== (table.sk ? 2 : 1)) return undefined;
    return { p: keyText(key[table.pk]), s: table.sk ? keyText(key[table.sk]) : '' };
  }

  private consumeRead(table: Table, bytes: number, consistent: boolean): boolean {
    if (table.read && !table.read.take(readUnits(bytes, consistent), this.env.now())) {
      this.totals.throttled++;
      return false;
    }
    this.totals.reads++;
    return true;
  }

  private write(op: string, table: Table, input: Record<string, any>, ctx: ExpressionContext, lineage: Lineage): AwsResult {
    const source: Item | undefined = op === 'PutItem' ? input.Item : input.Key;
    const at = this.locate(table, op === 'PutItem' && source ? { [table.pk]: source[table.pk], ...(table.sk ? { [table.sk]: source[table.sk] } : {}) } : source);
    if (!at) return op === 'PutItem' ? validation(`One or more parameter values were invalid: Missing the key ${table.pk} in the item`) : BAD_KEY();
    const partition = table.partitions.get(at.p);
    const old = partition?.get(at.s);
    if (input.ConditionExpression && !evaluateCondition(input.ConditionExpression, old ?? {}, ctx)) return CONDITION_FAILED();
    let next: Item | undefined;
    if (op === 'PutItem') next = source;
    else if (op === 'UpdateItem') next = input.UpdateExpression ? applyUpdate(input.UpdateExpression, { ...(old ?? {}), ...input.Key }, ctx) : { ...(old ?? {}), ...input.Key };
    if (table.write && !table.write.take(writeUnits(Math.max(itemSizeBytes(old), itemSizeBytes(next))), this.env.now())) {
      this.totals.throttled++;
      return THROTTLED();
    }
    this.totals.writes++;
    if (next) {
      let p = partition;
      if (!p) table.partitions.set(at.p, (p = new Map()));
      p.set(at.s, next);
    } else if (old) partition!.delete(at.s);
    if (old || next) this.toStream(table, op === 'DeleteItem' ? 'REMOVE' : old ? 'MODIFY' : 'INSERT', old, next, lineage);
    const rv = String(input.ReturnValues ?? 'NONE');
    if (rv === 'ALL_OLD' && old) return ok({ Attributes: old });
    if (rv === 'ALL_NEW' && next) return ok({ Attributes: next });
    if (rv === 'UPDATED_NEW' && next) return ok({ Attributes: Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(old?.[k]) !== JSON.stringify(v))) });
    return ok({});
  }

  /**
   * Up to 25 puts and deletes over one or more tables; a request the table's capacity cannot take
   * now comes back in UnprocessedItems for the caller to retry (DynamoDB API reference, BatchWriteItem).
   */
  private batchWrite(input: Record<string, any>, lineage: Lineage): AwsResult {
    const entries = Object.entries((input.RequestItems ?? {}) as Record<string, any[]>);
    if (entries.some(([name]) => !this.tables.has(name))) return NOT_FOUND();
    const total = entries.reduce((n, [, list]) => n + (Array.isArray(list) ? list.length : 0), 0);
    if (total === 0 || total > BATCH_WRITE_MAX) return validation('Too many items requested for the BatchWriteItem call');
    const unprocessed: Record<string, any[]> = {};
    const none: ExpressionContext = { names: {}, values: {} };
    for (const [name, list] of entries) {
      for (const request of list) {
        const put = request?.PutRequest;
        const r = put
          ? this.write('PutItem', this.tables.get(name)!, { Item: put.Item }, none, lineage)
          : this.write('DeleteItem', this.tables.get(name)!, { Key: request?.DeleteRequest?.Key }, none, lineage);
        if ('error' in r && r.error.name === 'ProvisionedThroughputExceededException') (unprocessed[name] ??= []).push(request);
        else if ('error' in r) return r;
      }
    }
    return ok({ UnprocessedItems: unprocessed });
  }

  private toStream(table: Table, eventName: TableChange['eventName'], oldImage: Item | undefined, newImage: Item | undefined, lineage: Lineage): void {
    if (!table.spec.stream) return;
    const image = (newImage ?? oldImage)!;
    const keys: Item = { [table.pk]: image[table.pk], ...(table.sk ? { [table.sk]: image[table.sk] } : {}) };
    const change: TableChange = { tableName: table.spec.name, eventName, keys, newImage, oldImage, partitionKey: keyText(image[table.pk]) };
    this.totals.streamRecords++;
    if (table.streams.length === 0) this.totals.unreadStreamRecords++;
    for (const deliver of table.streams) deliver(change, lineage);
  }

  private query(op: string, table: Table, input: Record<string, any>, ctx: ExpressionContext): AwsResult {
    let candidates: Item[];
    if (op === 'Query') {
      if (typeof input.KeyConditionExpression !== 'string') return validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
      const all = [...table.partitions.values()].flatMap((p) => [...p.values()]);
      candidates = all.filter((i) => evaluateCondition(input.KeyConditionExpression, i, ctx));
      if (table.sk) candidates.sort((a, b) => compareKey(a[table.sk!], b[table.sk!]));
      if (input.ScanIndexForward === false) candidates.reverse();
    } else candidates = [...table.partitions.values()].flatMap((p) => [...p.values()]);
    const limited = input.Limit ? candidates.slice(0, Number(input.Limit)) : candidates;
    const bytes = limited.reduce((n, i) => n + itemSizeBytes(i), 0);
    if (!this.consumeRead(table, bytes, input.ConsistentRead === true)) return THROTTLED();
    const items = input.FilterExpression ? limited.filter((i) => evaluateCondition(input.FilterExpression, i, ctx)) : limited;
    return ok({ Items: items, Count: items.length, ScannedCount: limited.length });
  }
}

function compareKey(a: Item[string] | undefined, b: Item[string] | undefined): number {
  if (a?.N !== undefined && b?.N !== undefined) return Number(a.N) - Number(b.N);
  const x = a?.S ?? ''; const y = b?.S ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
