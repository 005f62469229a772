// S3 objects through the SDK: binary bodies round-trip, listing by prefix, deletes, and
// the object's metadata as GetObject and HeadObject answer it.
import { describe, expect, it } from 'vitest';
import { runHandler } from './testkit';

describe('S3 objects', () => {
  it('bytes round-trip; ListObjectsV2 filters by prefix; a deleted key is NoSuchKey', async () => {
    const { responses } = await runHandler(`
import { S3Client, PutObjectCommand, GetObjectCommand, ListObjectsV2Command, DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255]);
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'img/a.bin', Body: bytes, ContentType: 'application/octet-stream', Metadata: { owner: 'ada' } }));
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'img/b.txt', Body: 'héllo' }));
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'doc/c.txt', Body: 'c' }));
  const got = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'img/a.bin' }));
  const chunks = [];
  for await (const chunk of got.Body) chunks.push(chunk);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'img/b.txt' }));
  const list = await s3.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'img/' }));
  await s3.send(new DeleteObjectCommand({ Bucket: 'b', Key: 'img/a.bin' }));
  let after;
  try { await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'img/a.bin' })); } catch (e) { after = e.name; }
  return {
    bytes: [...Buffer.concat(chunks)], metadata: got.Metadata, modified: got.LastModified instanceof Date, length: got.ContentLength,
    textLength: head.ContentLength, keys: list.Contents.map((c) => c.Key + ':' + c.Size), count: list.KeyCount, after,
  };
};`, { buckets: [{ name: 'b' }] });
    expect(responses[0]).toEqual({
      bytes: [0, 1, 2, 250, 255], metadata: { owner: 'ada' }, modified: true, length: 5,
      textLength: 6, keys: ['img/a.bin:5', 'img/b.txt:6'], count: 2, after: 'NoSuchKey',
    });
  });
});
