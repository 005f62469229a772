// IAM rules have no fact id in lambda-facts.md; each test names the AWS page it follows.
// Evaluation: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { authorize, authorizeInvoke, callerFor, checkAccess, evaluatePolicy, wildcardMatch, type PolicyDocument } from './iam';
import { assumedRoleArn, dynamoDbTableArn, lambdaFunctionArn, s3ObjectArn, snsTopicArn, sqsQueueArn } from './arn';

const allow = (Action: string | string[], Resource: string | string[]): PolicyDocument => ({
  Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }],
});
const role = (policy: PolicyDocument) => ({ name: 'orders-role', policy });
const caller = { functionName: 'orders' };
const PRINCIPAL = 'arn:aws:sts::123456789012:assumed-role/orders-role/orders';

describe('IAM wildcards (reference_policies_elements_action / _resource)', () => {
  it('* matches any run of characters and ? exactly one', () => {
    expect(wildcardMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.json')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::bucket/file?.txt', 'arn:aws:s3:::bucket/file1.txt')).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::bucket/file?.txt', 'arn:aws:s3:::bucket/file12.txt')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a*b*c', 'aXbYbZc')).toBe(true);
    expect(wildcardMatch('a*b*c', 'aXbYbZ')).toBe(false);
  });

  it('actions compare without case (service and name), resources with case', () => {
    const policy = allow('S3:getobject', 'arn:aws:s3:::Bucket/*');
    expect(evaluatePolicy(policy, 's3:GetObject', 'arn:aws:s3:::Bucket/key')).toBe('allow');
    expect(evaluatePolicy(policy, 's3:GetObject', 'arn:aws:s3:::bucket/key')).toBe('implicitDeny');
    expect(evaluatePolicy(allow('s3:Get*', '*'), 's3:GetObjectAcl', 'arn:aws:s3:::b/k')).toBe('allow');
    expect(evaluatePolicy(allow('s3:Get*', '*'), 's3:PutObject', 'arn:aws:s3:::b/k')).toBe('implicitDeny');
    expect(evaluatePolicy(allow('dynamodb:*', dynamoDbTableArn('t')), 'dynamodb:PutItem', dynamoDbTableArn('t'))).toBe('allow');
  });

  it('NotAction allows everything except the actions it lists', () => {
    const policy: PolicyDocument = { Statement: [{ Effect: 'Allow', NotAction: 'sqs:Delete*', Resource: '*' }] };
    expect(evaluatePolicy(policy, 'sqs:SendMessage', sqsQueueArn('q'))).toBe('allow');
    expect(evaluatePolicy(policy, 'sqs:DeleteMessage', sqsQueueArn('q'))).toBe('implicitDeny');
  });
});

