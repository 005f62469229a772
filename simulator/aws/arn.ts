// ARNs of the simulated resources, built as the event payloads in sources/events/ build them:
// the scenario's Region (service.region, default us-east-1) and the sample account 123456789012.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../sources/events/encoding';

export interface ArnScope {
  region: string;
  accountId: string;
}

/** A scenario's scope (structural, so the scenario types may import this folder's policy types). */
export const scopeOf = (scenario: { service?: { region?: string } }): ArnScope =>
  ({ region: scenario.service?.region ?? DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID });

const full = (s?: Partial<ArnScope>): ArnScope => ({ region: s?.region ?? DEFAULT_REGION, accountId: s?.accountId ?? DEFAULT_ACCOUNT_ID });

/** S3 ARNs carry neither Region nor account. */
export const s3BucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
export const s3ObjectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

export const sqsQueueArn = (queue: string, s?: Partial<ArnScope>) => { const f = full(s); return `arn:aws:sqs:${f.region}:${f.accountId}:${queue}`; };
export const snsTopicArn = (topic: string, s?: Partial<ArnScope>) => { const f = full(s); return `arn:aws:sns:${f.region}:${f.accountId}:${topic}`; };
export const dynamoDbTableArn = (table: string, s?: Partial<ArnScope>) => { const f = full(s); return `arn:aws:dynamodb:${f.region}:${f.accountId}:table/${table}`; };
/** A table's stream: the table ARN, `/stream/` and the stream label (a timestamp). */
export const dynamoDbStreamArn = (table: string, label: string, s?: Partial<ArnScope>) => `${dynamoDbTableArn(table, s)}/stream/${label}`;
export const kinesisStreamArn = (stream: string, s?: Partial<ArnScope>) => { const f = full(s); return `arn:aws:kinesis:${f.region}:${f.accountId}:stream/${stream}`; };
export const lambdaFunctionArn = (fn: string, s?: Partial<ArnScope>) => { const f = full(s); return `arn:aws:lambda:${f.region}:${f.accountId}:function:${fn}`; };
/** API Gateway's SourceArn for an invoke: api id, stage, method and path. */
export const executeApiArn = (apiId: string, stage: string, method: string, path: string, s?: Partial<ArnScope>) => {
  const f = full(s);
  return `arn:aws:execute-api:${f.region}:${f.accountId}:${apiId}/${stage}/${method}${path}`;
};
export const iamRoleArn = (role: string, s?: Partial<ArnScope>) => `arn:aws:iam::${full(s).accountId}:role/${role}`;
/** The identity a function's SDK calls run as: the role's session is named after the function. */
export const assumedRoleArn = (role: string, functionName: string, s?: Partial<ArnScope>) =>
  `arn:aws:sts::${full(s).accountId}:assumed-role/${role}/${functionName}`;
