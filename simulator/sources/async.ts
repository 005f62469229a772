// Push sources that invoke asynchronously (F61, F91): `invoke` with InvocationType Event,
// S3 notifications and SNS messages. Each arrival becomes one event in the function's
// internal queue (asyncQueue.ts); the caller gets 202 and never a 429 (F64).
import { AsyncQueue } from './asyncQueue';
import { buildS3Event } from './events/s3';
import { buildSnsEvent } from './events/sns';
import { payloadText } from './events/encoding';
import { eventContextFor } from './eventContext';
import { utf8Exceeds } from '../core/utf8';
import { rulesFor } from '../rules/resolve';
import type { RequestRecord } from '../trace/records';
import { deniedTrigger, triggerOf, type Trigger } from '../aws/triggerPermission';
import type { Lineage, SourceContext, SourceFactory, SourceInstance } from './types';

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

/** F32: the Invoke API refuses an oversized Event payload with 413; nothing is queued. */
function refusedAsTooLarge(src: SourceContext, request: RequestRecord, payload: unknown, sizes: WeakMap<object, boolean>, limit: number): boolean {
  let over: boolean | undefined;
  if (typeof payload === 'string') over = utf8Exceeds(payload, limit);
  else if (typeof payload === 'object' && payload !== null) {
    over = sizes.get(payload);
    if (over === undefined) sizes.set(payload, (over = utf8Exceeds(payloadText(payload), limit)));
  }
  if (!over) return false;
  src.finishRequest(request, 'failed', {
    statusCode: 413,
    response: {
      errorType: 'RequestEntityTooLargeException',
      errorMessage: `Request must be smaller than ${limit} bytes for the Event invocation type`,
    },
  });
  return true;
}

/** S3 and SNS may only invoke what the function's resource policy lets them; else the event never runs. */
function refusedByResourcePolicy(src: SourceContext, request: RequestRecord, trigger: Trigger | undefined): boolean {
  const denied = deniedTrigger(src, trigger);
  if (!denied) return false;
  src.finishRequest(request, 'discarded', { statusCode: denied.httpStatusCode, response: { errorType: denied.name, errorMessage: denied.message } });
  return true;
}

function asyncSource(build: EventBuilder, checkSize: boolean): SourceFactory {
  return (src): SourceInstance => {
    const queue = new AsyncQueue(src, src.spec.function);
    const sizes = new WeakMap<object, boolean>();
    // F32: 1 MB today, 256 KB before Oct 2025, by the run's rule set.
    const limit = rulesFor(src.scenario.rules, src.scenario.service?.region).asyncPayloadLimitBytes;
    let count = 0;
    const payloadOf = (index: number) => (src.spec.type === 'invoke' || src.spec.payloads?.length ? src.payload(index) : undefined);
    const trigger = triggerOf(src);
    const accept = (request: RequestRecord, payload: unknown, index: number, lineage?: Lineage) => {
      if (checkSize && refusedAsTooLarge(src, request, payload, sizes, limit)) return;
      if (refusedByResourcePolicy(src, request, trigger)) return;
      queue.enqueue(request, () => build(src, payload, index, request.arrivedMs), lineage);
    };
    return {
      start() {
        src.startArrivals((timeMs, index) => {
          count++;
          accept(src.createRequest({ arrivedMs: timeMs }), payloadOf(index), index);
        });
      },
      // The console's Test button: one more event at now(), with the payload given.
      arrive(payload, options) {
        const request = src.createRequest();
        accept(request, payload, count++, options?.lineage);
        return request;
      },
    };
  };
}

export const invokeEventSource = asyncSource(buildInvokePayload, true);
export const s3Source = asyncSource(buildS3, false);
export const snsSource = asyncSource(buildSns, false);
