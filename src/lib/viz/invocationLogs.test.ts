import { describe, expect, it } from 'vitest';
import { smallTrace } from './fixtures.test-helpers';
import { invocationLogs, reportLine } from './invocationLogs';

describe('invocationLogs', () => {
  it('returns the lines from START to REPORT of that request in its log stream', () => {
    const trace = smallTrace();
    const lines = invocationLogs(trace.logs, trace.invocations[0]).map((l) => l.message);
    expect(lines[0]).toBe('START RequestId: r1 Version: $LATEST');
    expect(lines[1]).toBe('hello from r1');
    expect(lines.at(-1)).toMatch(/^REPORT RequestId: r1\tDuration: 200.00 ms/);
    expect(lines).toHaveLength(4);
  });

  it('finds the REPORT line with Init Duration only on the cold start (F118)', () => {
    const trace = smallTrace();
    const cold = reportLine(invocationLogs(trace.logs, trace.invocations[0]), trace.invocations[0]);
    const warm = reportLine(invocationLogs(trace.logs, trace.invocations[2]), trace.invocations[2]);
    expect(cold).toContain('Init Duration: 100.00 ms');
    expect(warm).not.toContain('Init Duration');
  });
});
