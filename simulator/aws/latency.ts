// Virtual latency of one SDK call: the resource's setting, else the service default, plus
// seeded jitter. Defaults and where they come from: simulator/README.md, "AWS account".
import type { AwsLatency } from '../scenario/types';
import type { AwsLatencySetting } from './types';

export const DEFAULT_LATENCY: Record<'s3' | 'sqs' | 'sns' | 'dynamodb' | 'lambda', AwsLatencySetting> = {
  s3: { latencyMs: 20, jitterMs: 10 },        // our choice (README)
  sqs: { latencyMs: 8, jitterMs: 4 },         // our choice (README)
  sns: { latencyMs: 15, jitterMs: 5 },        // our choice (README)
  // "single-digit millisecond performance": https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html
  dynamodb: { latencyMs: 5, jitterMs: 3 },
  lambda: { latencyMs: 10, jitterMs: 5 },     // our choice: the Invoke API before the function starts
};

export function latencyOf(service: keyof typeof DEFAULT_LATENCY, resource: AwsLatency | undefined): AwsLatencySetting {
  const d = DEFAULT_LATENCY[service];
  return { latencyMs: resource?.latencyMs ?? d.latencyMs, jitterMs: resource?.jitterMs ?? d.jitterMs };
}
