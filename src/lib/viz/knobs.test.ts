import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../simulator/index';
import { defaultKnobs, getPath, knobRefusal, knobValueProblem, setPath, shownValue, storedValue, type Knob } from './knobs';
import { PRESETS } from './presets';

const scenario = {
  seed: 3,
  durationMs: 10_000,
  functions: [{ name: 'api', memoryMB: 256, handler: { kind: 'model', durationMs: 100 } }],
  sources: [{ type: 'api-gateway', function: 'api', arrivals: { rate: 20 } }],
} satisfies Scenario;

describe('scenario knobs', () => {
  it('set a value on a copy and leave the original scenario untouched', () => {
    const next = setPath(scenario, 'functions.0.memoryMB', 1024);
    expect(getPath(next, 'functions.0.memoryMB')).toBe(1024);
    expect(scenario.functions[0].memoryMB).toBe(256);
    expect(next.seed).toBe(3);
  });

  it('remove an optional field when cleared and create missing parents when set', () => {
    expect(getPath(setPath(scenario, 'functions.0.memoryMB', undefined), 'functions.0.memoryMB')).toBeUndefined();
    expect(getPath(setPath(scenario, 'account.concurrencyLimit', 50), 'account.concurrencyLimit')).toBe(50);
  });

  it('offer load rate, memory, timeout, reserved and provisioned concurrency for a sync API', () => {
    const paths = defaultKnobs(scenario).map((k) => k.path);
    expect(paths).toEqual(expect.arrayContaining([
      'sources.0.arrivals.rate', 'functions.0.memoryMB', 'functions.0.timeoutMs',
      'functions.0.reservedConcurrency', 'functions.0.provisionedConcurrency', 'functions.0.handler.durationMs',
    ]));
  });

  it('bound memory to the documented 128 MB to 10,240 MB (F28)', () => {
    const memory = defaultKnobs(scenario).find((k) => k.path === 'functions.0.memoryMB')!;
    expect([memory.min, memory.max]).toEqual([128, 10_240]);
  });
});

describe('knobs speak the learner\'s units and names', () => {
  it('show the timeout in seconds, as the Lambda console does (F29), and keep milliseconds in the scenario', () => {
    const timeout = defaultKnobs(scenario).find((k) => k.path === 'functions.0.timeoutMs')!;
    expect([timeout.unit, timeout.min, timeout.max]).toEqual(['s', 1, 900]);
    expect(shownValue(timeout, 3000)).toBe(3);
    expect(storedValue(timeout, 2.5)).toBe(2500);
    expect(storedValue(timeout, undefined)).toBeUndefined();
  });

  it('label each source\'s knob with the source\'s name, so two sources of one type differ', () => {
    const two = { ...scenario, sources: [
      { name: 'steady load', type: 'api-gateway', function: 'api', arrivals: { rate: 40 } },
      { name: 'burst', type: 'api-gateway', function: 'api', arrivals: { rate: 150 } },
    ] } satisfies Scenario;
    const labels = defaultKnobs(two).filter((k) => k.path.startsWith('sources.')).map((k) => k.label);
    expect(labels).toEqual(['Load rate (steady load)', 'Load rate (burst)']);
  });

  it('name every source of every playground preset', () => {
    for (const p of PRESETS) for (const s of (p.scenario as { sources: { name?: string }[] }).sources) expect(s.name, p.id).toBeTruthy();
  });
});

describe('knob messages speak to people', () => {
  const memory: Knob = { path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10_240, step: 64, unit: 'MB' };

  it('explain a value out of range with the knob\'s label and unit, not the scenario path (F28)', () => {
    const text = knobValueProblem(memory, 100)!;
    expect(text).toBe('Memory goes from 128 to 10,240 MB; 100 is too small.');
    expect(text).not.toContain('functions.0');
    expect(knobValueProblem(memory, 512)).toBeUndefined();
  });

  it('word an engine refusal without its path or fact id', () => {
    let refusal: unknown;
    try {
      parseScenario(setPath(scenario, 'functions.0.memoryMB', 100.5));
    } catch (err) {
      refusal = err;
    }
    const text = knobRefusal(memory, refusal);
    expect(text.startsWith('Memory: ')).toBe(true);
    expect(text).not.toMatch(/functions\.0|\(F\d+\)/);
  });
});
