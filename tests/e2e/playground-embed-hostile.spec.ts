// Embeds on a page that means harm: the host posts forged messages to the frame and to itself,
// frames the embed route on its own, and the frame, sandboxed, cannot act on the host's page.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { hostOrigin, openHost } from './helpers/host';

test.describe.configure({ timeout: 150_000 });

const trickle = {
  seed: 5,
  durationMs: 3000,
  functions: [{ name: 'trickle-api', handler: { kind: 'model', durationMs: 80 } }],
  sources: [{ type: 'invoke', function: 'trickle-api', invocationType: 'RequestResponse', arrivals: { at: [0, 1000, 2000] } }],
};
const ours = 'iframe[title="Cold starts"]';

async function embedWithImpostor(page: Page, baseURL: string): Promise<void> {
  // The impostor: the host's own iframe of a real embed route on the site's origin, much taller
  // than ours, so its genuine resize messages would move our frame if origin were all we checked.
  await openHost(page, `<script src="${baseURL}/embed.js" data-widget="timeline" data-title="Cold starts" data-scenario='${JSON.stringify(trickle)}'></script>
    <iframe id="impostor" title="Impostor" src="${baseURL}/embed/player/" style="width:100%;height:200px;border:0"></iframe>`);
  await expect(page.frameLocator(ours).locator('.lsp-controls')).toBeVisible({ timeout: 30_000 });
}

const frameHeight = (page: Page) => page.locator(ours).evaluate((f) => f.getBoundingClientRect().height);
const contentHeight = (page: Page) => page.frameLocator(ours).locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));

test('forged messages to the frame and to the host page leave the embed as it was', async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await embedWithImpostor(page, baseURL!);
  await expect.poll(async () => (await frameHeight(page)) - (await contentHeight(page)), { timeout: 20_000 }).toBe(0);
  const settled = await frameHeight(page);

  await page.evaluate((site) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Cold starts"]')!.contentWindow!;
    const nested: unknown[] = [];
    let at = nested;
    for (let i = 0; i < 2000; i++) at = (at[0] = []) as unknown[];
    const forged: unknown[] = [
      { type: 'lambda-lab:resize', height: 5 },
      { type: 'lambda-lab:resize', height: 1e12 },
      { type: 'lambda-lab:resize', height: 'NaN' },
      { type: 'lambda-lab:scenario', scenario: { durationMs: -1 } },
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "type": "lambda-lab:resize"}'),
      'lambda-lab:resize', null, 42, nested, new ArrayBuffer(1 << 20), new Blob(['x'.repeat(1 << 16)]),
    ];
    for (const message of forged) {
      frame.postMessage(message, '*');
      frame.postMessage(message, site);
      window.postMessage(message, '*'); // to the host itself, where the loader listens
    }
  }, baseURL!);
  await page.waitForTimeout(1500);

  // The frame never listened and the loader took none of it: same height, same picture.
  expect(await frameHeight(page)).toBe(settled);
  const frame = page.frameLocator(ours);
  await expect(frame.locator('.embed-error')).toBeHidden();
  await expect(frame.locator('.lsp-title')).toHaveText('Cold starts');
  await frame.getByRole('button', { name: 'Step to the next event' }).click();
  await expect(frame.locator('.lsp-controls')).toBeVisible();
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await frame.locator('html').evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();

  // The impostor is as tall as it likes; our frame still follows only its own document.
  await page.locator('#impostor').evaluate((f) => f.scrollIntoView());
  await page.frameLocator('#impostor').locator('body').evaluate((b) => (b.style.paddingBottom = '900px'));
  await page.waitForTimeout(800);
  expect(await frameHeight(page)).toBe(settled);
  problems.expectNone();
});

test('the sandboxed frame cannot navigate the host page or open dialogs on it', async ({ page, baseURL }) => {
  await embedWithImpostor(page, baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const frame = page.frames().find((f) => f.url().includes('/embed/timeline/'))!;
  // Chromium refuses each attempt with a console message rather than an exception.
  await frame.evaluate((away) => {
    try {
      window.top!.location.href = away;
    } catch {
      // Some browsers throw instead; either way the host stays.
    }
    alert('from the frame');
    const form = document.createElement('form');
    form.action = away;
    document.body.append(form);
    form.submit();
  }, `${hostOrigin()}/elsewhere/`);
  await page.waitForTimeout(1500);
  expect(page.url()).toBe(`${hostOrigin()}/host/`);
  expect(dialogs).toEqual([]);
  // The form did not submit: the frame is still the embed.
  await expect(page.frameLocator(ours).locator('.lsp-controls')).toBeVisible();
  // Its one way out is the credit link, which opens the playground in a tab of its own.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.frameLocator(ours).locator('.embed-credit a').click()]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe('/playground/');
  await expect(tab.locator('lambda-simulation-player .lsp-controls')).toBeVisible();
});
