// The error each service returns when IAM denies a call: its own error name, HTTP status and
// the message shape "User: <principal> is not authorized to perform: <action> on resource:
// <arn> because no identity-based policy allows the <action> action" (or "with an explicit deny
// in an identity-based policy"). Sources, per service:
// - S3: AccessDenied, 403; the resource is quoted.
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
// - SNS: AuthorizationError, 403; SNS spells the action's prefix `SNS:` (SNS:Publish).
//   https://docs.aws.amazon.com/sns/latest/api/API_Publish.html (Errors)
// - SQS: AccessDenied ("An error occurred (AccessDenied) when calling the SendMessage operation"),
//   400 as the common AccessDeniedException.
//   https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-access-denied.html,
//   https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
// - DynamoDB: AccessDeniedException, 400.
//   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html
// - Lambda (and any other service): AccessDeniedException, 403 [verify: Lambda does not list it on API_Invoke].
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
export interface AccessDeniedError {
  name: string;
  httpStatusCode: number;
  message: string;
}

export type PolicyKind = 'identity' | 'resource';

interface ServiceError {
  name: string;
  httpStatusCode: number;
  /** How the service prints the action and the resource in its message. */
  action?: (action: string) => string;
  resource?: (arn: string) => string;
}

const SERVICE_ERRORS: Record<string, ServiceError> = {
  s3: { name: 'AccessDenied', httpStatusCode: 403, resource: (arn) => `"${arn}"` },
  sns: { name: 'AuthorizationError', httpStatusCode: 403, action: (a) => `SNS:${a.slice(a.indexOf(':') + 1)}` },
  sqs: { name: 'AccessDenied', httpStatusCode: 400 },
  dynamodb: { name: 'AccessDeniedException', httpStatusCode: 400 },
  lambda: { name: 'AccessDeniedException', httpStatusCode: 403 },
};
const OTHER: ServiceError = { name: 'AccessDeniedException', httpStatusCode: 403 };

/** The service an action belongs to: its prefix before `:`, lower-cased (`S3:GetObject` -> s3). */
export const serviceOf = (action: string) => action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();

export function accessDeniedError(d: {
  principal: string; action: string; resourceArn: string; decision: 'explicitDeny' | 'implicitDeny'; policy: PolicyKind;
}): AccessDeniedError {
  const service = SERVICE_ERRORS[serviceOf(d.action)] ?? OTHER;
  const action = service.action ? service.action(d.action) : d.action;
  const resource = service.resource ? service.resource(d.resourceArn) : d.resourceArn;
  const policy = d.policy === 'identity' ? 'identity-based' : 'resource-based';
  const why = d.decision === 'explicitDeny'
    ? `with an explicit deny in ${d.policy === 'identity' ? 'an' : 'a'} ${policy} policy`
    : `because no ${policy} policy allows the ${action} action`;
  return {
    name: service.name,
    httpStatusCode: service.httpStatusCode,
    message: `User: ${d.principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
  };
}