describe('IAM evaluation order (reference_policies_evaluation-logic)', () => {
  it('an explicit Deny wins over any Allow, whatever the statement order', () => {
    const policy: PolicyDocument = {
      Statement: [
        { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/private/*' },
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      ],
    };
    expect(evaluatePolicy(policy, 's3:GetObject', 'arn:aws:s3:::bucket/private/x')).toBe('explicitDeny');
    expect(evaluatePolicy({ Statement: [...policy.Statement].reverse() }, 's3:GetObject', 'arn:aws:s3:::bucket/private/x')).toBe('explicitDeny');
    expect(evaluatePolicy(policy, 's3:GetObject', 'arn:aws:s3:::bucket/public/x')).toBe('allow');
  });

  it('nothing allowed is denied by default (an empty policy allows nothing)', () => {
    expect(evaluatePolicy({ Statement: [] }, 's3:GetObject', 'arn:aws:s3:::b/k')).toBe('implicitDeny');
    expect(authorize(role({ Statement: [] }), 'sns:Publish', snsTopicArn('t'), caller).allowed).toBe(false);
  });

  it('callerFor gives a function spec\'s caller: its role policy, the role name or <function>-role, its Region', () => {
    const spec = { name: 'orders', role: { policy: allow('s3:GetObject', 'arn:aws:s3:::b/*') } };
    const c = callerFor(spec, { region: 'eu-west-1' });
    expect(c).toEqual({ functionName: 'orders', roleName: 'orders-role', role: spec.role.policy, scope: { region: 'eu-west-1' } });
    expect(checkAccess(c, 's3:GetObject', 'arn:aws:s3:::b/k').allowed).toBe(true);
    expect(checkAccess(c, 's3:PutObject', 'arn:aws:s3:::b/k')).toMatchObject({ allowed: false, decision: 'implicitDeny' });
    expect(callerFor({ name: 'open' })).toEqual({ functionName: 'open' });
  });

  it('a function without a role allows every call (scenarios written before roles)', () => {
    expect(authorize(undefined, 's3:DeleteBucket', 'arn:aws:s3:::b', caller)).toEqual({ allowed: true });
    expect(checkAccess({ functionName: 'orders' }, 'dynamodb:DeleteTable', dynamoDbTableArn('t'))).toEqual({ allowed: true });
  });
});

describe('denial errors as each service returns them', () => {
  const denied = (action: string, arn: string, policy: PolicyDocument = { Statement: [] }) => {
    const r = checkAccess({ functionName: 'orders', roleName: 'orders-role', role: policy }, action, arn);
    if (r.allowed) throw new Error('expected a denial');
    return r.error;
  };

  it('the caller is the role session named after the function', () => {
    expect(assumedRoleArn('orders-role', 'orders')).toBe(PRINCIPAL);
  });

  it('S3: AccessDenied 403, the resource in quotes (troubleshoot-403-errors)', () => {
    expect(denied('s3:GetObject', s3ObjectArn('bucket', 'in/a.json'))).toEqual({
      name: 'AccessDenied', httpStatusCode: 403,
      message: `User: ${PRINCIPAL} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/in/a.json" `
        + 'because no identity-based policy allows the s3:GetObject action',
    });
  });

  it('SNS: AuthorizationError 403, the action spelled SNS:Publish', () => {
    expect(denied('sns:Publish', snsTopicArn('alerts'))).toEqual({
      name: 'AuthorizationError', httpStatusCode: 403,
      message: `User: ${PRINCIPAL} is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:alerts `
        + 'because no identity-based policy allows the SNS:Publish action',
    });
  });

  it('SQS AccessDenied 400, DynamoDB AccessDeniedException 400, Lambda AccessDeniedException 403', () => {
    expect(denied('sqs:SendMessage', sqsQueueArn('jobs'))).toMatchObject({ name: 'AccessDenied', httpStatusCode: 400 });
    expect(denied('dynamodb:PutItem', dynamoDbTableArn('orders'))).toEqual({
      name: 'AccessDeniedException', httpStatusCode: 400,
      message: `User: ${PRINCIPAL} is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders `
        + 'because no identity-based policy allows the dynamodb:PutItem action',
    });
    expect(denied('lambda:InvokeFunction', lambdaFunctionArn('other'))).toMatchObject({ name: 'AccessDeniedException', httpStatusCode: 403 });
  });

  it('an explicit deny says so instead of "no policy allows"', () => {
    const policy: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'sqs:*', Resource: '*' }] };
    expect(denied('sqs:SendMessage', sqsQueueArn('jobs'), policy).message).toBe(
      `User: ${PRINCIPAL} is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:123456789012:jobs `
        + 'with an explicit deny in an identity-based policy');
  });
});

describe('resource-based policies (access-control-resource-based)', () => {
  const fnArn = lambdaFunctionArn('thumbs');
  const policy: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: fnArn,
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads-*' }, StringEquals: { 'AWS:SourceAccount': '123456789012' } },
    }],
  };
  const ask = (service: string, sourceArn: string, account = '123456789012') =>
    authorizeInvoke(policy, fnArn, { principal: { service }, keys: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': account } });

  it('the named service with a matching SourceArn and SourceAccount may invoke', () => {
    expect(ask('s3.amazonaws.com', 'arn:aws:s3:::uploads-2026').allowed).toBe(true);
  });

  it('another service, another bucket or another account may not, and the error names the resource-based policy', () => {
    const sns = ask('sns.amazonaws.com', 'arn:aws:s3:::uploads-2026');
    expect(sns).toMatchObject({ allowed: false });
    if (!sns.allowed) {
      expect(sns.error.message).toBe(`User: sns.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: ${fnArn} `
        + 'because no resource-based policy allows the lambda:InvokeFunction action');
    }
    expect(ask('s3.amazonaws.com', 'arn:aws:s3:::other').allowed).toBe(false);
    expect(ask('s3.amazonaws.com', 'arn:aws:s3:::uploads-2026', '210987654321').allowed).toBe(false);
  });

  it('no resource policy: every trigger may invoke', () => {
    expect(authorizeInvoke(undefined, fnArn, { principal: { service: 'sns.amazonaws.com' } }).allowed).toBe(true);
  });

  it('an account principal matches by account id or its root ARN', () => {
    const byAccount: PolicyDocument = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'lambda:*', Resource: '*' }] };
    expect(authorizeInvoke(byAccount, fnArn, { principal: { aws: '123456789012' } }).allowed).toBe(true);
    expect(authorizeInvoke(byAccount, fnArn, { principal: { aws: 'arn:aws:iam::999999999999:role/x' } }).allowed).toBe(false);
  });
});
