// The exercise of lesson 10, as data: the lesson renders it with <Challenge>, and
// tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// The team's shared module, published as a layer. Under nodejs/node_modules it lands in
// /opt/nodejs/node_modules, which is on NODE_PATH (F39, F40).
export const priceFormatModule = `// price-format: one way to show a price, shared by every function of the shop.
exports.formatPrice = (cents, currency = 'EUR') =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(cents / 100);
`;

export const priceFormatLayer = {
  name: 'price-format',
  version: 1,
  files: { 'nodejs/node_modules/price-format/index.js': priceFormatModule },
};

// Copied from the repository where the module used to live next to the handler: the relative
// path looks in /var/task, where the function's own package no longer has it.
const quoteHandler = `import { formatPrice } from './price-format.js';

export const handler = async (event) => {
  return { item: event.item, price: formatPrice(event.cents) };
};
`;

/** A response priced by the layer's module: Intl's euro format of the two payloads' cents. */
export const LAYER_PRICE_PATTERN = '"price":"€(12\\.50|8\\.99)"';

export const useTheLayer: ChallengeSpec = {
  id: 'use-the-layer',
  title: 'Import the shared module from its layer',
  scenario: {
    seed: 10,
    durationMs: 5000,
    functions: [{
      name: 'quote', memoryMB: 256, timeoutMs: 3000, layers: [priceFormatLayer],
      handler: { kind: 'code', source: quoteHandler },
    }],
    sources: [{
      name: 'shop', type: 'invoke', function: 'quote', invocationType: 'RequestResponse',
      arrivals: { at: [0, 1000, 2000, 3000, 4000] },
      payloads: [{ item: 'mug', cents: 1250 }, { item: 'poster', cents: 899 }],
    }],
  },
  code: { function: 'quote' },
  goals: [
    { measure: 'errors', op: '==', value: 0, label: 'none of the 5 requests fails' },
    // Without this goal a handler that drops the import and returns the raw cents would pass:
    // only the layer's formatPrice turns 1250 and 899 into these strings.
    {
      measure: 'responsesMatching', pattern: LAYER_PRICE_PATTERN, op: '==', value: 5,
      label: 'all 5 responses carry the price the layer\'s formatPrice made (€12.50, €8.99)',
    },
  ],
  prediction: {
    measure: 'errors',
    prompt: 'the layer is attached, but the handler imports ./price-format.js. How many of the 5 requests fail?',
    choices: [
      { label: 'none: the layer provides the module', max: 0 },
      { label: 'some of them', min: 1, max: 4 },
      { label: 'all 5', min: 5 },
    ],
  },
  hints: [
    'Read the error in the log: where did the runtime look for ./price-format.js?',
    'A relative path starts from the handler’s folder, /var/task. The layer’s files are under /opt (F38).',
    'Node finds packages in /opt/nodejs/node_modules without any path, as it finds a package from npm (F39, F40).',
  ],
  solution: {
    code: quoteHandler.replace("from './price-format.js'", "from 'price-format'"),
    text: 'Import the module by its package name, `import { formatPrice } from \'price-format\'`: Node looks in /var/task/node_modules, then along NODE_PATH, which includes /opt/nodejs/node_modules where the layer put it. `require(\'price-format\')` in a CommonJS handler, or the absolute path /opt/nodejs/node_modules/price-format/index.js, work too.',
  },
};
