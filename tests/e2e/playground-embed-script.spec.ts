// The one-tag embed: a page on another origin loads /embed.js with data-* attributes and gets an
// iframe per tag, each sized by its own frame's messages, with the host page left as it was.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { openHost } from './helpers/host';
import { seekPlayer } from './helpers/player';

// Every embed runs the engine in its own frame; the machines are shared, so allow time.
test.describe.configure({ timeout: 150_000 });


// Six requests 10 ms apart, each 300 ms of work: six cold starts, six environments at once.
const burst = {
  seed: 11,
  durationMs: 2000,
  functions: [{ name: 'burst-api', handler: { kind: 'model', initMs: 200, durationMs: 300 } }],
  sources: [{ type: 'invoke', function: 'burst-api', invocationType: 'RequestResponse', arrivals: { at: [0, 10, 20, 30, 40, 50] } }],
};
const trickle = {
  seed: 5,
  durationMs: 3000,
  functions: [{ name: 'trickle-api', memoryMB: 512, handler: { kind: 'model', durationMs: 80 } }],
  sources: [{ type: 'invoke', function: 'trickle-api', invocationType: 'RequestResponse', arrivals: { at: [0, 1000, 2000] } }],
};

function twoEmbeds(origin: string): string {
  return `<h1>Why the first request is slow</h1>
    <p id="before">Host text before the embeds.</p>
    <script src="${origin}/embed.js" data-widget="timeline" data-scenario='${JSON.stringify(trickle)}' data-title="Cold starts"
      data-views="timeline" data-knobs="none" data-window-ms="4000" async></script>
    <p id="between">Host text between the embeds.</p>
    <script src="${origin}/embed.js" data-widget="concurrency" data-scenario='${JSON.stringify(burst)}' data-title="A burst" data-theme="dark" defer></script>
    <p id="after">Host text after the embeds.</p>`;
}

const frameHeight = (page: Page, selector: string) => page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
/** The height the frame's own document says it needs. */
const contentHeight = (page: Page, selector: string) =>
  page.frameLocator(selector).locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));

