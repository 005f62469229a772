// Provisioned concurrency billing (F49): configured PC is billed per GB-second from the moment
// it is enabled until it is disabled, that span rounded up to 5 minutes, whether or not it
// serves requests; invocations on provisioned environments bill duration at a lower rate.
// F49 gives the us-east-1 x86 rates only; the engine applies them to arm64 too.

/** F49: $ per GB-second of configured provisioned concurrency. */
export const PC_PRICE_PER_GB_SECOND_USD = 0.0000041667;
/** F49: $ per GB-second of duration on provisioned environments. */
export const PC_DURATION_PRICE_PER_GB_SECOND_USD = 0.0000097222;
/** F49: the enabled span is rounded up to this. */
export const PC_BILLING_INCREMENT_MS = 5 * 60 * 1000;

/** The configured PC of one version over time, as environment-milliseconds to bill. */
export class ProvisionedMeter {
  private level = 0;
  private sinceMs = 0;
  private enabledAtMs = 0;
  private closedEnvMs = 0;
  /** True once any PC was configured (the cost shows a provisioned line only then). */
  used = false;

  constructor(public memoryMB: number) {}

  /** The configured PC is `level` from nowMs on; 0 disables it (the span rounds up, F49). */
  set(level: number, nowMs: number, memoryMB = this.memoryMB): void {
    this.closedEnvMs += this.level * (nowMs - this.sinceMs);
    if (this.level > 0 && level === 0) {
      const span = nowMs - this.enabledAtMs;
      this.closedEnvMs += this.level * (Math.ceil(span / PC_BILLING_INCREMENT_MS) * PC_BILLING_INCREMENT_MS - span);
    }
    if (this.level === 0 && level > 0) {
      this.enabledAtMs = nowMs;
      this.used = true;
    }
    this.level = level;
    this.sinceMs = nowMs;
    this.memoryMB = memoryMB;
  }

  /** GB-seconds of configured PC up to nowMs (an open span is counted as it stands). */
  gbSeconds(nowMs: number): number {
    const envMs = this.closedEnvMs + this.level * Math.max(0, nowMs - this.sinceMs);
    return (envMs / 1000) * (this.memoryMB / 1024);
  }
}
