// The least-privilege and permission measures, on the lesson 6 pipeline (S3 → function → DynamoDB).
import { describe, expect, it } from 'vitest';
import { leastPrivilege } from '../../../content/lessons/06-using-lambda.challenges';
import { grantedActions } from './leastPrivilege';
import type { KnobValue } from './types';
import { runAttempt } from './run';

const solved = leastPrivilege.solution.knobs!;
const ROLE = 'functions.0.role.policy.Statement';
const measured = async (knobs: Record<string, KnobValue>) => {
  const { checks } = await runAttempt(leastPrivilege, { knobs });
  return Object.fromEntries(checks.map((c) => [c.goal.measure, c.measured]));
};

describe('permission measures', () => {
  it('a wildcard grants every simulated action of its service; a Deny takes one back', () => {
    expect(grantedActions([{ Effect: 'Allow', Action: 's3:*' }])).toEqual(['s3:PutObject', 's3:GetObject', 's3:HeadObject', 's3:DeleteObject', 's3:ListObjectsV2']);
    expect(grantedActions([{ Effect: 'Allow', Action: 'S3:*' }, { Effect: 'Deny', Action: 's3:Delete*' }])).not.toContain('s3:DeleteObject');
    expect(grantedActions([{ Effect: 'Allow', NotAction: 's3:*' }])).toContain('dynamodb:DeleteItem');
  });

  it('a resource-based policy without S3: every upload is refused and the function never runs', async () => {
    expect(await measured({})).toMatchObject({ invokeDenied: 5, invocations: 0, accessDenied: 0 });
  });

  it('the exact grants pass every goal', async () => {
    expect(await measured(solved)).toEqual({ invokeDenied: 0, invocations: 5, accessDenied: 0, errors: 0, unneededGrants: 0 });
  });

  it('a missing action: the handler\'s PutCommand gets AccessDenied (and Lambda retries the event)', async () => {
    const m = await measured({ ...solved, [`${ROLE}.1.Action`]: 'dynamodb:GetItem' });
    expect(m.accessDenied).toBeGreaterThanOrEqual(5);
    expect(m.errors).toBe(m.accessDenied);
    expect(m.unneededGrants).toBe(1); // GetItem is granted and never called
  });

  it('s3:* and dynamodb:* run the pipeline but fail least privilege', async () => {
    expect(await measured({ ...solved, [`${ROLE}.0.Action`]: 's3:*' })).toMatchObject({ accessDenied: 0, errors: 0, unneededGrants: 4 });
    expect(await measured({ ...solved, [`${ROLE}.1.Action`]: 'dynamodb:*' })).toMatchObject({ accessDenied: 0, errors: 0, unneededGrants: 10 });
  });
});
