// rulesFor(scenario.rules): the effective value of every dated rule, read by the scaler, the
// billing and the limits. A rule is 'before' or 'after' its change: by the scenario's asOf date
// (default: today's rules, all 'after'), or named one by one in `use`, which wins over asOf.
import { RULE_LEDGER, type RuleEntry, type RuleId } from './ledger';
import { ASYNC_PAYLOAD_LIMIT_BYTES } from '../scenario/limits';

export type RuleSideName = 'before' | 'after';

/** The scenario's `rules` field. */
export interface RulesOption {
  /** Use the rules in force on this day (YYYY-MM-DD). Default: today's rules. */
  asOf?: string;
  /** Pick single rules by id; wins over asOf. */
  use?: Partial<Record<RuleId, RuleSideName>>;
}

/** F56 (since Nov 2023): per function, `environments` new ones per `windowMs`. */
export interface PerFunctionScaling {
  model: 'per-function';
  environments: number;
  windowMs: number;
}

/** F57 (until Nov 2023): an account-wide burst by Region, then +perMinute each minute. */
export interface AccountBurstScaling {
  model: 'account-burst';
  burst: number;
  perMinute: number;
}

export interface EffectiveRules {
  /** The asOf date asked for, or null for today's rules. */
  asOf: string | null;
  scaling: PerFunctionScaling | AccountBurstScaling;
  /** F45: billed duration is rounded up to a multiple of this. */
  billingGranularityMs: 1 | 100;
  /** F27: whether a cold start's Init is billed for on-demand ZIP functions on managed runtimes. */
  initBilledOnDemand: boolean;
  /** F32: the largest Event payload in bytes (Lambda's KB and MB are KiB and MiB, F28). */
  asyncPayloadLimitBytes: number;
  /** Each ledger entry with the side this run used, in ledger order (for lessons and the player). */
  used: { rule: RuleEntry; side: RuleSideName }[];
}

/** F57: the old initial burst by Region. */
export function legacyBurstFor(region: string): number {
  if (['us-west-2', 'us-east-1', 'eu-west-1'].includes(region)) return 3000;
  if (['ap-northeast-1', 'eu-central-1', 'us-east-2'].includes(region)) return 1000;
  return 500;
}

/** The side of one rule on a day: the new behaviour applies from changedOn on. */
export function sideOn(rule: RuleEntry, asOf: string | undefined): RuleSideName {
  return asOf === undefined || asOf >= rule.changedOn ? 'after' : 'before';
}

/** The values every dated rule takes for a scenario's `rules` and Region. */
export function rulesFor(option: RulesOption | undefined, region = 'us-east-1'): EffectiveRules {
  const used = RULE_LEDGER.map((rule) => ({ rule, side: option?.use?.[rule.id] ?? sideOn(rule, option?.asOf) }));
  const side = (id: RuleId) => used.find((u) => u.rule.id === id)!.side;
  return {
    asOf: option?.asOf ?? null,
    scaling: side('scaling') === 'after'
      ? { model: 'per-function', environments: 1000, windowMs: 10_000 } // F56
      : { model: 'account-burst', burst: legacyBurstFor(region), perMinute: 500 }, // F57
    billingGranularityMs: side('billing-granularity') === 'after' ? 1 : 100, // F45
    initBilledOnDemand: side('init-billing') === 'after', // F27
    asyncPayloadLimitBytes: side('async-payload-limit') === 'after' ? ASYNC_PAYLOAD_LIMIT_BYTES : 262_144, // F32: 256 KB before
    used,
  };
}

/** F45/F27/F51: billed ms of one invocation under the rules; `initMs` 0 on a warm start. */
export function billedDurationMs(rules: EffectiveRules, durationMs: number, initMs: number, initAlwaysBilled: boolean): number {
  const billedInit = rules.initBilledOnDemand || initAlwaysBilled ? initMs : 0;
  const step = rules.billingGranularityMs;
  // At least one step: a run always takes some time (a deterministic handler may measure 0 ms).
  return Math.max(step, Math.ceil((durationMs + billedInit) / step) * step);
}

/** What a result says about the rules it followed: each rule's side, with its facts and sources. */
export interface RulesUsed {
  asOf: string | null;
  rules: { id: RuleId; side: RuleSideName; summary: string; factIds: string[]; changedOn: string; sources: string[] }[];
}

export function rulesUsed(rules: EffectiveRules): RulesUsed {
  return {
    asOf: rules.asOf,
    rules: rules.used.map(({ rule, side }) => ({
      id: rule.id, side, summary: rule[side].summary, factIds: rule.factIds.slice(), changedOn: rule.changedOn, sources: rule.sources.slice(),
    })),
  };
}
