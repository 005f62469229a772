// S3 ObjectCreated:Put notifications, event version 2.1 as S3 sends them today (lambda-facts §3).
import type { S3Event } from 'aws-lambda';
import {
  DEFAULT_REGION, isoTime, randomBase64, randomChars, randomHex, randomIamId, type EventContext,
} from './encoding';

export interface S3ObjectInput {
  key: string;
  bucket?: string;
  sizeBytes?: number;
  /** Increases with each write to the same key; S3 writes it as upper-case hex. */
  sequence?: number;
  /** The object's MD5 as S3 reports it; drawn when absent. */
  eTag?: string;
}

/** Keys arrive URL-encoded in notifications, with spaces as '+'. */
export const encodeS3Key = (key: string): string =>
  encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');

export function buildS3Event(input: S3ObjectInput, ctx: EventContext): S3Event {
  const bucket = input.bucket ?? 'lambda-lab-bucket';
  const principalId = `AWS:${randomIamId(ctx.rng, 'AIDA')}`;
  return {
    Records: [{
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: ctx.region ?? DEFAULT_REGION,
      eventTime: isoTime(ctx.epochMs),
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId },
      requestParameters: { sourceIPAddress: '203.0.113.10' },
      responseElements: {
        'x-amz-request-id': randomHex(ctx.rng, 16).toUpperCase(),
        'x-amz-id-2': randomBase64(ctx.rng, 76),
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'lambda-lab-notification',
        bucket: { name: bucket, ownerIdentity: { principalId: randomChars(ctx.rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 14) }, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: encodeS3Key(input.key),
          size: input.sizeBytes ?? 1024,
          eTag: input.eTag ?? randomHex(ctx.rng, 32),
          versionId: randomBase64(ctx.rng, 32).replace(/[+/]/g, '_'),
          sequencer: (input.sequence ?? 0).toString(16).toUpperCase().padStart(18, '0'),
        },
      },
    }],
  };
}
