import { describe, expect, it } from 'vitest';
import { defaultKnobs, getPath, setPath } from './knobs';

const scenario = {
  seed: 3,
  durationMs: 10_000,
  functions: [{ name: 'api', memoryMB: 256, handler: { kind: 'model', durationMs: 100 } }],
  sources: [{ type: 'api-gateway', function: 'api', arrivals: { rate: 20 } }],
};

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
