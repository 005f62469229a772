// A push trigger (S3, SNS, API Gateway) may invoke a function only if the function's resource-based
// policy allows its service principal lambda:InvokeFunction, with matching aws:SourceArn and
// aws:SourceAccount conditions. Without the permission the trigger never invokes; the call shows up
// as a denied lambda:InvokeFunction in CloudTrail (the line recorded here) and a metric.
// https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
import type { SourceContext } from '../sources/types';
import { executeApiArn, lambdaFunctionArn, s3BucketArn, scopeOf, snsTopicArn } from './arn';
import type { AccessDeniedError } from './denial';
import { authorizeInvoke } from './iam';

/** The names the simulated triggers use, as their events carry them (sources/events/). */
export const TRIGGER_RESOURCES = { bucket: 'lambda-lab-bucket', topic: 'lambda-lab-topic', apiId: 'lambda-lab-api', stage: 'prod' } as const;

/** Counter in FunctionMetrics.counters (engine label; CloudWatch has no metric for it). */
export const INVOKE_PERMISSION_DENIED = 'InvokePermissionDenied';
/** Log stream of the recorded denials: CloudTrail, where AWS shows a denied InvokeFunction. */
export const CLOUDTRAIL_LOG_STREAM = 'CloudTrail';

export interface Trigger {
  /** Service principal, e.g. s3.amazonaws.com. */
  service: string;
  sourceArn: string;
}

/** Who calls for a push source of this scenario (undefined: a caller the resource policy does not gate here). */
export function triggerOf(src: SourceContext, method = 'GET'): Trigger | undefined {
  const scope = scopeOf(src.scenario);
  const spec = src.spec;
  // The bucket or topic the source names (aws.buckets / aws.topics), else the default its events carry.
  switch (spec.type) {
    case 's3': return { service: 's3.amazonaws.com', sourceArn: s3BucketArn(spec.bucket ?? TRIGGER_RESOURCES.bucket) };
    case 'sns': return { service: 'sns.amazonaws.com', sourceArn: snsTopicArn(spec.topic ?? TRIGGER_RESOURCES.topic, scope) };
    case 'api-gateway':
      return { service: 'apigateway.amazonaws.com', sourceArn: executeApiArn(TRIGGER_RESOURCES.apiId, TRIGGER_RESOURCES.stage, method, '/', scope) };
    default: return undefined;
  }
}

/**
 * The denial when the function's resource policy does not let this trigger invoke it, recorded
 * (counter + CloudTrail line); undefined when the call may go ahead (always, without a policy).
 */
export function deniedTrigger(src: SourceContext, trigger: Trigger | undefined): AccessDeniedError | undefined {
  if (!trigger) return undefined;
  const fn = src.spec.function;
  const policy = src.functionSpec(fn).resourcePolicy;
  if (!policy) return undefined;
  const scope = scopeOf(src.scenario);
  const result = authorizeInvoke(policy, lambdaFunctionArn(fn, scope), {
    principal: { service: trigger.service },
    keys: { 'aws:SourceArn': trigger.sourceArn, 'aws:SourceAccount': scope.accountId },
  });
  if (result.allowed) return undefined;
  src.addCounter(fn, INVOKE_PERMISSION_DENIED, 1);
  src.log(fn, CLOUDTRAIL_LOG_STREAM, `Invoke ${result.error.name} (${trigger.sourceArn}): ${result.error.message}`);
  return result.error;
}
