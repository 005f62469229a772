import { expect, test } from 'vitest';
import { PARITY_EXPECTED, runParityChecks } from './testing/parity-checks';

// The same list runs in Chromium (tests/e2e/runtime-parity.spec.ts): Node is the reference.
test('the scripted parity checks give the documented results in a Node worker thread', async () => {
  expect(await runParityChecks()).toEqual(PARITY_EXPECTED);
}, 60_000);
