import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type FunctionConfig } from './state';
import { functionSpec, validateConfig } from './validate-config';

const config = (patch: Partial<FunctionConfig>): FunctionConfig => ({ ...DEFAULT_CONFIG, ...patch });
const fields = (c: FunctionConfig) => [...new Set(validateConfig(c).map((i) => i.field))];

describe('function configuration checks (the engine rules, named by form field)', () => {
  it('accepts Lambda defaults: 128 MB, 3 s, index.handler', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual([]);
  });

  it('accepts memory from 128 to 10,240 MB and rejects just outside (F28)', () => {
    expect(fields(config({ memoryMB: 128 }))).toEqual([]);
    expect(fields(config({ memoryMB: 10240 }))).toEqual([]);
    expect(fields(config({ memoryMB: 1769 }))).toEqual([]);
    expect(fields(config({ memoryMB: 127 }))).toEqual(['memoryMB']);
    expect(fields(config({ memoryMB: 10241 }))).toEqual(['memoryMB']);
  });

  it('accepts a timeout of 1 to 900 whole seconds (F29)', () => {
    expect(fields(config({ timeoutS: 1 }))).toEqual([]);
    expect(fields(config({ timeoutS: 900 }))).toEqual([]);
    expect(fields(config({ timeoutS: 0 }))).toEqual(['timeoutS']);
    expect(fields(config({ timeoutS: 901 }))).toEqual(['timeoutS']);
    expect(fields(config({ timeoutS: 2.5 }))).toEqual(['timeoutS']);
  });

  it('speaks of the timeout in seconds whatever the box holds, never in ms (F29)', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.integer({ min: -2000, max: 2000 }), fc.constantFrom(1.001, 0.5, 900.5)), (timeoutS) => {
      for (const issue of validateConfig(config({ timeoutS }))) {
        expect(issue.field).toBe('timeoutS');
        expect(issue.message).toMatch(/^Timeout: .*\b(s|seconds)\b/);
        expect(issue.message).not.toMatch(/\bms\b|timeoutMs|expected/);
      }
    }), { numRuns: 300 });
  });

  it('flags an empty memory box instead of treating it as a number', () => {
    const issues = validateConfig(config({ memoryMB: Number.NaN }));
    expect(issues.map((i) => i.field)).toEqual(['memoryMB']);
    expect(issues[0].message).toMatch(/^Memory: /);
  });

  it('rejects reserved environment variables by name (F114)', () => {
    const issues = validateConfig(config({ environment: [['AWS_REGION', 'eu-west-1']] }));
    expect(issues).toHaveLength(1);
    expect(issues[0].field).toBe('environment');
    expect(issues[0].message).toContain('AWS_REGION');
  });

  it('rejects more than 4 KB of environment variables (F35)', () => {
    expect(fields(config({ environment: [['BIG', 'x'.repeat(4100)]] }))).toEqual(['environment']);
    expect(fields(config({ environment: [['SMALL', 'x'.repeat(4000)]] }))).toEqual([]);
  });

  it('ignores a blank variable row but rejects a value without a name and a name set twice', () => {
    expect(fields(config({ environment: [['', '']] }))).toEqual([]);
    expect(fields(config({ environment: [['', 'orphan']] }))).toEqual(['environment']);
    expect(fields(config({ environment: [['STAGE', 'a'], ['STAGE', 'b']] }))).toEqual(['environment']);
  });

  it('rejects a handler setting that is not <file>.<export> (F104)', () => {
    expect(fields(config({ handler: 'index' }))).toEqual(['handler']);
    expect(fields(config({ handler: '../x.handler' }))).toEqual(['handler']);
    expect(fields(config({ handler: 'src/app.lambdaHandler' }))).toEqual([]);
  });

  it('accepts both architectures and the current Node.js runtimes (F139), and rejects an unknown runtime', () => {
    for (const runtime of ['nodejs24.x', 'nodejs22.x', 'nodejs20.x']) {
      expect(fields(config({ runtime, architecture: 'arm64' }))).toEqual([]);
    }
    expect(fields(config({ runtime: 'cobol1.0' }))).toEqual(['runtime']);
  });

  it('attaches only the offered layers the configuration names, in the offered order (F38)', () => {
    const offered = [{ name: 'a', files: { 'nodejs/node_modules/a/index.js': '' } }, { name: 'b', packages: ['lodash'] }];
    expect(functionSpec(config({ layers: ['b', 'a'] }), '', {}, offered).layers?.map((l) => l.name)).toEqual(['a', 'b']);
    expect(functionSpec(config({ layers: [] }), '', {}, offered)).not.toHaveProperty('layers');
  });

  it('refuses a sixth layer with the engine\'s message, under Layers (F37)', () => {
    const offered = ['1', '2', '3', '4', '5', '6'].map((n) => ({ name: `l${n}` }));
    expect(validateConfig(config({ layers: offered.slice(0, 5).map((l) => l.name) }), offered)).toEqual([]);
    const issues = validateConfig(config({ layers: offered.map((l) => l.name) }), offered);
    expect(issues.map((i) => i.message)).toEqual(['Layers: InvalidParameterValueException: Cannot reference more than 5 layers.']);
  });
});
