// The scenario's simulated AWS account: the services handler code reaches through the AWS SDK
// v3 (runtime/worker/awsSdk.ts), the resources' state, and the arrivals that feed resources
// from outside. Every call passes checkAccess, waits its seeded virtual latency, then runs.
import { createArrivalStream } from '../sources/arrivals';
import type { Rng } from '../core/rng';
import type { DependencyReply } from '../runtime/types';
import type { AwsAccountSpec } from '../scenario/types';
import type { AwsTotals } from '../trace/records';
import { checkAccess } from './access';
import { DynamoDbService } from './dynamodb';
import { rootLineage, type AwsEnv } from './env';
import { LambdaApiService, type LambdaInvoker } from './lambdaApi';
import { S3Service } from './s3';
import { SnsService } from './sns';
import { SqsService } from './sqs';
import { awsError } from './errors';
import type { AwsReplyValue, AwsResult, AwsService, Caller, DependencyCall } from './types';

export interface AwsAccountClock {
  now(): number;
  schedule(atMs: number, fn: () => void, priority?: 'arrival' | 'normal'): void;
}

export class AwsAccount {
  readonly s3: S3Service;
  readonly sqs: SqsService;
  readonly sns: SnsService;
  readonly dynamodb: DynamoDbService;
  readonly lambda: LambdaApiService;
  private readonly services: Record<string, AwsService>;
  private readonly env: AwsEnv;
  private readonly calls: Record<string, number> = {};
  /** Calls the execution role refused (AccessDenied), by `<service>:<Operation>`. */
  private readonly denied: Record<string, number> = {};
  private readonly jitterRng: Rng;
  private readonly durationMs: number;
  private nextRequest = 0;

  constructor(clock: AwsAccountClock, private readonly spec: AwsAccountSpec, private readonly rng: Rng,
    options: { region: string; epochMs: number; durationMs: number; invoker?: LambdaInvoker }) {
    const random = rng.derive('ids');
    this.jitterRng = rng.derive('jitter');
    this.env = {
      now: () => clock.now(), schedule: (t, fn, p) => clock.schedule(t, fn, p), random: () => random.float(),
      region: options.region, epochMs: options.epochMs,
      count: (what, delta = 1) => { this.calls[what] = (this.calls[what] ?? 0) + delta; },
    };
    this.s3 = new S3Service(this.env, spec.buckets ?? []);
    this.sqs = new SqsService(this.env, spec.queues ?? []);
    this.sns = new SnsService(this.env, spec.topics ?? [], this.sqs);
    this.dynamodb = new DynamoDbService(this.env, spec.tables ?? []);
    this.lambda = new LambdaApiService(this.env, options.invoker, spec.lambda);
    this.services = { s3: this.s3, sqs: this.sqs, sns: this.sns, dynamodb: this.dynamodb, lambda: this.lambda };
    this.durationMs = options.durationMs;
  }

  /** One SDK call from handler code: op is `<service>:<Operation>`, args.input the command input. */
  call(op: string, args: unknown, reply: (r: DependencyReply) => void, caller: Caller): void {
    const [service, operation] = op.split(':');
    const requestId = this.requestId();
    const send = (r: AwsResult) => reply({ ok: true, value: { ...r, requestId } satisfies AwsReplyValue });
    const impl = this.services[service];
    const input = ((args as { input?: unknown })?.input ?? {}) as Record<string, any>;
    if (!impl || !operation) {
      this.env.schedule(this.env.now(), () => send(awsError('UnknownServiceException', `The simulated account has no service ${service}`)));
      return;
    }
    this.env.count(op);
    const access = checkAccess(caller, `${service}:${operation}`, impl.resourceArn(operation, input));
    if (!access.allowed) this.denied[op] = (this.denied[op] ?? 0) + 1;
    const { latencyMs, jitterMs } = impl.latency(operation, input);
    const delayMs = latencyMs + (jitterMs > 0 ? Math.round(this.jitterRng.float() * jitterMs) : 0);
    this.env.schedule(this.env.now() + delayMs, () => {
      if (!access.allowed) send({ error: access.error });
      else impl.execute(operation, input, caller, send);
    });
  }

  private requestId(): string {
    const n = (++this.nextRequest).toString(16).toUpperCase().padStart(16, '0');
    return `${n.slice(0, 8)}-SIM-${n.slice(8)}`;
  }

  /** Time 0: uploads to buckets and sends to queues from outside the account. */
  start(): void {
    for (const [i, b] of (this.spec.buckets ?? []).entries()) {
      const uploads = b.uploads;
      if (!uploads) continue;
      this.arrivals(uploads.arrivals, `bucket:${i}`, (n) => {
        const key = uploads.keys ? uploads.keys[n % uploads.keys.length] : `uploads/object-${n + 1}.json`;
        this.s3.upload(b.name, key, uploads.sizeBytes ?? 1024, rootLineage(`upload:${b.name}:${n + 1}`));
      });
    }
    for (const [i, q] of (this.spec.queues ?? []).entries()) {
      const sends = q.sends;
      if (!sends) continue;
      this.arrivals(sends.arrivals, `queue:${i}`, (n) => {
        const p = sends.payloads?.length ? sends.payloads[n % sends.payloads.length] : { messageNumber: n + 1 };
        this.sqs.sendText(q.name, typeof p === 'string' ? p : JSON.stringify(p), rootLineage(`send:${q.name}:${n + 1}`));
      });
    }
  }

  private arrivals(arrivals: Parameters<typeof createArrivalStream>[0], label: string, fire: (n: number) => void): void {
    const stream = createArrivalStream(arrivals, this.durationMs, this.rng.derive(label));
    let n = 0;
    const next = () => {
      const t = stream.next();
      if (t < 0) return;
      this.env.schedule(t, () => {
        const i = n++;
        next(); // the next arrival is queued first, as sources queue theirs
        fire(i);
      }, 'arrival');
    };
    next();
  }

  /** Did handler code call the account at all? */
  used(): boolean {
    return Object.keys(this.calls).length > 0;
  }

  totals(): AwsTotals {
    return {
      s3: { ...this.s3.totals, objects: this.s3.objectCount() },
      sqs: { ...this.sqs.totals, waiting: this.sqs.waiting() },
      sns: { ...this.sns.totals },
      dynamodb: { ...this.dynamodb.totals },
      lambda: { ...this.lambda.totals },
      calls: { ...this.calls },
      denied: { ...this.denied },
    };
  }
}

type Dependencies = { call: DependencyCall; stats?(): any };

/** The runtime's host.call: `aws` goes to the account, everything else to the other dependencies. */
export function withAwsAccount<D extends Dependencies>(deps: D, account: AwsAccount): D {
  const outside: Caller = { functionName: '', roleArn: '', lineage: { chainId: 'outside', depth: 0 } };
  return {
    ...deps,
    call: (service, op, args, reply, caller) => (service === 'aws' ? account.call(op, args, reply, caller ?? outside) : deps.call(service, op, args, reply, caller)),
    stats: deps.stats ? () => deps.stats!() : undefined,
  };
}
