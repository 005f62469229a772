// Small accounts: new AWS accounts start with a concurrency limit of 10. F53 limits what may be
// reserved (100 always stays unreserved), so a limit of 100 or less allows no reservation at all,
// but a scenario that reserves nothing is valid and runs within the small pool (F52).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulator/index';
import { issuesOf } from './helpers';

const model = { kind: 'model' as const, durationMs: 1000 };

describe('accounts below 100 (F53)', () => {
  it('F53: an account limit of 12 with nothing reserved is valid', () => {
    expect(issuesOf({ durationMs: 1000, account: { concurrencyLimit: 12 }, functions: [{ name: 'f', handler: model }], sources: [] })).toEqual([]);
  });

  it('F52: a new account (limit 10) runs 10 requests at once and throttles the 11th', async () => {
    const r = await simulate({
      durationMs: 1000, account: { concurrencyLimit: 10 },
      functions: [{ name: 'f', handler: model }, { name: 'g', handler: model }],
      sources: [
        { type: 'invoke', function: 'f', invocationType: 'RequestResponse', arrivals: { at: Array(6).fill(0) } },
        { type: 'invoke', function: 'g', invocationType: 'RequestResponse', arrivals: { at: Array(5).fill(0) } },
      ],
    });
    expect(r.invocations).toHaveLength(10);
    expect(r.requests.filter((q) => q.outcome === 'throttled')).toHaveLength(1);
    expect(r.requests.find((q) => q.outcome === 'throttled')!.response).toMatchObject({ Reason: 'ConcurrentInvocationLimitExceeded' });
  });

  it('F53: with a limit of 10, reserving or provisioning anything is refused in plain words, never at functions.-1', () => {
    const issues = issuesOf({
      durationMs: 1000, account: { concurrencyLimit: 10 },
      functions: [{ name: 'f', handler: model }, { name: 'g', reservedConcurrency: 2, handler: model }, { name: 'h', provisionedConcurrency: 1, handler: model }],
      sources: [],
    });
    expect(issues.map((i) => i.path)).toEqual(['functions.1.reservedConcurrency', 'functions.2.provisionedConcurrency']);
    expect(issues[0].message).toContain('with a limit of 100 or less nothing can be reserved');
    expect(issues.every((i) => !/-\d/.test(i.path) && !/at most -/.test(i.message))).toBe(true);
  });

  it('F53: reserved concurrency 0 is allowed in a small account (it reserves nothing, F59)', () => {
    expect(issuesOf({ durationMs: 1000, account: { concurrencyLimit: 10 }, functions: [{ name: 'f', reservedConcurrency: 0, handler: model }], sources: [] })).toEqual([]);
  });

  it('F53: a total over the limit is reported at the function that breaks it', () => {
    const issues = issuesOf({
      durationMs: 1000, account: { concurrencyLimit: 300 },
      functions: [
        { name: 'a', reservedConcurrency: 150, handler: model },
        { name: 'b', handler: model },
        { name: 'c', provisionedConcurrency: 40, handler: model },
        { name: 'd', reservedConcurrency: 20, handler: model },
      ],
      sources: [],
    });
    expect(issues).toEqual([{ path: 'functions.3.reservedConcurrency', message: expect.stringContaining('at most 200 of 300') }]);
  });
});
