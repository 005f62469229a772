// The embed route: a bare page an iframe can hold, configured by the URL, sizing itself by
// postMessage, and looking right on a phone, on a desktop and in dark mode.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';

// Each test runs the engine in the page (often twice: player and reference); the machines
// these run on are shared, so allow more than the default minute.
test.describe.configure({ timeout: 150_000 });

const hostPage = (baseURL: string) => `<!doctype html><html lang="en"><body><h1>Host page</h1>
    <iframe id="sim" title="Lambda simulation" src="${baseURL}/embed/timeline/?title=Embedded" style="width: 640px; height: 150px; border: 0"></iframe>
    <p id="after">Host text after the iframe</p>
    <script>
      window.heights = [];
      addEventListener('message', (e) => {
        if (e.data && e.data.type === 'lambda-lab:resize') {
          window.heights.push(e.data.height);
          document.getElementById('sim').style.height = e.data.height + 'px';
        }
      });
    </script></body></html>`;

test('an iframe host learns the embed height by postMessage and keeps its own page intact', async ({ page, baseURL }) => {
  // A host page on the site's own origin (so it can listen without CORS noise), served without
  // the site's policy: setContent on a built page would keep that page's policy and refuse the
  // host's inline script.
  await page.route(`${baseURL}/host/`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(baseURL!) }));
  await page.goto('/host/');
  await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
  const height = await page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)!);
  expect(height).toBeGreaterThan(200);
  const frame = page.frameLocator('#sim');
  await expect(frame.locator('.lsp-title')).toHaveText('Embedded');
  await expect(frame.locator('figure[data-view="timeline"]')).toBeVisible();
  await expect(frame.locator('figure[data-view="concurrency"]')).toHaveCount(0);
  await expect(page.locator('#after')).toBeVisible();
});

test('the embed page passes axe and logs no errors', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/embed/player/?theme=dark');
  await expect(page.locator('lambda-simulation-player .lsp-controls')).toBeVisible();
  await page.getByRole('button', { name: 'Step to the next event' }).click();
  await expectNoAxeViolations(page);
  problems.expectNone();
});

for (const [name, width, height, scheme] of [
  ['desktop', 1280, 900, 'light'],
  ['phone', 360, 780, 'light'],
  ['desktop-dark', 1280, 900, 'dark'],
  ['phone-dark', 360, 780, 'dark'],
] as const) {
  test(`the playground fits a ${name} screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await useSystemTheme(page, scheme);
    await page.goto('/playground/');
    const player = page.locator('lambda-simulation-player');
    await expect(player.locator('.lsp-controls')).toBeVisible();
    await seekPlayer(player, 9000);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const canvasWidth = await player.locator('figure[data-view="timeline"] canvas').evaluate((c) => c.getBoundingClientRect().width);
    expect(canvasWidth).toBeGreaterThan(width * 0.6);
    await player.screenshot({ path: test.info().outputPath(`playground-${name}.png`) });
  });
}
