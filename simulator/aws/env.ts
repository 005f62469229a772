// What every simulated service shares: the engine's clock, the account's seeded random
// stream (ids, jitter) and where the account is.
import type { Lineage } from './types';

export const ACCOUNT_ID = '123456789012';

export interface AwsEnv {
  now(): number;
  /** Runs fn at virtual atMs; 'arrival' orders it before other work of the same ms. */
  schedule(atMs: number, fn: () => void, priority?: 'arrival' | 'normal'): void;
  /** The account's seeded [0, 1) stream. */
  random(): number;
  region: string;
  /** Unix ms of virtual time 0. */
  epochMs: number;
  count(what: string, delta?: number): void;
}

/** A chain that starts outside the account (an upload, a message sent from outside). */
export const rootLineage = (chainId: string): Lineage => ({ chainId, depth: 0 });

export function uuidFrom(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
