import { describe, expect, it } from 'vitest';
import { demandRpsByHour, describeFleet, fleetFigures, peakConcurrency, pct } from './traffic-model';
import { trafficChartSvg } from './traffic-chart';

describe('fixed fleet vs on-demand illustration', () => {
  it('serves everything with no idle capacity when capacity exactly matches flat demand', () => {
    expect(fleetFigures([100, 100], 1, 100)).toEqual({ capacityRps: 100, servedShare: 1, idleShare: 0, overloadedHours: 0 });
  });

  it('counts requests above capacity as unserved and capacity above demand as idle', () => {
    const f = fleetFigures([50, 150], 1, 100);
    expect(f.servedShare).toBeCloseTo(150 / 200);
    expect(f.idleShare).toBeCloseTo(50 / 200);
    expect(f.overloadedHours).toBe(1);
  });

  it('shows the trade-off on the illustrative day: a bigger fleet drops less but idles more', () => {
    const small = fleetFigures(demandRpsByHour, 2);
    const big = fleetFigures(demandRpsByHour, 8);
    expect(small.servedShare).toBeLessThan(big.servedShare);
    expect(small.idleShare).toBeLessThan(big.idleShare);
    expect(big.servedShare).toBe(1); // 800 rps covers the 720 rps peak
    expect(big.idleShare).toBeGreaterThan(0.6);
  });

  it('needs far less than the default account concurrency (1,000, F52) at the peak', () => {
    // 720 requests/s x 0.12 s (the lesson's 120 ms function) = 86.4, so 87 environments busy at once (F54)
    expect(peakConcurrency(demandRpsByHour)).toBe(87);
  });

  it('draws one served bar per hour and marks overload only when demand exceeds capacity', () => {
    const fixed = trafficChartSvg({ demand: demandRpsByHour, capacityRps: 400, maxRps: 800, title: 't' });
    expect(fixed.match(/class="bar-served"/g)).toHaveLength(24);
    expect(fixed.match(/class="bar-over"/g)).toHaveLength(2); // 720 and 640 rps
    const onDemand = trafficChartSvg({ demand: demandRpsByHour, capacityRps: null, maxRps: 800, title: 't' });
    expect(onDemand).not.toContain('bar-over');
    expect(onDemand).not.toContain('bar-idle');
  });

  it('never rounds a loss away: 7 servers miss the 720 requests/s hour, so less than 100 % is served', () => {
    const seven = fleetFigures(demandRpsByHour, 7);
    expect(seven.overloadedHours).toBe(1);
    expect(describeFleet(7, seven)).not.toContain('100 %');
    expect(pct(0.9966)).toBe('99.6 %');
    expect(pct(0.5)).toBe('50 %');
    expect(pct(1)).toBe('100 %');
  });

  it('labels the axis with its unit, requests per second', () => {
    const svg = trafficChartSvg({ demand: demandRpsByHour, capacityRps: 400, maxRps: 800, title: 'Requests per second, hour by hour' });
    expect(svg).toContain('>requests/s</text>');
  });
});
