// DynamoDB through the DocumentClient: update expressions, queries, provisioned capacity that
// throttles, and the table's stream feeding a DynamoDB Streams mapping.
import { describe, expect, it } from 'vitest';
import { runHandler } from './testkit';

const DOC = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand, UpdateCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
const client = new DynamoDBClient({});
const docClient = DynamoDBDocumentClient.from(client);`;

describe('DynamoDB tables', () => {
  it('UpdateItem with SET, if_not_exists and ADD; Query on a partition in sort-key order', async () => {
    const { responses } = await runHandler(`${DOC}
export const handler = async () => {
  for (const sk of [3, 1, 2]) await docClient.send(new PutCommand({ TableName: 'orders', Item: { customer: 'c1', order: sk, total: sk * 10 } }));
  await docClient.send(new PutCommand({ TableName: 'orders', Item: { customer: 'c2', order: 1, total: 5 } }));
  const updated = await docClient.send(new UpdateCommand({
    TableName: 'orders', Key: { customer: 'c1', order: 1 },
    UpdateExpression: 'SET #s = :s, visits = if_not_exists(visits, :zero) + :one ADD total :ten',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': 'paid', ':zero': 0, ':one': 1, ':ten': 10 },
    ReturnValues: 'ALL_NEW',
  }));
  const q = await docClient.send(new QueryCommand({
    TableName: 'orders', KeyConditionExpression: 'customer = :c AND #o >= :from',
    ExpressionAttributeNames: { '#o': 'order' }, ExpressionAttributeValues: { ':c': 'c1', ':from': 1 },
  }));
  return { updated: updated.Attributes, orders: q.Items.map((i) => i.order), count: q.Count };
};`, { tables: [{ name: 'orders', partitionKey: 'customer', sortKey: 'order' }] });
    expect(responses[0]).toEqual({
      updated: { customer: 'c1', order: 1, total: 20, status: 'paid', visits: 1 },
      orders: [1, 2, 3], count: 3,
    });
  });

  const burst = (clientConfig: string) => `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const docClient = DynamoDBDocumentClient.from(new DynamoDBClient(${clientConfig}));
export const handler = async () => {
  const outcomes = [];
  for (let i = 0; i < 8; i++) {
    try { const r = await docClient.send(new PutCommand({ TableName: 't', Item: { pk: 'k' + i } })); outcomes.push('ok after ' + r.$metadata.attempts); }
    catch (e) { outcomes.push(e.name + ' ' + e.$metadata.httpStatusCode + ' after ' + e.$metadata.attempts + ': ' + e.message); }
  }
  return outcomes;
};`;
  const provisioned = { tables: [{ name: 't', billingMode: 'PROVISIONED' as const, readCapacityUnits: 1, writeCapacityUnits: 2 }] };

  it('provisioned capacity throttles with ProvisionedThroughputExceededException (on-demand does not)', async () => {
    const once = await runHandler(burst('{ maxAttempts: 1 }'), provisioned);
    const outcomes = once.responses[0] as string[];
    // 2 WCU: two writes' worth at once, about 2 more per second; eight writes in ~50 ms exceed it.
    expect(outcomes.slice(0, 2)).toEqual(['ok after 1', 'ok after 1']);
    expect(outcomes[2]).toBe('ProvisionedThroughputExceededException 400 after 1: The level of configured provisioned throughput for the table was exceeded. '
      + 'Consider increasing your provisioning level with the UpdateTable API.');
    expect(once.result.aws!.dynamodb.throttled).toBe(6);
    const onDemand = await runHandler(burst('{ maxAttempts: 1 }'), { tables: [{ name: 't' }] });
    expect(onDemand.responses[0]).toEqual(Array(8).fill('ok after 1'));
  });

  it('the SDK retries throttled requests (standard mode, 3 attempts) on virtual time', async () => {
    const { responses, result } = await runHandler(burst('{}'), provisioned);
    const outcomes = responses[0] as string[];
    const retriedOk = outcomes.filter((o) => /^ok after [23]$/.test(o)).length;
    expect(retriedOk).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.startsWith('ok')).length).toBeGreaterThan(2);
    for (const o of outcomes.filter((x) => !x.startsWith('ok'))) expect(o).toMatch(/^ProvisionedThroughputExceededException 400 after 3: /);
    expect(result.aws!.calls['dynamodb:PutItem']).toBeGreaterThan(8);
  });

  it('BatchWrite: what capacity cannot take comes back in UnprocessedItems; more than 25 is a ValidationException', async () => {
    const batch = `${DOC}
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
export const handler = async () => {
  const items = (n) => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { pk: 'k' + i, n: i } } }));
  const r = await docClient.send(new BatchWriteCommand({ RequestItems: { t: items(10) } }));
  const left = r.UnprocessedItems.t ?? [];
  let tooMany;
  try { await docClient.send(new BatchWriteCommand({ RequestItems: { t: items(26) } })); } catch (e) { tooMany = e.name + ': ' + e.message; }
  return { unprocessed: left.length, first: left[0]?.PutRequest.Item, tooMany };
};`;
    const provisioned = await runHandler(batch, { tables: [{ name: 't', billingMode: 'PROVISIONED', readCapacityUnits: 1, writeCapacityUnits: 4 }] });
    expect(provisioned.responses[0]).toEqual({ unprocessed: 6, first: { pk: 'k4', n: 4 }, tooMany: 'ValidationException: Too many items requested for the BatchWriteItem call' });
    const onDemand = await runHandler(batch, { tables: [{ name: 't' }] });
    expect(onDemand.responses[0]).toMatchObject({ unprocessed: 0 });
    expect(onDemand.result.aws!.dynamodb.writes).toBe(10);
  });

  it('capacity refills with virtual time: writes spaced a second apart all succeed', async () => {
    const { responses } = await runHandler(`${DOC}