test('two script tags on another origin each get their own iframe, sized by their own frame', async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await openHost(page, twoEmbeds(baseURL!));
  const timeline = 'iframe[src*="/embed/timeline/"]';
  const concurrency = 'iframe[src*="/embed/concurrency/"]';
  await expect(page.locator('iframe')).toHaveCount(2);

  // Each iframe sits right after its own script, with a title and the documented attributes.
  const placed = await page.evaluate(() =>
    [...document.querySelectorAll('script[src$="/embed.js"]')].map((s) => {
      const f = s.nextElementSibling as HTMLIFrameElement;
      return { tag: f.tagName, title: f.title, loading: f.loading, border: getComputedStyle(f).borderTopWidth, width: f.getBoundingClientRect().width, bodyWidth: document.body.clientWidth - 24 };
    }),
  );
  expect(placed.map((p) => [p.tag, p.title, p.loading, p.border])).toEqual([
    ['IFRAME', 'Cold starts', 'lazy', '0px'],
    ['IFRAME', 'A burst', 'lazy', '0px'],
  ]);
  for (const p of placed) expect(p.width).toBe(p.bodyWidth);
  const src = new URL((await page.locator(concurrency).getAttribute('src'))!);
  expect(src.origin).toBe(new URL(baseURL!).origin);
  expect(src.searchParams.get('title')).toBe('A burst');
  expect(src.searchParams.get('theme')).toBe('dark');
  // Sandboxed as tightly as the player allows (the reasons sit in src/lib/embed/loader.ts).
  await expect(page.locator(concurrency)).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');

  // Each frame shows the scenario its own tag gave.
  await expect(page.frameLocator(timeline).locator('.lsp-title')).toHaveText('Cold starts');
  await expect(page.frameLocator(concurrency).locator('.lsp-title')).toHaveText('A burst');
  await expect(page.frameLocator(concurrency).locator('html')).toHaveAttribute('data-theme', 'dark');
  const shown = await page.frameLocator(timeline).locator('lambda-simulation-player').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  expect(JSON.parse(shown.scenario!)).toMatchObject({ seed: 5, durationMs: 3000, functions: [{ name: 'trickle-api', memoryMB: 512 }] });
  expect([shown.views, shown.knobs, shown.windowMs]).toEqual(['timeline', 'none', '4000']);
  const burstPlayer = page.frameLocator(concurrency).locator('lambda-simulation-player');
  await page.locator(concurrency).scrollIntoViewIfNeeded(); // Chromium stops painting cross-origin frames out of view
  await expect(burstPlayer.locator('.lsp-controls')).toBeVisible();
  await seekPlayer(burstPlayer, 2000);
  await expect(burstPlayer.locator('[data-stat="invocations"]')).toHaveText('6');
  await expect(burstPlayer.locator('[data-stat="max-concurrency"]')).toHaveText('6');
  await expect(page.frameLocator(concurrency).locator('.embed-credit a')).toHaveAttribute('href', /^\/playground\/#scenario=/);

  // Each iframe takes the height its own document reports, and the two differ.
  for (const f of [timeline, concurrency]) {
    await page.locator(f).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await frameHeight(page, f)) - (await contentHeight(page, f)), { timeout: 20_000 }).toBe(0);
  }
  const [timelineH, concurrencyH] = [await frameHeight(page, timeline), await frameHeight(page, concurrency)];
  expect(timelineH).toBeGreaterThan(150);
  expect(concurrencyH).not.toBe(timelineH);

  // One frame growing resizes that iframe only.
  await page.frameLocator(concurrency).locator('body').evaluate((b) => (b.style.paddingBottom = '300px'));
  await expect.poll(() => frameHeight(page, concurrency)).toBe(concurrencyH + 300);
  expect(await frameHeight(page, timeline)).toBe(timelineH);

  // A resize message from anywhere but the frame itself is ignored.
  await page.evaluate(() => window.postMessage({ type: 'lambda-lab:resize', height: 5 }, '*'));
  await page.waitForTimeout(300);
  expect(await frameHeight(page, timeline)).toBe(timelineH);

  // The host page keeps its own content, title and globals.
  await expect(page).toHaveTitle('A post about cold starts');
  await expect(page.locator('h1')).toHaveText('Why the first request is slow');
  for (const id of ['before', 'between', 'after']) await expect(page.locator(`#${id}`)).toBeVisible();
  const leaked = await page.evaluate(() => {
    const before = new Set((window as unknown as { namesBefore: string[] }).namesBefore);
    return Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && !/^\d+$/.test(n) && n !== 'namesBefore');
  });
  expect(leaked).toEqual([]);
  problems.expectNone();
});

test('bad data-scenario JSON, a non-object or an unknown widget shows a message in place of the iframe', async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  await openHost(page, `<p id="before">Before.</p>
    <script src="${baseURL}/embed.js" data-widget="timeline" data-scenario='{"durationMs": 40' async></script>
    <p id="middle">Middle.</p>
    <script src="${baseURL}/embed.js" data-widget="gauges" async></script>
    <script src="${baseURL}/embed.js" data-scenario='[1, 2]' async></script>
    <p id="after">After.</p>`);
  const notes = page.getByRole('alert');
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(0)).toContainText('data-scenario is not valid JSON');
  await expect(notes.nth(1)).toContainText('data-widget="gauges" is not one of player, timeline, concurrency, flows');
  await expect(notes.nth(2)).toContainText('data-scenario must be a JSON object');
  await expect(page.locator('iframe')).toHaveCount(0);
  // Each message sits where its tag is, and the page around it is untouched.
  const order = await page.evaluate(() => [...document.body.children].map((e) => e.id || e.tagName.toLowerCase()));
  expect(order).toEqual(['before', 'script', 'p', 'middle', 'script', 'p', 'script', 'p', 'after']);
  await expect(page.locator('#after')).toHaveText('After.');
  await expectNoAxeViolations(page, { include: '[data-lambda-lab-embed-error]' }); // contrast and role of the messages
  problems.expectNone();
});

