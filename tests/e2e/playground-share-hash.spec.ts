// The playground keeps its scenario in the URL hash as one keyed entry: other entries on the
// page's hash survive, and the plain JSON form the one-tag embed writes opens it too.
import { expect, test } from '@playwright/test';

const scenario = {
  seed: 5, durationMs: 3000,
  functions: [{ name: 'api', memoryMB: 640, handler: { kind: 'model', durationMs: 90 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 1000] } }],
};

test('the player writes its own entry and leaves the rest of the hash alone', async ({ page }) => {
  await page.goto('/playground/#fc-lab=keep-me');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)scenario=[A-Za-z0-9+\-$]+/);
  expect(await page.evaluate(() => location.hash)).toContain('fc-lab=keep-me');
});

test('a #scenario-json= hash opens on the playground and becomes a compressed entry', async ({ page }) => {
  await page.goto(`/playground/#scenario-json=${encodeURIComponent(JSON.stringify(scenario))}`);
  await expect(page.locator('lambda-simulation-player input[data-path="functions.0.memoryMB"]')).toHaveValue('640');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#scenario=[A-Za-z0-9+\-$]+$/);
});
