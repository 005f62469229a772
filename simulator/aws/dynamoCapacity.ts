// Provisioned capacity of a DynamoDB table as a token bucket per second. One write unit is one
// write per second of up to 1 KB; one read unit one strongly consistent read of up to 4 KB (or two
// eventually consistent). Unused capacity is kept for up to 300 s as burst capacity; a new table
// starts with one second's worth. Sources: DynamoDB developer guide, "Provisioned capacity mode"
// and "Burst capacity" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html).
export const BURST_SECONDS = 300;

export const writeUnits = (itemBytes: number): number => Math.max(1, Math.ceil(itemBytes / 1024));
export const readUnits = (itemBytes: number, consistent: boolean): number =>
  Math.max(1, Math.ceil(itemBytes / 4096)) * (consistent ? 1 : 0.5);

export class CapacityBucket {
  private tokens: number;
  private lastMs: number;

  constructor(private readonly unitsPerSecond: number, nowMs: number) {
    this.tokens = unitsPerSecond;
    this.lastMs = nowMs;
  }

  /** Takes `units` if available now; false means the request is throttled. */
  take(units: number, nowMs: number): boolean {
    const max = this.unitsPerSecond * BURST_SECONDS;
    this.tokens = Math.min(max, this.tokens + ((nowMs - this.lastMs) / 1000) * this.unitsPerSecond);
    this.lastMs = nowMs;
    if (this.tokens < units) return false;
    this.tokens -= units;
    return true;
  }
}
