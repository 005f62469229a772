// Layout: nothing overflows sideways on a 360 px phone, simulations get the full width on a
// desktop, and reduced motion turns animations off.
import { expect, test } from '@playwright/test';
import { sitePaths } from './helpers/pages';

for (const path of sitePaths()) {
  test(`${path} does not scroll sideways at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflowPx).toBeLessThanOrEqual(0);
  });
}

test('a full-width simulation is wider than the prose around it on a desktop', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/lessons/01-serverless-computing/');
  const sim = await page.locator('.sim-full').first().boundingBox();
  const prose = await page.locator('.sl-markdown-content > p').first().boundingBox();
  expect(sim && prose).toBeTruthy();
  expect(sim!.width).toBeGreaterThan(prose!.width + 200);
});

test('the fleet slider redraws the illustration and states the new figures', async ({ page }) => {
  await page.goto('/lessons/01-serverless-computing/');
  const slider = page.getByRole('slider', { name: /Servers in the fleet/ });
  await slider.fill('8');
  await expect(page.locator('[data-fleet-summary]')).toHaveText(/^8 servers \(800 requests\/s\): 100 % of requests served, 0 overloaded hours/);
  await expect(page.locator('[data-fleet-chart] .bar-over')).toHaveCount(0);
  await slider.fill('1');
  await expect(page.locator('[data-fleet-summary]')).toHaveText(/^1 server \(100 requests\/s\)/);
});

test('with reduced motion requested, transitions are switched off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const durationS = await page.locator('.reset-progress').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
  expect(durationS).toBeLessThan(0.001);
});
