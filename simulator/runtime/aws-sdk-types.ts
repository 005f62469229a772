// TypeScript declarations of the simulated AWS SDK v3 modules (worker/awsSdk.ts) for the
// editor: the clients, the commands the simulation supports and their documented fields.
const COMMON = `
  export interface ResponseMetadata { httpStatusCode?: number; requestId?: string; extendedRequestId?: string; cfId?: string; attempts?: number; totalRetryDelay?: number }
  export interface MetadataBearer { $metadata: ResponseMetadata }
  export interface ClientConfig { region?: string; endpoint?: string; credentials?: unknown; maxAttempts?: number }`;

const exception = (name: string, base: string) => `  export class ${name} extends ${base} {}`;
const serviceException = (name: string) => `  export class ${name} extends Error { readonly $fault: 'client' | 'server'; readonly $metadata: ResponseMetadata; name: string }`;
const client = (name: string, commands: string) => `  export class ${name} {
    constructor(config?: ClientConfig);
    readonly config: ClientConfig;
${commands}
    destroy(): void;
  }`;
const command = (name: string, input: string, output: string) => `  export interface ${name}Input ${input}
  export interface ${name}Output extends MetadataBearer ${output}
  export class ${name}Command { constructor(input: ${name}Input); readonly input: ${name}Input }`;
const send = (names: string[]) => names.map((n) => `    send(command: ${n}Command): Promise<${n}Output>;`).join('\n');

const S3 = `declare module '@aws-sdk/client-s3' {${COMMON}
  export interface StreamingBody { transformToString(encoding?: string): Promise<string>; transformToByteArray(): Promise<Uint8Array>; [Symbol.asyncIterator](): AsyncIterator<Uint8Array> }
${command('PutObject', '{ Bucket: string; Key: string; Body?: string | Uint8Array; ContentType?: string; Metadata?: Record<string, string> }', '{ ETag?: string }')}
${command('GetObject', '{ Bucket: string; Key: string }', '{ Body?: StreamingBody; ContentLength?: number; ContentType?: string; ETag?: string; LastModified?: Date; Metadata?: Record<string, string> }')}
${command('HeadObject', '{ Bucket: string; Key: string }', '{ ContentLength?: number; ContentType?: string; ETag?: string; LastModified?: Date; Metadata?: Record<string, string> }')}
${command('DeleteObject', '{ Bucket: string; Key: string }', '{}')}
${command('ListObjectsV2', '{ Bucket: string; Prefix?: string; MaxKeys?: number }', '{ Contents?: { Key?: string; Size?: number; ETag?: string; LastModified?: Date }[]; KeyCount?: number; IsTruncated?: boolean; Name?: string; Prefix?: string }')}
${client('S3Client', send(['PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'ListObjectsV2']))}
${serviceException('S3ServiceException')}
${['NoSuchKey', 'NoSuchBucket', 'NotFound'].map((n) => exception(n, 'S3ServiceException')).join('\n')}
}`;

const ATTR = '{ DataType: string; StringValue?: string; BinaryValue?: Uint8Array }';
const SQS = `declare module '@aws-sdk/client-sqs' {${COMMON}
  export interface MessageAttributeValue ${ATTR}
${command('SendMessage', '{ QueueUrl: string; MessageBody: string; DelaySeconds?: number; MessageAttributes?: Record<string, MessageAttributeValue> }', '{ MessageId?: string; MD5OfMessageBody?: string; MD5OfMessageAttributes?: string }')}
${command('SendMessageBatch', '{ QueueUrl: string; Entries: { Id: string; MessageBody: string; DelaySeconds?: number; MessageAttributes?: Record<string, MessageAttributeValue> }[] }', '{ Successful: { Id: string; MessageId: string; MD5OfMessageBody: string }[]; Failed: { Id: string; Code: string; Message?: string; SenderFault: boolean }[] }')}
${command('GetQueueUrl', '{ QueueName: string }', '{ QueueUrl?: string }')}
${client('SQSClient', send(['SendMessage', 'SendMessageBatch', 'GetQueueUrl']))}
${serviceException('SQSServiceException')}
${exception('QueueDoesNotExist', 'SQSServiceException')}
}`;

const SNS = `declare module '@aws-sdk/client-sns' {${COMMON}
${command('Publish', `{ TopicArn: string; Message: string; Subject?: string; MessageAttributes?: Record<string, ${ATTR}> }`, '{ MessageId?: string }')}
${client('SNSClient', send(['Publish']))}
${serviceException('SNSServiceException')}
${exception('NotFoundException', 'SNSServiceException')}
}`;

