import { test } from '@playwright/test';
const pages = (process.env.SHOT_PAGES ?? '').split(',');
for (const path of pages) for (const width of [1280, 360]) {
  test(`shot ${path} ${width}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    const name = path.split('/')[2];
    let i = 0;
    for (const p of await page.locator('lambda-simulation-player').all()) {
      await p.scrollIntoViewIfNeeded();
      await p.evaluate((el) => (el as any).player.seek(200000));
      await page.waitForTimeout(800);
      await p.screenshot({ path: `/tmp/m78/${name}-${width}-player${i++}.png` });
    }
    i = 0;
    for (const c of await page.locator('lambda-challenge').all()) {
      await c.scrollIntoViewIfNeeded();
      await c.screenshot({ path: `/tmp/m78/${name}-${width}-challenge${i++}.png` });
    }
    await page.screenshot({ path: `/tmp/m78/${name}-${width}-top.png` });
  });
}
