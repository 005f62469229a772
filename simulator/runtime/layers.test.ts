import { describe, expect, test } from 'vitest';
import { layerSampleHandler } from './fixtures/real-handlers';
import { codeSpec, harness } from './testing/fake-host';
import type { CodeFunctionSpec } from './types';

async function answer(source: string, over: Partial<CodeFunctionSpec> = {}) {
  const h = harness(codeSpec(source, over));
  const init = await h.init();
  const outcome = init.status === 'success' ? await h.invoke({}, 'req-1') : init;
  h.destroy();
  return outcome;
}
const cjs = (text: string) => text; // layer files are CommonJS text

describe('layers and packages in the handler realm', () => {
  test('F39: AWS\'s layer sample (§4 #19) runs unmodified with lodash from a layer', async () => {
    const outcome = await answer(layerSampleHandler, { layers: [{ packages: ['lodash'] }] });
    expect(outcome).toEqual({ status: 'success', response: { statusCode: 200, body: '"2, Pat"' } });
  });

  test('F39: without the layer, or with lodash at the layer root instead of nodejs/node_modules, the import fails', async () => {
    const missing = { status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find package 'lodash' imported from /var/task/index.mjs" };
    expect(await answer(layerSampleHandler)).toMatchObject(missing);
    const misplaced = { files: { 'node_modules/lodash/index.js': cjs('module.exports = { findLastIndex: () => 0 };') } };
    expect(await answer(layerSampleHandler, { layers: [misplaced] })).toMatchObject(missing);
  });

  test('F38: a file in two layers comes from the later one', async () => {
    const layer = (v: string) => ({ files: { 'nodejs/node_modules/greeting/index.js': cjs(`module.exports = '${v}';`) } });
    const source = "const g = require('greeting');\nexports.handler = async () => g;";
    expect(await answer(source, { layers: [layer('A'), layer('B')] })).toEqual({ status: 'success', response: 'B' });
    expect(await answer(source, { layers: [layer('B'), layer('A')] })).toEqual({ status: 'success', response: 'A' });
  });

  test('F40: the function\'s own node_modules first, then /opt/nodejs/node24/node_modules, then /opt/nodejs/node_modules', async () => {
    const layers = [{ files: {
      'nodejs/node_modules/which/index.js': cjs("module.exports = 'nodejs';"),
      'nodejs/node24/node_modules/which/index.js': cjs("module.exports = 'node24';"),
      'nodejs/node_modules/other/index.js': cjs("module.exports = 'nodejs';"),
    } }];
    const source = "exports.handler = async () => [require('which'), require('other'), require.resolve('which')];";
    expect(await answer(source, { layers })).toEqual({ status: 'success', response: ['node24', 'nodejs', '/opt/nodejs/node24/node_modules/which/index.js'] });
    const fakeLodash = { files: { 'nodejs/node_modules/lodash/index.js': cjs("module.exports = { VERSION: 'from the layer' };") } };
    const version = "exports.handler = async () => require('lodash').VERSION;";
    expect(await answer(version, { layers: [fakeLodash] })).toEqual({ status: 'success', response: 'from the layer' });
    expect(await answer(version, { layers: [fakeLodash], packages: ['lodash'] })).toEqual({ status: 'success', response: '4.17.21' });
  });

  test('a layer package with its own files: package.json main, relative requires, JSON, ESM default and named imports', async () => {
    const layers = [{ files: {
      'nodejs/node_modules/shop/package.json': JSON.stringify({ name: 'shop', main: 'lib/main.js' }),
      'nodejs/node_modules/shop/lib/main.js': cjs("const prices = require('../prices.json');\nconst { tax } = require('../util');\nexports.total = (item) => tax(prices[item]);"),
      'nodejs/node_modules/shop/util.js': cjs('exports.tax = (n) => Math.round(n * 1.2);'),
      'nodejs/node_modules/shop/prices.json': '{ "tea": 10 }',
    } }];
    const esm = "import shop, { total } from 'shop';\nexport const handler = async () => [total('tea'), shop.total === total, (await import('shop')).total('tea')];";
    expect(await answer(esm, { layers })).toEqual({ status: 'success', response: [12, true, 12] });
    const broken = "const x = require('shop/missing');\nexports.handler = async () => x;";
    expect(await answer(broken, { layers })).toMatchObject({ status: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: expect.stringContaining("Cannot find module 'shop/missing'") });
  });

  test('a layer file cannot reach the network or real modules with import()', async () => {
    const layers = [{ files: { 'nodejs/node_modules/sneaky/index.js': cjs("module.exports = () => import('https://example.com/x.js');") } }];
    const source = "const sneaky = require('sneaky');\nexports.handler = async () => { try { await sneaky(); return 'fetched'; } catch (e) { return e.code; } };";
    expect(await answer(source, { layers })).toEqual({ status: 'success', response: 'ERR_UNSUPPORTED_ESM_URL_SCHEME' });
  });
});
