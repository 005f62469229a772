import { describe, expect, it } from 'vitest';
import { rulesLineParts } from './rulesLine';
import type { Scenario } from '../../../simulator/index';

const base: Scenario = { durationMs: 1000, functions: [{ name: 'f', handler: { kind: 'model', durationMs: 5 } }], sources: [] };

describe('the player\'s rules line', () => {
  it('F45 F56 F57: names each rule\'s side for the chosen day, linked to its first source', () => {
    const line = rulesLineParts({ ...base, rules: { asOf: '2022-06-01' } })!;
    expect(line.lead).toBe('Rules as of 2022-06-01:');
    expect(line.items.map((i) => i.text)).toEqual([
      'scaling before 2023-11-26 (F56, F57)', 'billing-granularity since 2020-12-01 (F45)',
      'init-billing before 2025-08-01 (F27, F51)', 'async-payload-limit before 2025-10-01 (F32)',
    ]);
    expect(line.items.every((i) => i.href.startsWith('https://'))).toBe(true);
  });

  it('is absent under today\'s rules', () => {
    expect(rulesLineParts(base)).toBeNull();
    expect(rulesLineParts({ ...base, rules: { use: { scaling: 'before' } } })!.lead).toBe('Rules chosen one by one:');
  });
});
