import { describe, expect, it } from 'vitest';
import { syncStages } from './flowView';

const counts = { running: 1, succeeded: 2, failed: 3, throttled: 4 };
const labels = (type: string) => syncStages(type, counts).map(([label, value]) => `${label}: ${value}`);

describe('the flow view of a synchronous caller', () => {
  it('F58: labels throttles of a direct Invoke caller 429', () => {
    expect(labels('invoke')).toEqual(['Running: 1', 'Succeeded (200): 2', 'Function error: 3', 'Throttled (429): 4']);
  });

  it('F140, F136: labels throttles behind API Gateway 500 and function errors 502, never 429', () => {
    expect(labels('api-gateway')).toEqual(['Running: 1', 'Succeeded (200): 2', 'Function error (502): 3', 'Throttled (client got 500): 4']);
    expect(labels('api-gateway').join(' ')).not.toContain('429');
  });
});
