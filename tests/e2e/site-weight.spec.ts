// JavaScript budgets (gzip -9 of every script a page loads, in bytes, so they hold in CI):
// - the home page and text-only lessons: 15 KiB;
// - a lesson with widgets, before any widget is near the viewport: 50 KiB, no engine, no worker;
// - /lab before the editor is requested: 60 KiB;
// - a lesson, or an embed, once its player runs: the engine fetched once (by the worker), and at
//   most RUNNING_KIB in all. The worker runs the scenario its page already checked
//   (simulator/checked.ts), so it carries neither zod nor the scenario's schemas (nor, for a
//   model-only scenario, the AWS account); a knob change is checked on the page by the checker
//   alone (simulator/check.ts), without a second engine;
// - nobody's page loads Pagefind's UI before search opens.
// Print every page's figures: E2E_DIST=… E2E_PORT=… npx playwright test tests/e2e/site-weight.spec.ts --workers=1
import { expect, test, type Page } from '@playwright/test';
import { sitePaths } from './helpers/pages';
import { describeLoads, kib, NO_INTERSECTIONS, recordScripts, totalBytes, type ScriptLoad } from './helpers/weight';
import { WIDGET_TAGS } from './helpers/widgets';

const KIB = 1024;
/** A page with a player running; /playground starts with one. */
const RUNNING_KIB = 130;
const WIDGETS = `${WIDGET_TAGS}, function-console`;
/** A message only the engine's simulation core holds: a script containing it carries the engine. */
const ENGINE_MARKER = 'simulation was disposed';
const PAGEFIND_UI = /pagefind|ui-core/i;
const LESSON_WITH_PLAYER = '/lessons/01-serverless-computing/';

async function loadBeforeWidgets(page: Page, path: string): Promise<ScriptLoad[]> {
  await page.addInitScript(NO_INTERSECTIONS);
  const js = recordScripts(page);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return js;
}

function report(what: string, js: ScriptLoad[]): number {
  const bytes = totalBytes(js);
  console.log(`[weight] ${what}: ${kib(bytes)} in ${js.length} scripts\n${describeLoads(js)}`);
  return bytes;
}

async function engineCopies(page: Page, js: ScriptLoad[]): Promise<string[]> {
  const carrying: string[] = [];
  for (const url of new Set(js.map((r) => r.url))) { // a second worker of the same script is one copy
    const body = await page.request.get(url).then((r) => r.text());
    if (body.includes(ENGINE_MARKER)) carrying.push(new URL(url).pathname);
  }
  return carrying;
}

for (const path of sitePaths().filter((p) => !p.startsWith('/embed/') && !p.startsWith('/dev/'))) {
  test(`${path}: JavaScript before any widget is near the viewport stays within its budget`, async ({ page }) => {
    const js = await loadBeforeWidgets(page, path);
    const widgets = await page.locator(WIDGETS).count();
    const budget = path === '/lab/' ? 60 : path === '/playground/' ? RUNNING_KIB : widgets > 0 ? 50 : 15;
    const bytes = report(`${path} before widgets (${widgets} widgets, budget ${budget} KiB)`, js);
    expect(js.filter((r) => PAGEFIND_UI.test(r.url)), 'Pagefind loads only when search opens').toEqual([]);
    if (path !== '/playground/') {
      expect(js.filter((r) => r.worker), 'no worker starts before a widget is near').toEqual([]);
      expect(await engineCopies(page, js), 'the engine waits until a widget is near').toEqual([]);
    }
    expect(bytes).toBeLessThanOrEqual(budget * KIB);
  });
}

const PLAYER_PAGES = [LESSON_WITH_PLAYER, ...sitePaths().filter((p) => p.startsWith('/embed/'))];
for (const path of PLAYER_PAGES) {
  test(`${path}: with its player running, at most ${RUNNING_KIB} KiB, the engine once, in the worker`, async ({ page }) => {
    const js = recordScripts(page);
    await page.goto(path);
    const player = page.locator('lambda-simulation-player');
    await player.scrollIntoViewIfNeeded();
    await player.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('lambda-simulation-player') as unknown as { player?: { viewMs: number } }).player?.viewMs ?? 0))
      .toBeGreaterThan(1000);
    await page.waitForLoadState('networkidle');
    const bytes = report(`${path} with its player running`, js);
    const carrying = await engineCopies(page, js);
    expect(carrying, 'one copy of the engine').toHaveLength(1);
    expect(js.find((r) => r.url.endsWith(carrying[0]))?.worker, 'the copy is the worker').toBe(true);
    expect(bytes).toBeLessThanOrEqual(RUNNING_KIB * KIB);
  });
}

test(`${LESSON_WITH_PLAYER}: a knob change is checked on the page without a second engine`, async ({ page }) => {
  const js = recordScripts(page);
  await page.goto(LESSON_WITH_PLAYER);
  const player = page.locator('lambda-simulation-player');
  await player.scrollIntoViewIfNeeded();
  const scenario = () => page.evaluate(() => JSON.stringify((document.querySelector('lambda-simulation-player') as unknown as { scenario?: unknown }).scenario));
  await expect.poll(scenario).toBeDefined();
  const before = await scenario();
  const knob = player.locator('.lsp-knob input').first();
  await knob.fill(String(Number(await knob.inputValue()) + 10));
  await knob.press('Enter');
  await expect.poll(scenario, 'the knob made a new scenario').not.toBe(before);
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => (document.querySelector('lambda-simulation-player') as unknown as { player?: { viewMs: number } }).player?.viewMs ?? 0)).toBeGreaterThan(1000);
  await page.waitForLoadState('networkidle');
  report(`${LESSON_WITH_PLAYER} after a knob change`, js);
  expect(await engineCopies(page, js), 'the checker alone on the page; the engine in the worker').toHaveLength(1);
});

test('search still loads Pagefind when it opens', async ({ page }) => {
  const js = recordScripts(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('dialog[open] .pagefind-ui__search-input')).toBeVisible({ timeout: 15_000 });
  expect(js.some((r) => PAGEFIND_UI.test(r.url))).toBe(true);
});
