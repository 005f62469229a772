// Simulated S3: buckets of objects; PutObject fires the bucket's object-created notifications
// to the triggers (S3 sources) whose prefix and suffix match the key.
import type { AwsBucketSpec } from '../scenario/types';
import { md5Hex } from '../sources/events/md5';
import { utf8Length } from '../sources/events/encoding';
import { awsError, ok, unknownOperation, validation } from './errors';
import { latencyOf } from './latency';
import type { AwsEnv } from './env';
import { nextLineage, type AwsResult, type AwsService, type Caller, type Lineage, type Respond } from './types';

/** An object body as it crosses the worker boundary: text, or bytes as base64. */
export type S3Body = { text: string } | { base64: string };

export interface S3Object {
  body: S3Body;
  sizeBytes: number;
  eTag: string;
  contentType: string;
  lastModifiedMs: number;
  metadata: Record<string, string>;
  sequence: number;
}

export interface S3Notification {
  bucket: string;
  key: string;
  sizeBytes: number;
  eTag: string;
  sequence: number;
}

export interface S3Trigger {
  prefix?: string;
  suffix?: string;
  deliver(notification: S3Notification, lineage: Lineage): void;
}

interface Bucket {
  spec: AwsBucketSpec;
  objects: Map<string, S3Object>;
  triggers: S3Trigger[];
  sequence: number;
}

const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
const bodySize = (body: S3Body) => ('text' in body ? utf8Length(body.text) : base64Bytes(body.base64));

export const NO_SUCH_KEY = () => awsError('NoSuchKey', 'The specified key does not exist.', 404);
const NO_SUCH_BUCKET = () => awsError('NoSuchBucket', 'The specified bucket does not exist.', 404);

export class S3Service implements AwsService {
  private readonly buckets = new Map<string, Bucket>();
  readonly totals = { puts: 0, gets: 0, events: 0 };

  constructor(private readonly env: AwsEnv, specs: AwsBucketSpec[]) {
    for (const spec of specs) this.buckets.set(spec.name, { spec, objects: new Map(), triggers: [], sequence: 0 });
  }

  attachTrigger(bucket: string, trigger: S3Trigger): void {
    this.buckets.get(bucket)?.triggers.push(trigger);
  }

  objectCount(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.objects.size;
    return n;
  }

  resourceArn(_op: string, input: Record<string, any>): string {
    return input.Key === undefined ? `arn:aws:s3:::${input.Bucket}` : `arn:aws:s3:::${input.Bucket}/${input.Key}`;
  }

  latency(_op: string, input: Record<string, any>) {
    return latencyOf('s3', this.buckets.get(String(input.Bucket))?.spec);
  }

  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void {
    respond(this.run(op, input, nextLineage(caller)));
  }

  private run(op: string, input: Record<string, any>, lineage: Lineage): AwsResult {
    const bucket = this.buckets.get(String(input.Bucket));
    if (!bucket) return NO_SUCH_BUCKET();
    if (op === 'ListObjectsV2') return this.list(bucket, input);
    if (typeof input.Key !== 'string' || input.Key === '') return validation('Key must not be empty', 'InvalidRequest');
    switch (op) {
      case 'PutObject': {
        const object = this.put(bucket, input.Key, input.Body ?? { text: '' }, input.ContentType, input.Metadata, lineage);
        return ok({ ETag: object.eTag });
      }
      case 'GetObject':
      case 'HeadObject': {
        const object = bucket.objects.get(input.Key);
        this.totals.gets++;
        if (!object) return op === 'GetObject' ? NO_SUCH_KEY() : awsError('NotFound', 'Not Found', 404);
        return ok({
          ...(op === 'GetObject' ? { Body: object.body } : {}),
          ContentLength: object.sizeBytes, ContentType: object.contentType, ETag: object.eTag,
          LastModified: new Date(this.env.epochMs + object.lastModifiedMs).toISOString(), Metadata: object.metadata,
        });
      }
      case 'DeleteObject':
        bucket.objects.delete(input.Key);
        return ok({}, 204);
      default:
        return unknownOperation('S3', op);
    }
  }

  private list(bucket: Bucket, input: Record<string, any>): AwsResult {
    const prefix = String(input.Prefix ?? '');
    const max = Math.min(1000, Number(input.MaxKeys ?? 1000));
    const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
    const contents = keys.slice(0, max).map((Key) => {
      const o = bucket.objects.get(Key)!;
      return { Key, Size: o.sizeBytes, ETag: o.eTag, LastModified: new Date(this.env.epochMs + o.lastModifiedMs).toISOString(), StorageClass: 'STANDARD' };
    });
    return ok({ Name: bucket.spec.name, Prefix: prefix, KeyCount: contents.length, MaxKeys: max, IsTruncated: keys.length > max, Contents: contents });
  }

  /** Stores the object and notifies each matching trigger (S3 event notifications). */
  put(bucket: Bucket, key: string, body: S3Body, contentType: unknown, metadata: unknown, lineage: Lineage, sizeBytes = bodySize(body)): S3Object {
    this.totals.puts++;
    const object: S3Object = {
      body, sizeBytes, eTag: `"${md5Hex('text' in body ? body.text : body.base64)}"`,
      contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream',
      lastModifiedMs: this.env.now(), metadata: (metadata ?? {}) as Record<string, string>, sequence: ++bucket.sequence,
    };
    bucket.objects.set(key, object);
    for (const t of bucket.triggers) {
      if ((t.prefix && !key.startsWith(t.prefix)) || (t.suffix && !key.endsWith(t.suffix))) continue;
      this.totals.events++;
      t.deliver({ bucket: bucket.spec.name, key, sizeBytes, eTag: object.eTag.slice(1, -1), sequence: object.sequence }, lineage);
    }
    return object;
  }

  /** Uploads from outside the account (aws.buckets[].uploads). */
  upload(bucketName: string, key: string, sizeBytes: number, lineage: Lineage): void {
    // The body is not kept: an upload's content is its key and size (the event carries no more).
    this.put(this.buckets.get(bucketName)!, key, { text: '' }, 'application/octet-stream', {}, lineage, sizeBytes);
  }
}
