// Push sources that invoke asynchronously (F61, F91): `invoke` with InvocationType Event,
// S3 notifications and SNS messages. Each arrival becomes one event in the function's
// internal queue (asyncQueue.ts); the caller gets 202 and never a 429 (F64).
import { AsyncQueue } from './asyncQueue';
import { buildS3Event } from './events/s3';
import { buildSnsEvent } from './events/sns';
import { payloadText } from './events/encoding';
import { eventContextFor } from './sourceClock';
import type { SourceContext, SourceFactory, SourceInstance } from './types';

/** Wraps one arrival's payload (undefined: the source's default) in the event the function gets. */
type EventBuilder = (src: SourceContext, payload: unknown, index: number, arrivedMs: number) => unknown;

const buildInvokePayload: EventBuilder = (src, payload, index) => (payload === undefined ? src.payload(index) : payload);

const buildS3: EventBuilder = (src, payload, index, arrivedMs) => {
  const key = payload === undefined ? `uploads/object-${index + 1}.json` : payloadText(payload);
  return buildS3Event({ key, sequence: index + 1 }, eventContextFor(src, arrivedMs, index));
};

const buildSns: EventBuilder = (src, payload, index, arrivedMs) => {
  const message = payload === undefined ? JSON.stringify({ notification: index + 1 }) : payloadText(payload);
  return buildSnsEvent({ message }, eventContextFor(src, arrivedMs, index));
};

function asyncSource(build: EventBuilder): SourceFactory {
  return (src): SourceInstance => {
    const queue = new AsyncQueue(src, src.spec.function);
    let count = 0;
    const payloadOf = (index: number) => (src.spec.type === 'invoke' || src.spec.payloads?.length ? src.payload(index) : undefined);
    return {
      start() {
        src.startArrivals((timeMs, index) => {
          count++;
          const payload = payloadOf(index);
          queue.enqueue(src.createRequest({ arrivedMs: timeMs }), () => build(src, payload, index, timeMs));
        });
      },
      // The console's Test button: one more event at now(), with the payload given.
      arrive(payload) {
        const request = src.createRequest();
        const index = count++;
        queue.enqueue(request, () => build(src, payload, index, request.arrivedMs));
        return request;
      },
    };
  };
}

export const invokeEventSource = asyncSource(buildInvokePayload);
export const s3Source = asyncSource(buildS3);
export const snsSource = asyncSource(buildSns);
