// Synchronous callers: `invoke` with RequestResponse and API Gateway (REST, Lambda proxy).
// Lambda never retries a sync call (F71): each arrival is one request and one attempt.
import { buildApiGatewayV1Event } from './events/apiGateway';
import { payloadText } from './events/encoding';
import type { ApiGatewaySourceSpec } from '../scenario/types';
import { epochMsOf } from '../scenario/defaults';
import { INIT_LIMIT_MS } from '../scenario/limits';
import type { RequestRecord } from '../trace/records';
import { deniedTrigger, triggerOf } from '../aws/triggerPermission';
import { registerSource, type InvokeCall, type InvokeOutcome, type Lineage, type SourceContext } from './types';

/** F93: REST API integration timeout (default and maximum without a quota increase). */
export const API_GATEWAY_TIMEOUT_MS = 29_000;

registerSource('invoke:RequestResponse', (ctx) => ({
  start: () => ctx.startArrivals((_t, i) => invokeRequestResponse(ctx, ctx.payload(i))),
  arrive: (payload, options) => invokeRequestResponse(ctx, payload, options?.lineage),
}));

registerSource('api-gateway', (ctx) => ({
  // Without payloads a request has no body (a GET); with them, the payload is the body.
  start: () => ctx.startArrivals((_t, i) => invokeThroughApiGateway(ctx, ctx.spec.payloads ? payloadText(ctx.payload(i)) : null)),
  arrive: (payload) => invokeThroughApiGateway(ctx, payload === undefined ? null : payloadText(payload)),
}));

/** One RequestResponse call; a class so the hot path allocates no closure per request. */
class RequestResponseCall implements InvokeCall {
  readonly invocationType = 'RequestResponse' as const;
  readonly requests: RequestRecord[];
  readonly function: string;
  lineage?: Lineage;
  constructor(private readonly ctx: SourceContext, private readonly request: RequestRecord, readonly event: unknown) {
    this.requests = [request];
    this.function = ctx.spec.function;
  }
  onDone(o: InvokeOutcome): void {
    finishSync(this.ctx, this.request, o);
  }
}

function invokeRequestResponse(ctx: SourceContext, payload: unknown, lineage?: Lineage): RequestRecord {
  const request = ctx.createRequest();
  if (typeof payload !== 'string') {
    ctx.service.invoke(withLineage(new RequestResponseCall(ctx, request, payload), lineage));
    return request;
  }
  // A string payload is the raw request body, which Lambda parses as JSON (F62: 400 otherwise).
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    ctx.finishRequest(request, 'failed', {
      statusCode: 400,
      response: { errorType: 'InvalidRequestContentException', errorMessage: 'Could not parse request body into json' },
    });
    return request;
  }
  ctx.service.invoke(withLineage(new RequestResponseCall(ctx, request, event), lineage));
  return request;
}

/** F95: a call carries a lineage only when it belongs to a chain. */
function withLineage(call: RequestResponseCall, lineage: Lineage | undefined): InvokeCall {
  if (lineage) call.lineage = lineage;
  return call;
}

/** F61/F62/F58: 200 with the payload or the error body; 429 when throttled; F95: 400 RecursiveInvocationException. */
function finishSync(ctx: SourceContext, request: RequestRecord, o: InvokeOutcome): void {
  if (o.status === 'throttled') ctx.finishRequest(request, 'throttled', { statusCode: 429, response: o.response });
  else if (o.status === 'recursion-stopped') ctx.finishRequest(request, 'failed', { statusCode: 400, response: o.response });
  else if (o.status === 'success') ctx.finishRequest(request, 'succeeded', { statusCode: 200, response: o.response });
  else ctx.finishRequest(request, 'failed', { statusCode: 200, response: o.response });
}

const DEFAULT_PROXY_RESPONSE = { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };

function invokeThroughApiGateway(ctx: SourceContext, body: string | null): RequestRecord {
  const request = ctx.createRequest();
  const spec = ctx.spec as ApiGatewaySourceSpec;
  const fn = ctx.functionSpec(spec.function);
  if (fn.resourcePolicy && deniedTrigger(ctx, triggerOf(ctx, body != null ? 'POST' : 'GET'))) {
    // API Gateway may not invoke the function: "Execution failed due to configuration error:
    // Invalid permissions on Lambda function", and its client gets 500.
    // https://repost.aws/knowledge-center/api-gateway-lambda-stage-variable-500
    ctx.finishRequest(request, 'failed', { statusCode: 500, response: { message: 'Internal server error' } });
    return request;
  }
  // Only code handlers read the event; building the full v1 proxy event costs ~30 µs.
  const event = fn.handler.kind === 'code'
    ? buildApiGatewayV1Event(
      { body, path: '/' },
      { epochMs: epochMsOf(ctx.scenario) + ctx.now(), rng: () => ctx.rng.float(), region: ctx.scenario.service?.region },
    )
    : null;
  // F93: the client gets 504 at 29 s while the function runs on to its own end.
  let gatewayTimer = -1;
  if (fn.timeoutMs + INIT_LIMIT_MS > API_GATEWAY_TIMEOUT_MS) { // a cold start adds at most the Init limit (F03)
    gatewayTimer = ctx.schedule(request.arrivedMs + API_GATEWAY_TIMEOUT_MS, () => {
      if (request.outcome === 'unfinished') {
        ctx.finishRequest(request, 'failed', { statusCode: 504, response: { message: 'Endpoint request timed out' } });
      }
    });
  }
  ctx.service.invoke({
    function: spec.function,
    event,
    requests: [request],
    invocationType: 'RequestResponse',
    modelDefaultResponse: DEFAULT_PROXY_RESPONSE,
    onDone: (o) => {
      if (gatewayTimer >= 0) ctx.cancel(gatewayTimer);
      if (request.outcome !== 'unfinished') return; // the gateway already answered 504
      finishApiGateway(ctx, request, o);
    },
  });
  return request;
}

/** API Gateway relays the proxy result; a function error or a malformed result is 502 (F136),
 * a throttle 500 (F140). */
function finishApiGateway(ctx: SourceContext, request: RequestRecord, o: InvokeOutcome): void {
  if (o.status === 'throttled') {
    // F140: the Lambda API refused the invoke (429); API Gateway answers its client 500.
    ctx.finishRequest(request, 'throttled', { statusCode: 500, response: { message: 'Internal server error' } });
    return;
  }
  if (o.status !== 'success') {
    ctx.finishRequest(request, 'failed', { statusCode: 502, response: { message: 'Internal server error' } });
    return;
  }
  const result = o.response as { statusCode?: unknown; body?: unknown } | null;
  const valid = typeof result === 'object' && result !== null && typeof result.statusCode === 'number' &&
    (result.body === undefined || typeof result.body === 'string');
  if (!valid) {
    ctx.finishRequest(request, 'failed', { statusCode: 502, response: { message: 'Internal server error' } });
    return;
  }
  const statusCode = result.statusCode as number;
  ctx.finishRequest(request, statusCode < 500 ? 'succeeded' : 'failed', { statusCode, response: result });
}
