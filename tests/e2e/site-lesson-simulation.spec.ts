// Lesson 1 embeds a live simulation from MDX (<SimulationPlayer>): it plays in the lesson and
// its numbers are the engine's, and a knob change re-runs it with more traffic.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';

test.describe.configure({ timeout: 120_000 });

const LESSON = '/lessons/01-serverless-computing/';

async function shownAndEngine(page: Page) {
  return page.evaluate(async () => {
    const el = document.querySelector('lambda-simulation-player') as HTMLElement & { player: { viewMs: number; settled(): Promise<void> }; referenceResult(): Promise<{ invocations: { startMs: number }[] }> };
    await el.player.settled();
    const t = el.player.viewMs;
    const reference = await el.referenceResult();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return {
      shown: Number(el.querySelector<HTMLElement>('[data-stat="invocations"]')!.textContent),
      engine: reference.invocations.filter((i) => i.startMs <= t).length,
    };
  });
}

/** Send the cursor past the end and wait until the whole run has been delivered. */
async function runToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const el = document.querySelector('lambda-simulation-player') as unknown as { player: { seek(t: number): void; settled(): Promise<void> } };
    el.player.seek(1e9);
    await el.player.settled();
  });
}

test('the lesson\'s simulation plays, shows the engine\'s numbers, and a knob re-runs it with more traffic', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => (document.querySelector('lambda-simulation-player') as unknown as { player: { viewMs: number } }).player.viewMs)).toBeGreaterThan(1500);
  await player.getByRole('button', { name: 'Pause' }).click();
  const early = await shownAndEngine(page);
  expect(early.shown).toBeGreaterThan(0);
  expect(early.shown).toBe(early.engine);

  await runToEnd(page);
  const before = await shownAndEngine(page);
  expect(before.shown).toBe(before.engine);
  const sale = player.getByLabel('Sale traffic (requests/s)');
  await sale.fill('400');
  await sale.press('Enter');
  await runToEnd(page);
  const after = await shownAndEngine(page);
  expect(after.shown).toBe(after.engine);
  // The sale lasts 8 s: 250 more requests per second is about 2,000 more invocations.
  expect(after.shown - before.shown).toBeGreaterThan(1600);
  expect(after.shown - before.shown).toBeLessThan(2400);
  problems.expectNone();
});
