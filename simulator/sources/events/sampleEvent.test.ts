import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { compareFieldShapes, fieldShape } from './fieldShape';
import { sampleEvent as fromFrontDoor } from '../../index';
import { SAMPLE_EVENT_KINDS, sampleEvent, type SampleEventKind } from './sampleEvent';

const sampleFile: Record<SampleEventKind, string> = {
  'apigw-v1': 'api-gateway-rest-v1.json', 'apigw-v2': 'api-gateway-http-v2.json', s3: 's3.json', sns: 'sns.json',
  sqs: 'sqs.json', kinesis: 'kinesis.json', dynamodb: 'dynamodb-streams.json', eventbridge: 'eventbridge-scheduled.json',
};

describe('sampleEvent', () => {
  it('gives the same event for the same kind and seed, and new ids for another seed', () => {
    for (const kind of SAMPLE_EVENT_KINDS) {
      expect(sampleEvent(kind)).toEqual(sampleEvent(kind));
      // A Kinesis record has no random part: its ids come from the shard and sequence number.
      if (kind !== 'kinesis') expect(JSON.stringify(sampleEvent(kind, { seed: 2 }))).not.toBe(JSON.stringify(sampleEvent(kind)));
    }
  });

  it("keeps every top-level field of AWS's sample for each kind", () => {
    for (const kind of SAMPLE_EVENT_KINDS) {
      const diff = compareFieldShapes(fieldShape(sampleEvent(kind)), fieldShape(loadAwsSample(sampleFile[kind])));
      const topLevel = diff.onlyInSample.filter((p) => !p.includes('.') && !p.includes('['));
      expect(topLevel, kind).toEqual([]);
    }
  });

  it('is exported through simulator/index.ts for the console', () => {
    expect(fromFrontDoor('sqs')).toEqual(sampleEvent('sqs'));
  });

  it('refuses an unknown kind with the list of known ones', () => {
    expect(() => sampleEvent('alb' as SampleEventKind)).toThrow(/apigw-v1, apigw-v2, s3/);
  });
});
