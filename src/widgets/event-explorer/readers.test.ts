import { describe, expect, it } from 'vitest';
import { SAMPLE_EVENT_KINDS, sampleEvent } from '../../../simulator/index';
import { EVENT_READERS, readEvent } from './readers';

describe('the event explorer’s handlers', () => {
  it('cover every sample event kind once', () => {
    expect(EVENT_READERS.map((r) => r.kind).sort()).toEqual([...SAMPLE_EVENT_KINDS].sort());
  });

  it.each(EVENT_READERS.map((r) => [r.kind, r] as const))('read real fields of the %s sample event (nothing undefined)', (_kind, reader) => {
    const value = readEvent(reader, sampleEvent(reader.kind));
    expect(JSON.stringify(value)).not.toMatch(/null|undefined/);
    expect(value).toBeTruthy();
  });

  it('decode an S3 key the way S3 encodes it', () => {
    const s3 = EVENT_READERS.find((r) => r.kind === 's3')!;
    expect(readEvent(s3, sampleEvent('s3'))).toMatchObject({ key: 'uploads/photo 1.jpg' });
  });
});