test('a scenario the engine rejects reaches the frame, which says why and shows the default', async ({ page, baseURL }) => {
  const tooSmall = { ...trickle, functions: [{ ...trickle.functions[0], memoryMB: 64 }] }; // Lambda memory starts at 128 MB (F28)
  await openHost(page, `<script src="${baseURL}/embed.js" data-widget="timeline" data-scenario='${JSON.stringify(tooSmall)}'></script>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.embed-error')).toContainText('The embedded scenario is not valid: functions.0.memoryMB');
  await expect(frame.locator('.embed-error')).toContainText('Showing the default scenario instead.');
  await expect(frame.locator('figure[data-view="timeline"]')).toBeVisible();
  const shown = await frame.locator('lambda-simulation-player').evaluate((el) => JSON.parse((el as HTMLElement).dataset.scenario!));
  expect(shown.functions[0].name).not.toBe('trickle-api');
});

test('a tag that never ran itself is still embedded by another tag for the same file', async ({ page, baseURL }) => {
  // Some editors paste HTML with innerHTML, which never runs the scripts in it.
  await openHost(page, `<div id="pasted"></div>
    <script>document.getElementById('pasted').innerHTML = '<script src="${baseURL}/embed.js" data-widget="flows" data-title="Pasted"><\\/script>';</script>
    <script src="${baseURL}/embed.js" data-widget="timeline" data-title="Ran itself" async></script>`);
  await expect(page.locator('iframe')).toHaveCount(2);
  await expect(page.locator('#pasted iframe')).toHaveAttribute('title', 'Pasted');
  await expect(page.frameLocator('#pasted iframe').locator('figure[data-view="flows"]')).toBeVisible();
  // Without a scenario each shows the default one, with no complaint.
  await expect(page.frameLocator('#pasted iframe').locator('.embed-error')).toBeHidden();
});

for (const [name, width] of [['desktop', 1280], ['phone', 360]] as const) {
  test(`a host page with two embeds fits a ${name} screen without sideways scrolling`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 900 });
    await openHost(page, twoEmbeds(baseURL!));
    for (const f of ['iframe[src*="/embed/timeline/"]', 'iframe[src*="/embed/concurrency/"]']) {
      // Chromium holds back layout and resize observers in cross-origin frames out of view.
      await page.locator(f).scrollIntoViewIfNeeded();
      await expect(page.frameLocator(f).locator('.lsp-controls')).toBeVisible({ timeout: 20_000 });
      await expect.poll(async () => (await frameHeight(page, f)) - (await contentHeight(page, f)), { timeout: 20_000 }).toBe(0);
      const inner = await page.frameLocator(f).locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(inner).toBeLessThanOrEqual(0);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Cross-origin frames outside the viewport come out blank in a full-page shot: one per embed.
    for (const f of ['timeline', 'concurrency']) {
      const frame = page.locator(`iframe[src*="/embed/${f}/"]`);
      await frame.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500); // a cross-origin frame paints a moment after it scrolls in
      await page.screenshot({ path: test.info().outputPath(`host-${name}-${f}.png`) });
    }
  });
}

test('an embed far below the fold has its full height before the reader scrolls to it', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 360, height: 700 });
  await openHost(page, `<p style="height: 3000px">A long post.</p>
    <script src="${baseURL}/embed.js" data-widget="concurrency" data-scenario='${JSON.stringify(burst)}' async></script>
    <p id="after">The end.</p>`);
  // Out of view the frame gets no animation frames; its charts must be sized all the same.
  await expect.poll(() => frameHeight(page, 'iframe'), { timeout: 30_000 }).toBeGreaterThan(600);
  const offscreen = await frameHeight(page, 'iframe');
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  expect(Math.abs((await frameHeight(page, 'iframe')) - offscreen)).toBeLessThanOrEqual(4);
});
