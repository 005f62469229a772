import { describe, expect, it } from 'vitest';
import { syncStages } from './flowView';

const counts = { running: 1, succeeded: 2, failed: 3, throttled: 4 };
const labels = (type: string) => syncStages(type, counts).map(([label, value]) => `${label}: ${value}`);

describe('the flow view of a synchronous caller', () => {
  it('F58: labels throttles of a direct Invoke caller 429', () => {
    expect(labels('invoke')).toEqual(['Running: 1', 'Succeeded (200): 2', 'Function error: 3', 'Throttled (429): 4']);
  });

  it('F140, F136: labels throttles behind API Gateway 500 and function errors 502, never 429', () => {
    expect(labels('api-gateway')).toEqual(['Running: 1', 'Answered (the function\'s status): 2',
      'Failed (5xx): 502 on a function error, 504 after 29 s (F136, F93): 3', 'Throttled: client sees 500 (F140): 4']);
    expect(labels('api-gateway').join(' ')).not.toContain('429');
  });
});
