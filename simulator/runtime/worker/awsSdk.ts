// The AWS SDK for JavaScript v3 as handler code imports it ('@aws-sdk/client-s3', ...): clients
// with `send(new Command(input))`, outputs with `$metadata`, errors as exceptions with `name`,
// `$fault` and `$metadata.httpStatusCode`. Every command goes to the engine's simulated account
// (simulator/aws) through `call`; bundled into the worker runtime by worker/entry.ts.

type AwsCall = (service: string, op: string, input: unknown) => Promise<any>;

/** What the clients need of the runtime: a virtual-time sleep and the seeded random stream. */
export interface AwsSdkRuntime {
  sleep(ms: number): Promise<void>;
  random(): number;
}

export function makeAwsSdk(call: AwsCall, Buffer: any, runtime: AwsSdkRuntime): Record<string, Record<string, unknown>> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

  /** Bytes that also read as text, as the SDK's Uint8ArrayBlobAdapter does. */
  function blob(bytes: Uint8Array) {
    const out: any = Buffer.from(bytes);
    out.transformToString = (encoding?: string) => (encoding && encoding !== 'utf-8' && encoding !== 'utf8' ? Buffer.from(bytes).toString(encoding) : decoder.decode(bytes));
    out.transformToByteArray = async () => new Uint8Array(bytes);
    return out;
  }
  /** GetObject's Body: a one-chunk stream with the SDK's transform helpers. */
  function bodyStream(bytes: Uint8Array) {
    return {
      transformToString: async (encoding?: string) => blob(bytes).transformToString(encoding),
      transformToByteArray: async () => new Uint8Array(bytes),
      transformToWebStream: () => new ReadableStream({ start(c) { c.enqueue(new Uint8Array(bytes)); c.close(); } }),
      async *[Symbol.asyncIterator]() { yield Buffer.from(bytes); },
    };
  }
  const bytesOf = (body: any): Uint8Array => ('text' in body ? encoder.encode(body.text) : Buffer.from(body.base64, 'base64'));

  function exceptionClass(name: string, base: any) {
    const C = class extends base {};
    Object.defineProperty(C, 'name', { value: name });
    return C;
  }
  function serviceException(service: string) {
    const C = class extends Error {
      $fault: string; $metadata: unknown;
      constructor(opts: { message: string; name?: string; $fault?: string; $metadata?: unknown }) {
        super(opts.message);
        this.name = opts.name ?? service;
        this.$fault = opts.$fault ?? 'client';
        this.$metadata = opts.$metadata ?? {};
      }
    };
    Object.defineProperty(C, 'name', { value: service });
    return C;
  }
  const metadata = (httpStatusCode: number, requestId: string, attempts = 1, totalRetryDelay = 0) =>
    ({ httpStatusCode, requestId, extendedRequestId: undefined, cfId: undefined, attempts, totalRetryDelay });

  // The SDK's standard retry mode: throttling and 5xx errors are retried up to maxAttempts (3)
  // times in all, after a random delay up to base x 2^attempt (500 ms base for throttling,
  // 100 ms otherwise), at most 20 s. https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
  const THROTTLING = ['ProvisionedThroughputExceededException', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Throttling'];
  async function withRetries(maxAttempts: number, attempt: () => Promise<any>) {
    let totalRetryDelay = 0;
    for (let n = 1; ; n++) {
      const r = await attempt();
      const throttled = r.error && THROTTLING.includes(r.error.name);
      const retryable = r.error && (throttled || r.error.httpStatusCode >= 500);
      if (!retryable || n >= maxAttempts) return { r, attempts: n, totalRetryDelay };
      const delay = Math.floor(Math.min(20_000, runtime.random() * 2 ** (n - 1) * (throttled ? 500 : 100)));
      totalRetryDelay += delay;
      await runtime.sleep(delay);
    }
  }

  function makeService(service: string, clientName: string, exceptionName: string, errors: string[],
    commands: Record<string, string>, prepare: (op: string, input: any) => any, finish: (op: string, out: any) => any) {
    const Base = serviceException(exceptionName);
    const classes: Record<string, any> = { [exceptionName]: Base };
    for (const e of errors) classes[e] = exceptionClass(e, Base);
    async function send(op: string, input: any, config: any = {}) {
      const prepared = prepare(op, input ?? {});
      const maxAttempts = Number.isInteger(config.maxAttempts) && config.maxAttempts > 0 ? config.maxAttempts : 3;
      const { r, attempts, totalRetryDelay } = await withRetries(maxAttempts, () => call(service, op, prepared));
      if (r.error) {
        const Cls = classes[r.error.name] ?? Base;
        const err: any = new Cls({ message: r.error.message, name: r.error.name, $fault: r.error.fault, $metadata: metadata(r.error.httpStatusCode, r.requestId, attempts, totalRetryDelay) });
        if (service === 's3') err.Code = r.error.name;
        throw err;
      }
      return { ...finish(op, r.output), $metadata: metadata(r.httpStatusCode ?? 200, r.requestId, attempts, totalRetryDelay) };
    }
    const Client = class {
      config: any;
      middlewareStack = { add() {}, addRelativeTo() {}, use() {} };
      constructor(config: any = {}) { this.config = { ...config }; }
      send(command: any, cb?: (e: unknown, r?: unknown) => void) {
        const op = command && command.constructor && command.constructor.__awsOp;
        const p = op && command.constructor.__awsService === service
          ? send(op, command.input, this.config)
          : Promise.reject(new TypeError(`${clientName} cannot send ${command && command.constructor ? command.constructor.name : typeof command}`));
        if (typeof cb === 'function') { p.then((r) => cb(null, r), (e) => cb(e)); return undefined; }
        return p;
      }
      destroy() {}
    };
    Object.defineProperty(Client, 'name', { value: clientName });
    const mod: Record<string, unknown> = { [clientName]: Client, ...classes };
    for (const [name, op] of Object.entries(commands)) mod[name] = command(name, service, op);
    return { mod, send };
  }
  function command(name: string, service: string, op: string) {
    const C: any = class { input: any; middlewareStack = { add() {}, use() {} }; constructor(input: any) { this.input = input; } };
    Object.defineProperty(C, 'name', { value: name });
    C.__awsOp = op;
    C.__awsService = service;
    return C;
  }
  const plain = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  const same = (_op: string, v: any) => plain(v);

  // ---- S3
  const s3 = makeService('s3', 'S3Client', 'S3ServiceException', ['NoSuchKey', 'NoSuchBucket', 'NotFound', 'InvalidRequest'], {
    PutObjectCommand: 'PutObject', GetObjectCommand: 'GetObject', HeadObjectCommand: 'HeadObject',
    DeleteObjectCommand: 'DeleteObject', ListObjectsV2Command: 'ListObjectsV2',
  }, (op, input) => {
    if (op !== 'PutObject') return plain(input);
    const b = input.Body;
    const body = b === undefined ? { text: '' } : typeof b === 'string' ? { text: b } : isBytes(b) ? { base64: Buffer.from(b).toString('base64') } : { text: String(b) };
    return { ...plain({ ...input, Body: undefined }), Body: body };
  }, (_op, out) => {
    const o = { ...out };
    if (o.LastModified) o.LastModified = new Date(o.LastModified);
    if (o.Contents) o.Contents = o.Contents.map((c: any) => ({ ...c, LastModified: new Date(c.LastModified) }));
    if (o.Body) o.Body = bodyStream(bytesOf(o.Body));
    return o;
  });

  // ---- SQS, SNS
  const sqs = makeService('sqs', 'SQSClient', 'SQSServiceException', ['QueueDoesNotExist', 'TooManyEntriesInBatchRequest', 'EmptyBatchRequest', 'MissingParameter'], {
    SendMessageCommand: 'SendMessage', SendMessageBatchCommand: 'SendMessageBatch', GetQueueUrlCommand: 'GetQueueUrl',
  }, same, (_op, out) => out);
  const sns = makeService('sns', 'SNSClient', 'SNSServiceException', ['NotFoundException', 'InvalidParameterException'], {
    PublishCommand: 'Publish',
  }, same, (_op, out) => out);

  // ---- DynamoDB (low level) and the DocumentClient (lib-dynamodb)
  const dynamoErrors = ['ResourceNotFoundException', 'ProvisionedThroughputExceededException', 'ConditionalCheckFailedException', 'ValidationException'];
  const dynamo = makeService('dynamodb', 'DynamoDBClient', 'DynamoDBServiceException', dynamoErrors, {
    GetItemCommand: 'GetItem', PutItemCommand: 'PutItem', UpdateItemCommand: 'UpdateItem', DeleteItemCommand: 'DeleteItem',
    QueryCommand: 'Query', ScanCommand: 'Scan', BatchWriteItemCommand: 'BatchWriteItem',
  }, same, (_op, out) => out);

  function marshall(value: any, options: any = {}): any {
    if (value === null) return { NULL: true };
    if (value === undefined) throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
    if (typeof value === 'string') return { S: value };
    if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) };
    if (typeof value === 'boolean') return { BOOL: value };
    if (isBytes(value)) return { B: Buffer.from(value).toString('base64') };
    if (Array.isArray(value)) return { L: value.filter((v) => v !== undefined || !options.removeUndefinedValues).map((v) => marshall(v, options)) };
    if (value instanceof Set) {
      const items = [...value];
      return items.every((v) => typeof v === 'number') ? { NS: items.map(String) } : { SS: items.map(String) };
    }
    if (typeof value === 'object') return { M: marshallItem(value, options) };
    throw new Error(`Unsupported type passed: ${String(value)}`);
  }
  function marshallItem(item: any, options: any = {}) {
    const out: any = {};
    for (const [k, v] of Object.entries(item ?? {})) {
      if (v === undefined && options.removeUndefinedValues) continue;
      out[k] = marshall(v, options);
    }
    return out;
  }
  function unmarshall(av: any): any {
    if (!av || typeof av !== 'object') return av;
    if ('S' in av) return av.S;
    if ('N' in av) return Number(av.N);
    if ('BOOL' in av) return av.BOOL;
    if ('NULL' in av) return null;
    if ('L' in av) return av.L.map(unmarshall);
    if ('M' in av) return unmarshallItem(av.M);
    if ('SS' in av) return new Set(av.SS);
    if ('NS' in av) return new Set(av.NS.map(Number));
    if ('B' in av) return Buffer.from(av.B, 'base64');
    return undefined;
  }
  function unmarshallItem(item: any) {
    const out: any = {};
    for (const [k, v] of Object.entries(item ?? {})) out[k] = unmarshall(v);
    return out;
  }
  const docCommands: Record<string, string> = {
    GetCommand: 'GetItem', PutCommand: 'PutItem', UpdateCommand: 'UpdateItem', DeleteCommand: 'DeleteItem', QueryCommand: 'Query', ScanCommand: 'Scan',
    BatchWriteCommand: 'BatchWriteItem',
  };
  /** BatchWrite's RequestItems: { table: [{ PutRequest: { Item } } | { DeleteRequest: { Key } }] }, converted item by item. */
  const batchItems = (items: any, convert: (item: any) => any) => Object.fromEntries(Object.entries(items ?? {}).map(([table, list]: [string, any]) => [table,
    list.map((r: any) => (r.PutRequest ? { PutRequest: { Item: convert(r.PutRequest.Item) } } : { DeleteRequest: { Key: convert(r.DeleteRequest && r.DeleteRequest.Key) } }))]));
  const DocumentClient = class {
    client: any; config: any; translateConfig: any;
    middlewareStack = { add() {}, use() {} };
    static from(client: any, translateConfig?: any) { return new DocumentClient(client, translateConfig); }
    constructor(client: any, translateConfig?: any) { this.client = client; this.config = client && client.config; this.translateConfig = translateConfig ?? {}; }
    async send(cmd: any) {
      const op = cmd && cmd.constructor && cmd.constructor.__docOp;
      if (!op) return this.client.send(cmd);
      const opts = this.translateConfig.marshallOptions ?? {};
      const input = { ...cmd.input };
      for (const f of ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey']) if (input[f] !== undefined) input[f] = marshallItem(input[f], opts);
      if (input.RequestItems) input.RequestItems = batchItems(input.RequestItems, (i) => marshallItem(i, opts));
      const out = await dynamo.send(op, input, this.config);
      if (out.UnprocessedItems) out.UnprocessedItems = batchItems(out.UnprocessedItems, unmarshallItem);
      for (const f of ['Item', 'Attributes', 'LastEvaluatedKey']) if (out[f]) out[f] = unmarshallItem(out[f]);
      if (out.Items) out.Items = out.Items.map(unmarshallItem);
      return out;
    }
    destroy() {}
  };
  Object.defineProperty(DocumentClient, 'name', { value: 'DynamoDBDocumentClient' });
  const lib: Record<string, unknown> = { DynamoDBDocumentClient: DocumentClient };
  for (const [name, op] of Object.entries(docCommands)) {
    const C: any = class { input: any; middlewareStack = { add() {}, use() {} }; constructor(input: any) { this.input = input; } };
    Object.defineProperty(C, 'name', { value: name });
    C.__docOp = op;
    lib[name] = C;
  }

  // ---- Lambda
  const lambda = makeService('lambda', 'LambdaClient', 'LambdaServiceException',
    ['ResourceNotFoundException', 'TooManyRequestsException', 'RequestEntityTooLargeException', 'InvalidRequestContentException', 'RecursiveInvocationException'], {
      InvokeCommand: 'Invoke', GetAccountSettingsCommand: 'GetAccountSettings',
    }, (_op, input) => {
      const p = input.Payload;
      return { ...plain({ ...input, Payload: undefined }), Payload: p === undefined ? undefined : isBytes(p) ? decoder.decode(p) : String(p) };
    }, (_op, out) => (out.Payload === undefined ? out : { ...out, Payload: blob(encoder.encode(out.Payload)) }));

  return {
    '@aws-sdk/client-s3': s3.mod,
    '@aws-sdk/client-sqs': sqs.mod,
    '@aws-sdk/client-sns': sns.mod,
    '@aws-sdk/client-dynamodb': dynamo.mod,
    '@aws-sdk/lib-dynamodb': lib,
    '@aws-sdk/util-dynamodb': { marshall: marshallItem, unmarshall: unmarshallItem, convertToAttr: marshall, convertToNative: unmarshall },
    '@aws-sdk/client-lambda': lambda.mod,
  };
}