import { setTimeout as sleep } from 'node:timers/promises';
export const handler = async () => {
  let ok = 0;
  for (let i = 0; i < 5; i++) { await docClient.send(new PutCommand({ TableName: 't', Item: { pk: 'k' + i } })); ok++; await sleep(1000); }
  return ok;
};`, { tables: [{ name: 't', billingMode: 'PROVISIONED', readCapacityUnits: 1, writeCapacityUnits: 1 }] });
    expect(responses[0]).toBe(5);
  });

  it('a table with a stream feeds its DynamoDB Streams mapping: INSERT then MODIFY with images', async () => {
    const { result } = await runHandler(`${DOC}
export const handler = async () => {
  await docClient.send(new PutCommand({ TableName: 'users', Item: { pk: 'u1', name: 'Ada' } }));
  await docClient.send(new PutCommand({ TableName: 'users', Item: { pk: 'u1', name: 'Ada L.' } }));
};`, { tables: [{ name: 'users', stream: true }] }, {
      extraFunctions: [{ name: 'listener', handler: { kind: 'code', source: `export const handler = async (event) => { for (const r of event.Records) console.log(r.eventName, JSON.stringify(r.dynamodb.NewImage), JSON.stringify(r.dynamodb.OldImage ?? null)); };` } }],
      sources: [{ type: 'dynamodb-streams', function: 'listener', table: 'users', shards: 1, arrivals: { at: [] } }],
    });
    const lines = result.logs.filter((l) => l.function === 'listener' && /INSERT|MODIFY/.test(l.message)).map((l) => l.message.split('\t')[3]);
    expect(lines).toEqual([
      'INSERT {"pk":{"S":"u1"},"name":{"S":"Ada"}} null',
      'MODIFY {"pk":{"S":"u1"},"name":{"S":"Ada L."}} {"pk":{"S":"u1"},"name":{"S":"Ada"}}',
    ]);
    const records = result.requests.filter((r) => r.source === 'dynamodb-streams#1');
    expect(records.map((r) => [r.outcome, r.lineage?.depth])).toEqual([['succeeded', 1], ['succeeded', 1]]);
  });
});
