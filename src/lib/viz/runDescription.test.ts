import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../simulator/index';
import { describeRun } from './runDescription';

describe('the run description', () => {
  it('says what arrives when, by source name, and that the run waits for Play', () => {
    const scenario = parseScenario({
      durationMs: 30000,
      functions: [{ name: 'shop-api', memoryMB: 512, handler: { kind: 'model', durationMs: 100 } }],
      sources: [
        { name: 'steady traffic', type: 'invoke', function: 'shop-api', invocationType: 'RequestResponse', arrivals: { rate: 20 } },
        { name: 'the sale', type: 'invoke', function: 'shop-api', invocationType: 'RequestResponse', arrivals: { rate: 150, fromMs: 10000, toMs: 18000 } },
      ],
    });
    expect(describeRun(scenario)).toBe('A simulated run of 30 s: function shop-api (512 MB); steady traffic: 20 requests/s throughout; the sale: 150 requests/s from 10 s to 18 s. It waits for Play.');
  });
});
