// EventBridge (CloudWatch Events) scheduled events, as a schedule rule delivers them.
import type { ScheduledEvent } from 'aws-lambda';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, isoTimeSeconds, uuid, type EventContext } from './encoding';

export function buildScheduledEvent(input: { ruleName?: string }, ctx: EventContext): ScheduledEvent<Record<string, never>> {
  const region = ctx.region ?? DEFAULT_REGION;
  const accountId = ctx.accountId ?? DEFAULT_ACCOUNT_ID;
  return {
    // Every EventBridge event carries version "0" (the SAM template omits it; @types requires it).
    version: '0',
    id: uuid(ctx.rng),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: accountId,
    time: isoTimeSeconds(ctx.epochMs),
    region,
    resources: [`arn:aws:events:${region}:${accountId}:rule/${input.ruleName ?? 'lambda-lab-schedule'}`],
    detail: {},
  };
}
