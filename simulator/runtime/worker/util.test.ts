import { inspect as nodeInspect, format as nodeFormat } from 'node:util';
import { describe, expect, test } from 'vitest';
import { loadAwsSample } from '../../sources/events/awsSamples.testkit';
import { makeUtil } from './util';

const util = makeUtil();
const sample = (name: string) => loadAwsSample(`${name}.json`);

// Node's own util is the reference for what console.log prints in the Lambda Node runtime (F120).
const values: [string, unknown][] = [
  ['flat object', { a: 1, b: 'two', c: true, d: null, e: undefined }],
  ['short array', [1, 2, 3]],
  ['seven numbers', [1, 2, 3, 4, 5, 6, 7]],
  ['many strings', ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa']],
  ['long array', Array.from({ length: 120 }, (_, i) => i)],
  ['nested', { a: { b: { c: { d: 1 } } }, list: [{ x: 1 }, { y: [1, 2] }] }],
  ['quotes', { s: "it's", t: 'say "hi"', 'key-with-dash': 1 }],
  ['map and set', { m: new Map([['k', 1]]), s: new Set([1, 2]) }],
  ['objects in a long array', Array.from({ length: 8 }, (_, i) => ({ id: i, ok: i % 2 === 0 }))],
  ['mixed values', [-1, 2.5, 'x', null, undefined, true, 10n, [1, [2, [3, [4]]]]]],
  ['dates and nested arrays', { when: new Date(0), grid: [[1, 2, 3, 4, 5, 6, 7, 8], ['a', 'b']] }],
  ['sqs event', sample('sqs')],
  ['sns event', sample('sns')],
  ['s3 event', sample('s3')],
  ['kinesis event', sample('kinesis')],
  ['api gateway event', sample('api-gateway-rest-v1')],
];

describe('util.inspect and util.format in the handler realm', () => {
  test.each(values)('inspect prints %s exactly like Node', (_name, value) => {
    expect(util.inspect(value)).toBe(nodeInspect(value));
  });

  test('format handles placeholders and mixed arguments like Node', () => {
    const cases: unknown[][] = [['%s is %d years', 'Al', 42], ['%j', { a: 1 }], ['%O', [1]], ['100%', 'done'], [1, 'a', { b: 2 }], ['%i', 3.9]];
    for (const args of cases) expect(util.format(...args)).toBe(nodeFormat(...args));
  });
});

describe('what the hand-written util got wrong', () => {
  test('%o, getters and class instances print exactly like Node', () => {
    class Order { id = 7; get total() { return 3; } }
    const cases: unknown[][] = [['%o', { a: [1, 2] }], ['%o', 'text'], [new Order()], [{ get x() { return 1; } }], [new Error('boom', { cause: 'disk' })]];
    for (const args of cases) expect(util.format(...args)).toBe(nodeFormat(...args));
  });
});
