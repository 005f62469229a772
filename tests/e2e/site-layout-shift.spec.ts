// Nothing on a page moves by itself while it loads: a simulation player holds its room before it
// is built, and keeps it when its run arrives; a lesson's header keeps room for its status pill.
// Layout shift is measured by the browser (PerformanceObserver 'layout-shift', the entries that
// make up Cumulative Layout Shift), which is deterministic for a given viewport, unlike timings.
import { expect, test, type Page } from '@playwright/test';

/** Shifts not caused by input (scrolling is none), with what moved, collected from the first paint. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: { value: number; moved: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] }[]) {
        if (e.hadRecentInput) continue;
        w.shifts.push({ value: e.value, moved: e.sources.map((s) => (s.node instanceof Element ? `${s.node.localName}.${s.node.className}` : String(s.node?.nodeName))) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until the page's first player is built and its run has arrived and been drawn. */
async function playerSettled(page: Page): Promise<void> {
  const player = page.locator('lambda-simulation-player').first();
  await expect(player.locator(':scope > section.lsp')).toBeVisible({ timeout: 30_000 });
  await player.evaluate(async (el) => {
    await (el as unknown as { player: { settled(): Promise<void> } }).player.settled();
    await new Promise((r) => setTimeout(r, 300)); // the text views refresh at 4 Hz at most
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

async function shifts(page: Page): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(() => {
    const list = (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts;
    return { total: list.reduce((n, s) => n + s.value, 0), moved: list.flatMap((s) => s.moved) };
  });
}

const VIEWPORTS = [
  { name: 'a 412 px phone', width: 412, height: 823 },
  { name: 'a 1280 px screen', width: 1280, height: 800 },
];
const PLAYER_PAGES = ['/embed/player/', '/embed/timeline/', '/embed/concurrency/', '/embed/flows/', '/playground/'];

for (const viewport of VIEWPORTS) {
  for (const path of PLAYER_PAGES) {
    test(`${path} does not shift while its player builds and its run arrives, on ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await watchShifts(page);
      await page.goto(path);
      await playerSettled(page);
      const { total, moved } = await shifts(page);
      expect(total, `moved: ${moved.join(', ')}`).toBeLessThan(0.005);
    });
  }

  test(`a lesson's header does not shift when its status is written, on ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await watchShifts(page);
    await page.goto('/lessons/08-concurrency-scaling/');
    await expect(page.locator('lesson-visit')).toHaveText('In progress');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { total, moved } = await shifts(page);
    expect(total, `moved: ${moved.join(', ')}`).toBeLessThan(0.005);
  });
}
