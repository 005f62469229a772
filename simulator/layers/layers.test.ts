// Layers and package size through the scenario and the engine: the deploy-time limits (F36,
// F37), Init lengthened by package size (F24), and a layer's module imported by a handler (F39).
import { describe, expect, test } from 'vitest';
import { parseScenario, simulate, type Scenario } from '../index';
import { layerSampleHandler } from '../runtime/fixtures/real-handlers';
import { packageInitMs, PACKAGE_INIT_SERIES } from './packageInit';
import { MAX_UNZIPPED_BYTES } from './packageSize';

function scenario(fn: Record<string, unknown>, at = [0]): Scenario {
  return {
    seed: 7, durationMs: Math.max(...at) + 1,
    functions: [{ name: 'fn', timeoutMs: 10_000, handler: { kind: 'model', durationMs: 5 }, ...fn }],
    sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at } }],
  } as Scenario;
}
const layer = (name: string, sizeBytes: number) => ({ name, sizeBytes });
const refusal = (fn: Record<string, unknown>) => {
  try { parseScenario(scenario(fn)); return null; } catch (e) { return (e as Error).message; }
};

describe('layers at deploy', () => {
  test('F37: a sixth layer is refused with Lambda\'s error; five are accepted', () => {
    const five = Array.from({ length: 5 }, (_, i) => layer(`l${i}`, 10));
    expect(refusal({ layers: five })).toBeNull();
    expect(refusal({ layers: [...five, layer('l5', 10)] })).toContain('InvalidParameterValueException: Cannot reference more than 5 layers.');
  });

  test('F36: 250 MB unzipped for code plus layers; over it, Lambda\'s two messages', () => {
    const half = MAX_UNZIPPED_BYTES / 2;
    expect(refusal({ layers: [layer('a', half), layer('b', half)], codeSizeBytes: 0 })).toBeNull();
    expect(refusal({ layers: [layer('a', half), layer('b', half + 1)] }))
      .toContain('InvalidParameterValueException: Layers consume more than the available size of 262144000 bytes');
    expect(refusal({ layers: [layer('a', half), layer('b', half)], codeSizeBytes: 5 }))
      .toContain('InvalidParameterValueException: Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is 262144005 bytes.');
  });

  test('F36: a function alone over 250 MB is refused too; a size smaller than the files is not believed', () => {
    expect(refusal({ codeSizeBytes: MAX_UNZIPPED_BYTES + 1 })).toContain('InvalidParameterValueException: Unzipped size must be smaller than 262144000 bytes');
    const text = 'x'.repeat(1000);
    expect(refusal({ layers: [{ name: 'a', sizeBytes: 1, files: { 'nodejs/a.js': text } }, layer('b', MAX_UNZIPPED_BYTES - 999)], codeSizeBytes: 0 }))
      .toContain('Layers consume more than the available size');
  });

  test('F36: a curated package counts at its installed size; an unknown package is refused', () => {
    expect(refusal({ layers: [{ name: 'deps', packages: ['lodash'] }, layer('big', MAX_UNZIPPED_BYTES - 1_500_000)], codeSizeBytes: 50_000 })).toBeNull();
    expect(refusal({ layers: [{ name: 'deps', packages: ['lodash'] }, layer('big', MAX_UNZIPPED_BYTES - 1_500_000)], codeSizeBytes: 100_000 }))
      .toContain('Function code combined with layers exceeds');
    expect(refusal({ packages: ['left-pad'] })).toContain('curated set: lodash');
  });
});

describe('package size and Init (F24)', () => {
  test('F24: the added Init follows the benchmark series above its 1 KB point, rising monotonically, held at 64 MB', () => {
    for (const [kb, ms] of PACKAGE_INIT_SERIES) expect(packageInitMs(kb * 1024)).toBeCloseTo(ms - 242, 5);
    expect(packageInitMs(500)).toBe(0);
    expect(packageInitMs(48 * 1024 * 1024)).toBeCloseTo((1354 + 3184) / 2 - 242, 5);
    expect(packageInitMs(200 * 1024 * 1024)).toBe(3184 - 242);
    let last = 0;
    for (let mb = 0; mb <= 100; mb += 0.5) { const ms = packageInitMs(mb * 1048576); expect(ms).toBeGreaterThanOrEqual(last); last = ms; }
  });

  test('F24: the same cold start with 32 MB of layers reports an Init Duration 1,112 ms longer', async () => {
    const small = await simulate(scenario({}));
    const big = await simulate(scenario({ layers: [layer('deps', 16 * 1048576), layer('more', 16 * 1048576)] }));
    const init = (r: typeof small) => r.invocations[0].initDurationMs!;
    expect(init(big) - init(small)).toBeCloseTo(1354 - 242, 1);
  });

  test('F39, F24: AWS\'s layer sample through simulate(): lodash from a layer, and its 1.4 MB lengthen Init', async () => {
    const code = { handler: { kind: 'code', source: layerSampleHandler } };
    const r = await simulate(scenario({ ...code, layers: [{ name: 'lodash-layer', packages: ['lodash'] }] }));
    expect(r.invocations[0].status).toBe('success');
    expect(r.requests[0].response).toEqual({ statusCode: 200, body: '"2, Pat"' });
    const without = await simulate(scenario({ ...code, layers: [{ name: 'empty', files: {} }] }));
    expect(r.invocations[0].initDurationMs! - without.invocations[0].initDurationMs!).toBeGreaterThan(50);
  });
});
