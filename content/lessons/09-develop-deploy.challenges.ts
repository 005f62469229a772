// The exercise of lesson 9, as data: the lesson renders it with <Challenge>, and
// tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

/** Version 1: prices an order; a coupon is optional. Also the lesson's console handler. */
export const pricingV1 = `export const handler = async (event) => {
  let total = 0;
  for (const item of event.items) total += item.price * item.quantity;
  const percent = event.coupon ? event.coupon.percent : 0;
  total = total * (1 - percent / 100);
  return { orderId: event.orderId, total: Math.round(total * 100) / 100 };
};
`;

/** Version 2: a refactor that forgot orders without a coupon (event.coupon is undefined). */
export const pricingV2 = `export const handler = async (event) => {
  const subtotal = event.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const total = subtotal * (1 - event.coupon.percent / 100);
  return { orderId: event.orderId, total: Math.round(total * 100) / 100 };
};
`;

/** Version 3: the refactor, fixed. */
export const pricingV3 = `export const handler = async (event) => {
  const subtotal = event.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const total = subtotal * (1 - (event.coupon?.percent ?? 0) / 100);
  return { orderId: event.orderId, total: Math.round(total * 100) / 100 };
};
`;

/** Three orders in four carry no coupon: version 2 fails on them. */
export const orderPayloads = [
  { orderId: 'A-1001', items: [{ sku: 'mug', price: 12, quantity: 2 }] },
  { orderId: 'A-1002', items: [{ sku: 'lamp', price: 80, quantity: 1 }], coupon: { code: 'WELCOME', percent: 10 } },
  { orderId: 'A-1003', items: [{ sku: 'desk', price: 240, quantity: 1 }] },
  { orderId: 'A-1004', items: [{ sku: 'bulb', price: 5, quantity: 4 }] },
];

const code = (source: string) => ({ kind: 'code' as const, source });

/**
 * The canary scene: alias `live` serves version 1 and sends 10 % of its invocations to version 2
 * (weighted alias routing: https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html).
 * 10 requests per second for a minute, all through `orders:live`.
 */
export function canaryScenario(additionalVersion: { version: number; weight: number } | undefined) {
  return {
    seed: 9,
    durationMs: 60_000,
    functions: [{
      name: 'orders', runtime: 'nodejs24.x' as const, memoryMB: 256, timeoutMs: 3000, handler: code(pricingV1),
      versions: [{ handler: code(pricingV1) }, { handler: code(pricingV2) }, { handler: code(pricingV3) }],
      aliases: [{ name: 'live', version: 1, ...(additionalVersion ? { additionalVersion } : {}) }],
    }],
    sources: [{
      name: 'checkout', type: 'invoke' as const, invocationType: 'RequestResponse' as const, function: 'orders:live',
      arrivals: { rate: 10 }, payloads: orderPayloads,
    }],
  };
}

export const canaryRollback: ChallengeSpec = {
  id: 'canary-rollback',
  title: 'Roll back the canary',
  scenario: canaryScenario({ version: 2, weight: 0.1 }),
  knobs: [
    { path: 'functions.0.aliases.0.version', label: 'Version alias live points at', min: 1, max: 3, step: 1 },
    { path: 'functions.0.aliases.0.additionalVersion.version', label: 'Canary version', min: 1, max: 3, step: 1 },
    { path: 'functions.0.aliases.0.additionalVersion.weight', label: 'Canary weight', min: 0, max: 100, step: 1, unit: '%', scale: 0.01 },
    // Reserved concurrency 0 stops every invocation (F59, F137): no errors, and no orders either.
    { path: 'functions.0.reservedConcurrency', label: 'Reserved concurrency', min: 0, max: 1000, step: 1, optional: true },
  ],
  goals: [
    { measure: 'errors', op: '==', value: 0, label: 'no order sent through live fails (0 errors)' },
    { measure: 'invocations', op: '>=', value: 600, label: 'live still answers all 600 orders of the minute' },
  ],
  prediction: {
    measure: 'errors',
    prompt: 'live sends 10 % of 600 orders to version 2, which fails on orders without a coupon (3 in 4). How many invocations fail?',
    choices: [
      { label: 'none: 10 % is too little to matter', max: 0 },
      { label: 'about 45', min: 20, max: 80 },
      { label: 'about 450', min: 81 },
    ],
  },
  hints: [
    'Open the run’s errors: which version do they come from? The dashboard above splits them by version.',
    'Stopping the function (reserved concurrency 0) ends the errors and the orders with them. A rollback does not stop or delete anything: it changes where the alias sends traffic.',
    'Either stop sending traffic to the broken version, or send the canary share to a version that works.',
  ],
  solution: {
    knobs: { 'functions.0.aliases.0.additionalVersion.weight': 0 },
    text: 'Set the canary weight to 0 %: live sends every order to version 1 again, and version 2 keeps existing, unused, for you to debug. This is `aws lambda update-alias --function-name orders --name live --routing-config AdditionalVersionWeights={}`. Sending the 10 % to version 3, the fix, also passes — that is the next canary — and so does pointing live at version 3 outright, though that skips the test a canary is for.',
  },
};
