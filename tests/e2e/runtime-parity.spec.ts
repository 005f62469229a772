// The same handlers behave the same in a browser Web Worker as in a Node worker thread
// (simulator/runtime/parity.test.ts runs the identical list in Node).
import { expect, test } from '@playwright/test';
import { PARITY_EXPECTED } from '../../simulator/runtime/testing/parity-checks';

test.use({ timezoneId: 'America/New_York' }); // the handler must still see UTC (F115)

test('the code-handler runtime gives the Node results inside Chromium module workers', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/dev/runtime-check/');
  await expect(page.locator('#results')).toHaveAttribute('data-done', 'true', { timeout: 45_000 });
  const results = JSON.parse(await page.locator('#results').textContent() ?? '{}');
  expect(results).toEqual(PARITY_EXPECTED);
  expect(errors).toEqual([]);
});

test('the runtime reports its browser timings (printed, not asserted: real time varies)', async ({ page }) => {
  await page.goto('/dev/runtime-check/?timings');
  await expect(page.locator('#timings')).toHaveAttribute('data-done', 'true', { timeout: 55_000 });
  const t = JSON.parse(await page.locator('#timings').textContent() ?? '{}');
  console.log(`Chromium: warm invoke ${t.warmInvokeMs.toFixed(3)} ms, environment start ${t.environmentStartMs.toFixed(1)} ms (medians)`);
  expect(Object.keys(t)).toEqual(['warmInvokeMs', 'environmentStartMs']);
});

test('the check page is marked noindex', async ({ page }) => {
  await page.goto('/dev/runtime-check/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});
