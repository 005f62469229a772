// The Lambda Invoke API as handler code calls it: RequestResponse waits for the function and
// answers its payload (StatusCode 200, FunctionError on a function error); Event queues the
// event in the function's asynchronous queue and answers 202 at once (F61). Payload limits:
// 6,291,556 bytes synchronous (F31), 1 MB asynchronous (F32), else RequestEntityTooLargeException.
import { AsyncQueue } from '../sources/asyncQueue';
import { utf8Exceeds } from '../core/utf8';
import { ASYNC_PAYLOAD_LIMIT_BYTES, SYNC_PAYLOAD_LIMIT_BYTES } from '../scenario/limits';
import type { SourceContext } from '../sources/types';
import { awsError, ok, unknownOperation } from './errors';
import { latencyOf } from './latency';
import { ACCOUNT_ID, type AwsEnv } from './env';
import type { AwsLatency } from '../scenario/types';
import { nextLineage, type AwsResult, type AwsService, type Caller, type Respond } from './types';

/** How the account reaches the Lambda service: one source context per invoked function. */
export interface LambdaInvoker {
  hasFunction(name: string): boolean;
  contextFor(name: string): SourceContext;
  /** For GetAccountSettings: the account's concurrency limit (F52) and its functions. */
  account(): { concurrencyLimit: number; functions: { reservedConcurrency?: number; codeBytes: number }[] };
}

/** F36: code storage 75 GB per Region, 250 MB unzipped, 50 MB zipped for a direct upload. */
const CODE_STORAGE_BYTES = 75 * 1024 ** 3;
const UNZIPPED_BYTES = 250 * 1024 ** 2;
const ZIPPED_BYTES = 50 * 1024 ** 2;

export function tooLarge(invocationType: 'RequestResponse' | 'Event'): AwsResult {
  return invocationType === 'Event'
    ? awsError('RequestEntityTooLargeException', `Request must be smaller than ${ASYNC_PAYLOAD_LIMIT_BYTES} bytes for the Event invocation type`, 413) // F32
    : awsError('RequestEntityTooLargeException', `Request must be smaller than ${SYNC_PAYLOAD_LIMIT_BYTES} bytes for the InvokeFunction operation`, 413); // F31
}

export class LambdaApiService implements AwsService {
  private readonly queues = new Map<string, AsyncQueue>();
  readonly totals = { invokes: 0, refused: 0 };

  constructor(private readonly env: AwsEnv, private readonly invoker: LambdaInvoker | undefined, private readonly setting: AwsLatency | undefined) {}

  /** FunctionName may be a name or an ARN (arn:aws:lambda:region:account:function:name). */
  private nameOf(input: Record<string, any>): string {
    const name = String(input.FunctionName ?? '');
    return name.startsWith('arn:') ? name.split(':')[6] ?? '' : name;
  }

  resourceArn(_op: string, input: Record<string, any>): string {
    return `arn:aws:lambda:${this.env.region}:${ACCOUNT_ID}:function:${this.nameOf(input)}`;
  }

  latency() {
    return latencyOf('lambda', this.setting);
  }

  private accountSettings(): AwsResult {
    const a = this.invoker?.account() ?? { concurrencyLimit: 1000, functions: [] };
    const reserved = a.functions.reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
    return ok({
      AccountLimit: {
        TotalCodeSize: CODE_STORAGE_BYTES, CodeSizeUnzipped: UNZIPPED_BYTES, CodeSizeZipped: ZIPPED_BYTES,
        ConcurrentExecutions: a.concurrencyLimit, UnreservedConcurrentExecutions: a.concurrencyLimit - reserved,
      },
      AccountUsage: { TotalCodeSize: a.functions.reduce((n, f) => n + f.codeBytes, 0), FunctionCount: a.functions.length },
    });
  }

  execute(op: string, input: Record<string, any>, caller: Caller, respond: Respond): void {
    if (op === 'GetAccountSettings') return respond(this.accountSettings());
    if (op !== 'Invoke') return respond(unknownOperation('Lambda', op));
    const name = this.nameOf(input);
    if (!this.invoker?.hasFunction(name)) {
      return respond(awsError('ResourceNotFoundException', `Function not found: ${this.resourceArn(op, input)}`, 404));
    }
    const type = input.InvocationType === 'Event' ? 'Event' : input.InvocationType === 'DryRun' ? 'DryRun' : 'RequestResponse';
    if (type === 'DryRun') return respond(ok({ StatusCode: 204 }, 204));
    const text = typeof input.Payload === 'string' ? input.Payload : '{}';
    if (utf8Exceeds(text, type === 'Event' ? ASYNC_PAYLOAD_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES)) {
      this.totals.refused++;
      return respond(tooLarge(type));
    }
    let event: unknown;
    try { event = JSON.parse(text); } catch {
      return respond(awsError('InvalidRequestContentException', 'Could not parse request body into json: Unexpected character', 400));
    }
    this.totals.invokes++;
    const src = this.invoker.contextFor(name);
    const request = src.createRequest({ lineage: nextLineage(caller) });
    if (type === 'Event') {
      let queue = this.queues.get(name);
      if (!queue) this.queues.set(name, (queue = new AsyncQueue(src, name)));
      queue.enqueue(request, () => event, request.lineage);
      return respond(ok({ StatusCode: 202, Payload: '' }, 202));
    }
    src.service.invoke({
      function: name, event, requests: [request], invocationType: 'RequestResponse',
      onDone: (o) => {
        if (o.status === 'throttled') {
          src.finishRequest(request, 'throttled', { statusCode: 429, response: o.response });
          return respond(awsError('TooManyRequestsException', 'Rate Exceeded.', 429)); // F58
        }
        if (o.status === 'recursion-stopped') { // F95
          src.finishRequest(request, 'failed', { statusCode: 400, response: o.response });
          return respond(awsError('RecursiveInvocationException', o.response.errorMessage, 400));
        }
        const failed = o.status !== 'success';
        src.finishRequest(request, failed ? 'failed' : 'succeeded', { statusCode: 200, response: o.response });
        respond(ok({
          StatusCode: 200, ExecutedVersion: '$LATEST', ...(failed ? { FunctionError: 'Unhandled' } : {}),
          Payload: JSON.stringify(o.response ?? null),
        }));
      },
    });
  }
}
