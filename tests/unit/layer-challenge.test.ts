// Lesson 10's use-the-layer challenge beyond the generic checks in challenges.test.ts: a handler
// that stops importing from the layer must not pass, even when none of its requests fails.
import { describe, expect, test } from 'vitest';
import { useTheLayer as spec } from '../../content/lessons/10-layers.challenges';
import { runAttempt } from '../../src/widgets/challenge/run';

const verdicts = async (code: string) => (await runAttempt(spec, { knobs: {}, code })).checks.map((c) => [c.measured, c.met]);

describe('lesson 10: import the shared module from its layer', () => {
  test('F39, F40: importing price-format by its package name meets both goals', async () => {
    expect(await verdicts(spec.solution.code!)).toEqual([[0, true], [5, true]]);
  }, 60_000);

  test('F39: a handler that deletes the layer import answers without errors but fails the layer goal', async () => {
    const noImport = `export const handler = async (event) => ({ item: event.item, price: event.cents });\n`;
    expect(await verdicts(noImport)).toEqual([[0, true], [0, false]]);
  }, 60_000);

  test('F39: formatting the price some other way than the layer does fails the layer goal', async () => {
    const ownFormat = `export const handler = async (event) => ({ item: event.item, price: 'EUR ' + (event.cents / 100).toFixed(2) });\n`;
    expect(await verdicts(ownFormat)).toEqual([[0, true], [0, false]]);
  }, 60_000);

  test('F38: the relative import still fails every request (and so the layer goal)', async () => {
    expect(await verdicts(spec.scenario.functions[0].handler.kind === 'code' ? spec.scenario.functions[0].handler.source : '')).toEqual([[5, false], [0, false]]);
  }, 60_000);
});
