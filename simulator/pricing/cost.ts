// Lambda cost: on-demand us-east-1 first-tier prices, no free tier (simulator-contract.md).
// GB-seconds = sum of billedDurationMs / 1000 x memoryMB / 1024 (F46); requests at F47.

import { PC_DURATION_PRICE_PER_GB_SECOND_USD } from './provisioned';

/** F46: price per GB-second by architecture. */
export const PRICE_PER_GB_SECOND_USD = { x86_64: 0.0000166667, arm64: 0.0000133334 } as const;
/** F47: $0.20 per million requests. */
export const PRICE_PER_REQUEST_USD = 0.0000002;

export function gbSeconds(billedDurationMs: number, memoryMB: number): number {
  return (billedDurationMs / 1000) * (memoryMB / 1024);
}

export function costUsd(requests: number, gbSecondsTotal: number, architecture: 'x86_64' | 'arm64', provisioned = false): number {
  // F49: duration on a provisioned environment bills at the lower PC duration rate.
  const rate = provisioned ? PC_DURATION_PRICE_PER_GB_SECOND_USD : PRICE_PER_GB_SECOND_USD[architecture];
  return gbSecondsTotal * rate + requests * PRICE_PER_REQUEST_USD;
}
