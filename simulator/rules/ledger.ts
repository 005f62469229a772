// The ledger of Lambda rules that AWS changed over time ("then and now"): one entry per rule,
// with the fact id, the day it changed, the behaviour before and after, and the sources.
// The engine never checks dates itself: resolve.ts turns a scenario's `rules` into values.

export type RuleId = 'scaling' | 'billing-granularity' | 'init-billing' | 'async-payload-limit';

export interface RuleSide {
  /** One sentence a lesson or the player can show. */
  summary: string;
}

export interface RuleEntry {
  id: RuleId;
  /** lambda-facts.md ids the rule rests on. */
  factIds: string[];
  /** The first day the new behaviour applied (UTC, YYYY-MM-DD). */
  changedOn: string;
  /** 'month' when only the month is documented; the 1st is used. */
  precision: 'day' | 'month';
  before: RuleSide;
  after: RuleSide;
  /** Public pages that document the change. */
  sources: string[];
}

/** The public pages the entries cite. */
const SOURCE = {
  scalingBlog: 'https://aws.amazon.com/blogs/aws/aws-lambda-functions-now-scale-12-times-faster-when-handling-high-volume-requests/',
  scalingDoc: 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html',
  scaling2023: 'https://github.com/awsdocs/aws-lambda-developer-guide/blob/03f7fcb0b771f031f7cb3aa43e8b18407c00b3a8/doc_source/invocation-scaling.md',
  pricingWhitepaper: 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html',
  tieredPricing: 'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/',
  initBilling: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase',
  invokeApi: 'https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html',
  payload1MB: 'https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb',
};

export const RULE_LEDGER: readonly RuleEntry[] = [
  { id: 'scaling', factIds: ['F56', 'F57'], changedOn: '2023-11-26', precision: 'day',
    before: { summary: 'An account-wide initial burst of 3,000 (us-east-1, us-west-2, eu-west-1), 1,000 (ap-northeast-1, '
      + 'eu-central-1, us-east-2) or 500 (other Regions) concurrent executions, then +500 per minute, shared by all functions.' },
    after: { summary: 'Each function scales by up to 1,000 execution environments every 10 seconds, independently of the others.' },
    sources: [SOURCE.scalingBlog, SOURCE.scalingDoc, SOURCE.scaling2023] },
  { id: 'billing-granularity', factIds: ['F45'], changedOn: '2020-12-01', precision: 'day',
    before: { summary: 'Duration is billed in 100 ms steps: 12.34 ms bills 100 ms.' },
    after: { summary: 'Duration is billed in 1 ms steps: 12.34 ms bills 13 ms.' },
    sources: [SOURCE.pricingWhitepaper, SOURCE.tieredPricing] },
  { id: 'init-billing', factIds: ['F27', 'F51'], changedOn: '2025-08-01', precision: 'day',
    before: { summary: 'Init is free for on-demand ZIP functions on managed runtimes (billed for custom runtimes and provisioned concurrency).' },
    after: { summary: 'Init is billed like Invoke for every configuration: a cold start bills Init Duration + Duration.' },
    sources: [SOURCE.initBilling] },
  // The facts give only the month (Oct 2025); the 1st is used.
  { id: 'async-payload-limit', factIds: ['F32'], changedOn: '2025-10-01', precision: 'month',
    before: { summary: 'An asynchronous (Event) invoke carries at most 256 KB.' },
    after: { summary: 'An asynchronous (Event) invoke carries at most 1 MB.' },
    sources: [SOURCE.invokeApi, SOURCE.payload1MB] },
];

export const RULE_IDS: readonly RuleId[] = RULE_LEDGER.map((r) => r.id);

export function ruleEntry(id: RuleId): RuleEntry {
  return RULE_LEDGER.find((r) => r.id === id)!;
}
