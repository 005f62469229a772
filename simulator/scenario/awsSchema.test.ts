// The scenario's account: sources and resources must name resources that exist; a provisioned
// table needs its capacity; a well-formed account parses.
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './parse';

const scenario = (aws: unknown, sources: unknown[] = []) => ({
  durationMs: 1000,
  aws,
  functions: [{ name: 'fn', handler: { kind: 'model', durationMs: 10 } }],
  sources,
});

function issues(input: unknown): string[] {
  try {
    parseScenario(input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
  }
}

describe('scenario.aws', () => {
  it('parses buckets, queues, topics and tables with the sources that read them', () => {
    expect(issues(scenario({
      buckets: [{ name: 'b', uploads: { arrivals: { rate: 1 } } }],
      queues: [{ name: 'q', deadLetterQueue: 'dlq', maxReceiveCount: 3 }, { name: 'dlq' }],
      topics: [{ name: 't', queues: ['q'] }],
      tables: [{ name: 'tbl', stream: true, billingMode: 'PROVISIONED', readCapacityUnits: 1, writeCapacityUnits: 1 }],
    }, [
      { type: 's3', function: 'fn', bucket: 'b', prefix: 'in/', arrivals: { at: [] } },
      { type: 'sqs', function: 'fn', queue: 'q', arrivals: { at: [] } },
      { type: 'sns', function: 'fn', topic: 't', arrivals: { at: [] } },
      { type: 'dynamodb-streams', function: 'fn', table: 'tbl', shards: 1, arrivals: { at: [] } },
    ]))).toEqual([]);
  });

  it('reports references to resources the account does not have', () => {
    expect(issues(scenario({ queues: [{ name: 'q', deadLetterQueue: 'missing' }], topics: [{ name: 't', queues: ['nope'] }] }, [
      { type: 's3', function: 'fn', bucket: 'nobucket', arrivals: { at: [] } },
      { type: 'sqs', function: 'fn', queue: 'noqueue', arrivals: { at: [] } },
    ]))).toEqual([
      'sources.0.bucket: no bucket named nobucket in aws.buckets',
      'sources.1.queue: no queue named noqueue in aws.queues',
      'aws.queues.0.deadLetterQueue: no queue named missing in aws.queues',
      'aws.topics.0.queues.0: no queue named nope in aws.queues',
    ]);
  });

  it('a provisioned table needs read and write capacity; a source field on the wrong type is refused', () => {
    expect(issues(scenario({ tables: [{ name: 't', billingMode: 'PROVISIONED', readCapacityUnits: 5 }] }))).toEqual([
      'aws.tables.0.billingMode: a PROVISIONED table needs readCapacityUnits and writeCapacityUnits',
    ]);
    expect(issues(scenario({ buckets: [{ name: 'b' }] }, [{ type: 'sqs', function: 'fn', bucket: 'b', arrivals: { at: [] } }])).length).toBeGreaterThan(0);
  });
});
