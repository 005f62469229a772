import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';
import { buildSnsEvent } from './sns';

describe('SNS event builder', () => {
  it('builds an event that type-checks as SNSEvent and whose field set equals the AWS sample', () => {
    const sample = loadAwsSample('sns.json');
    const event: SNSEvent = buildSnsEvent({
      message: 'Hello from SNS!', subject: 'TestInvoke', messageAttributes: sample.Records[0].Sns.MessageAttributes,
    }, { epochMs: 1_546_433_107_000, rng: seededRng(1) });
    expect(compareFieldShapes(fieldShape(event), fieldShape(sample))).toEqual({ onlyInBuilt: [], onlyInSample: [], typeMismatches: [] });
  });

  it('carries the message verbatim, one record per notification, with a UTC timestamp', () => {
    const event = buildSnsEvent({ message: '{"a":1}' }, { epochMs: Date.UTC(2026, 0, 2, 3, 4, 5, 6), rng: seededRng(2) });
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0].Sns.Message).toBe('{"a":1}');
    expect(event.Records[0].Sns.Timestamp).toBe('2026-01-02T03:04:05.006Z');
    expect(event.Records[0].EventSubscriptionArn.startsWith(event.Records[0].Sns.TopicArn + ':')).toBe(true);
  });
});
