// The editor's declarations of the simulated AWS SDK compile, accept handlers written in the
// style of AWS's examples and reject a wrong field, as the editor would mark it.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HANDLER_MODULES_DTS } from './handler-types';

function diagnostics(handler: string): string[] {
  const files: Record<string, string> = { '/modules.d.ts': HANDLER_MODULES_DTS, '/index.ts': handler };
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  host.fileExists = (f) => f in files || ts.sys.fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v) => (f in files ? ts.createSourceFile(f, files[f], v) : getSourceFile(f, v));
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const HANDLER = `
import { S3Client, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const s3 = new S3Client({ region: 'us-east-1' });
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event: { key: string }) => {
  try {
    const o = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
    const text: string = await o.Body!.transformToString();
    await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'u', MessageBody: text }));
    await new SNSClient({}).send(new PublishCommand({ TopicArn: 'arn', Message: text }));
    await doc.send(new PutCommand({ TableName: 't', Item: { pk: event.key, n: 1 } }));
    const { Item } = await doc.send(new GetCommand({ TableName: 't', Key: { pk: event.key } }));
    const r = await new LambdaClient({}).send(new InvokeCommand({ FunctionName: 'f', Payload: JSON.stringify(Item) }));
    return [r.StatusCode, r.Payload?.transformToString(), o.$metadata.httpStatusCode];
  } catch (e) {
    if (e instanceof NoSuchKey) return e.$metadata.httpStatusCode;
    throw e;
  }
};`;

describe('HANDLER_MODULES_DTS: the AWS SDK modules', () => {
  it('type-checks an AWS-style handler without errors', () => {
    expect(diagnostics(HANDLER)).toEqual([]);
  });

  it('marks a misspelt input field', () => {
    const errors = diagnostics(HANDLER.replace("{ Bucket: 'b', Key: event.key }", "{ Bucket: 'b', Kee: event.key }"));
    expect(errors.join('\n')).toMatch(/Kee/);
  });
});