const KEYS = 'ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, V>; ConditionExpression?: string';
const RV = "ReturnValues?: 'NONE' | 'ALL_OLD' | 'ALL_NEW' | 'UPDATED_NEW'";
/** The same operations at two levels: DynamoDB JSON (client-dynamodb) and plain values (lib-dynamodb). */
const dynamoCommands = (suffix: string, V: string) => [
  command(`Get${suffix}`, `{ TableName: string; Key: Record<string, ${V}>; ConsistentRead?: boolean }`, `{ Item?: Record<string, ${V}> }`),
  command(`Put${suffix}`, `{ TableName: string; Item: Record<string, ${V}>; ${KEYS}; ${RV} }`, `{ Attributes?: Record<string, ${V}> }`),
  command(`Update${suffix}`, `{ TableName: string; Key: Record<string, ${V}>; UpdateExpression?: string; ${KEYS}; ${RV} }`, `{ Attributes?: Record<string, ${V}> }`),
  command(`Delete${suffix}`, `{ TableName: string; Key: Record<string, ${V}>; ${KEYS}; ${RV} }`, `{ Attributes?: Record<string, ${V}> }`),
].join('\n').replace(/Record<string, V>/g, `Record<string, ${V}>`);
const queryCommands = (V: string) => [
  command('Query', `{ TableName: string; KeyConditionExpression: string; FilterExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, ${V}>; ScanIndexForward?: boolean; Limit?: number; ConsistentRead?: boolean }`, `{ Items?: Record<string, ${V}>[]; Count?: number; ScannedCount?: number }`),
  command('Scan', `{ TableName: string; FilterExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, ${V}>; Limit?: number }`, `{ Items?: Record<string, ${V}>[]; Count?: number; ScannedCount?: number }`),
].join('\n');
/** BatchWrite: RequestItems by table, answered with what the capacity could not take yet. */
const batchWrite = (name: string, V: string) => {
  const requests = `Record<string, ({ PutRequest: { Item: Record<string, ${V}> } } | { DeleteRequest: { Key: Record<string, ${V}> } })[]>`;
  return command(name, `{ RequestItems: ${requests} }`, `{ UnprocessedItems?: ${requests} }`);
};

const DYNAMODB = `declare module '@aws-sdk/client-dynamodb' {${COMMON}
  export type AttributeValue = { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { L: AttributeValue[] } | { M: Record<string, AttributeValue> } | { SS: string[] } | { NS: string[] } | { B: Uint8Array };
${dynamoCommands('Item', 'AttributeValue')}
${queryCommands('AttributeValue')}
${batchWrite('BatchWriteItem', 'AttributeValue')}
${client('DynamoDBClient', send(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem']))}
${serviceException('DynamoDBServiceException')}
${['ResourceNotFoundException', 'ProvisionedThroughputExceededException', 'ConditionalCheckFailedException'].map((n) => exception(n, 'DynamoDBServiceException')).join('\n')}
}
declare module '@aws-sdk/lib-dynamodb' {${COMMON}
  type NativeValue = any;
${dynamoCommands('', 'NativeValue')}
${queryCommands('NativeValue')}
${batchWrite('BatchWrite', 'NativeValue')}
  export interface TranslateConfig { marshallOptions?: { removeUndefinedValues?: boolean } }
  export class DynamoDBDocumentClient {
    static from(client: import('@aws-sdk/client-dynamodb').DynamoDBClient, translateConfig?: TranslateConfig): DynamoDBDocumentClient;
${send(['Get', 'Put', 'Update', 'Delete', 'Query', 'Scan', 'BatchWrite'])}
    destroy(): void;
  }
}
declare module '@aws-sdk/util-dynamodb' {
  export function marshall(item: Record<string, unknown>, options?: { removeUndefinedValues?: boolean }): Record<string, import('@aws-sdk/client-dynamodb').AttributeValue>;
  export function unmarshall(item: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue>): Record<string, any>;
}`;

const LAMBDA = `declare module '@aws-sdk/client-lambda' {${COMMON}
  export interface PayloadBlob extends Uint8Array { transformToString(encoding?: string): string }
${command('Invoke', "{ FunctionName: string; InvocationType?: 'RequestResponse' | 'Event' | 'DryRun'; Payload?: string | Uint8Array }", "{ StatusCode?: number; FunctionError?: string; ExecutedVersion?: string; Payload?: PayloadBlob }")}
${command('GetAccountSettings', '{}', '{ AccountLimit?: { TotalCodeSize?: number; CodeSizeUnzipped?: number; CodeSizeZipped?: number; ConcurrentExecutions?: number; UnreservedConcurrentExecutions?: number }; AccountUsage?: { TotalCodeSize?: number; FunctionCount?: number } }')}
${client('LambdaClient', send(['Invoke', 'GetAccountSettings']))}
${serviceException('LambdaServiceException')}
${['ResourceNotFoundException', 'TooManyRequestsException', 'RequestEntityTooLargeException', 'InvalidRequestContentException'].map((n) => exception(n, 'LambdaServiceException')).join('\n')}
}`;

export const AWS_SDK_DTS = [S3, SQS, SNS, DYNAMODB, LAMBDA].join('\n') + '\n';
