// An illustrative day of spiky traffic, served either by a fixed fleet of servers or on demand.
// The numbers are made up to show the shape of the trade-off, not measured from any system.

/** Requests per second in each hour of the day (00:00..23:00): quiet night, a lunchtime spike. */
export const demandRpsByHour: readonly number[] = [
  20, 15, 12, 10, 10, 15, 40, 90, 150, 180, 200, 260, 720, 640, 240, 200, 190, 210, 300, 340, 260, 150, 80, 40,
];

/** Requests one server handles per second in this illustration. */
export const rpsPerServer = 100;

/** Each request keeps one execution environment busy this long: the 120 ms of the lesson's worked example and simulation. */
export const requestDurationMs = 120;

export interface FleetFigures {
  capacityRps: number;
  /** Share of all requests the fleet could serve (the rest wait, time out or fail). */
  servedShare: number;
  /** Share of the paid server capacity that sat idle over the day. */
  idleShare: number;
  /** Hours in which demand exceeded capacity. */
  overloadedHours: number;
}

export function fleetFigures(demand: readonly number[], servers: number, perServerRps = rpsPerServer): FleetFigures {
  const capacityRps = servers * perServerRps;
  const total = demand.reduce((a, d) => a + d, 0);
  const served = demand.reduce((a, d) => a + Math.min(d, capacityRps), 0);
  const idle = demand.reduce((a, d) => a + Math.max(capacityRps - d, 0), 0);
  return {
    capacityRps,
    servedShare: total === 0 ? 1 : served / total,
    idleShare: capacityRps === 0 ? 0 : idle / (capacityRps * demand.length),
    overloadedHours: demand.filter((d) => d > capacityRps).length,
  };
}

/** Peak concurrency when served on demand: rate × duration (lambda-facts F54). */
export function peakConcurrency(demand: readonly number[], durationMs = requestDurationMs): number {
  return Math.ceil((Math.max(...demand) * durationMs) / 1000);
}

/** A share as a percentage that never rounds a loss away: 99.7 % stays 99.7 %, not 100 %. */
export function pct(x: number): string {
  if (x >= 1) return '100 %';
  if (x <= 0) return '0 %';
  const whole = Math.round(x * 100);
  return whole === 100 || whole === 0 ? `${(Math.floor(x * 1000) / 10).toFixed(1)} %` : `${whole} %`;
}

export function describeFleet(servers: number, f: FleetFigures): string {
  return (
    `${servers} server${servers === 1 ? '' : 's'} (${f.capacityRps} requests/s): ` +
    `${pct(f.servedShare)} of requests served, ${f.overloadedHours} overloaded hour${f.overloadedHours === 1 ? '' : 's'}, ` +
    `${pct(f.idleShare)} of paid capacity idle.`
  );
}

/** The fleet chart's accessible name: what the bars measure, in their unit, and the capacity line. */
export function fleetTitle(capacityRps: number): string {
  return `Requests per second, hour by hour, against a fixed fleet capacity of ${capacityRps} requests/s`;
}
