import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { loadAwsSample } from './awsSamples.testkit';
import { seededRng } from './encoding';
import { compareFieldShapes, fieldShape } from './fieldShape';
import { buildS3Event, encodeS3Key } from './s3';

describe('S3 event builder', () => {
  it('builds an event that type-checks as S3Event and whose field set equals the AWS sample', () => {
    const event: S3Event = buildS3Event({ key: 'HappyFace.jpg', bucket: 'sourcebucket' }, { epochMs: 123, rng: seededRng(1) });
    expect(compareFieldShapes(fieldShape(event), fieldShape(loadAwsSample('s3.json'))))
      .toEqual({ onlyInBuilt: [], onlyInSample: [], typeMismatches: [] });
  });

  it('sends event version 2.1, ObjectCreated:Put and a URL-encoded key', () => {
    const event = buildS3Event({ key: 'uploads/my photo+1.jpg' }, { epochMs: 0, rng: seededRng(1) });
    const record = event.Records[0];
    expect(record.eventVersion).toBe('2.1');
    expect(record.eventName).toBe('ObjectCreated:Put');
    expect(record.eventTime).toBe('1970-01-01T00:00:00.000Z');
    expect(record.s3.object.key).toBe('uploads/my+photo%2B1.jpg');
    expect(decodeURIComponent(encodeS3Key('a b/c').replace(/\+/g, ' '))).toBe('a b/c');
  });
});
