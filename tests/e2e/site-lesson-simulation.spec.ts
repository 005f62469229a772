// Lesson 1 embeds a live simulation from MDX (<SimulationPlayer>): it plays in the lesson and
// its numbers are the engine's, and a knob change re-runs it with more traffic.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { goalStates, openChallenge, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { themes, useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';
import { scrollToWidgets } from './helpers/widgets';

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
      shown: Number(el.querySelector<HTMLElement>('[data-stat="invocations"]')!.textContent!.replace(/,/g, '')),
      engine: reference.invocations.filter((i) => i.startMs <= t).length,
    };
  });
}

/** Send the cursor past the end and wait until the whole run has been delivered. */
async function runToEnd(page: Page): Promise<void> {
  await seekPlayer(page.locator('lambda-simulation-player').first(), 1e9);
}

test('the lesson\'s simulation plays, shows the engine\'s numbers, and a knob re-runs it with more traffic', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
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

/** The summary's Max concurrency tile and the engine's own metrics.maxConcurrency for the run. */
async function maxConcurrencyShownAndEngine(page: Page) {
  return page.evaluate(async () => {
    const el = document.querySelector('lambda-simulation-player') as HTMLElement & { referenceResult(): Promise<{ metrics: Record<string, { maxConcurrency: number }> }> };
    const reference = await el.referenceResult();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { shown: Number(el.querySelector<HTMLElement>('[data-stat="max-concurrency"]')!.textContent!.replace(/,/g, '')), engine: reference.metrics['shop-api'].maxConcurrency };
  });
}

test('the page\'s maximum concurrency equals the engine\'s, Init included (F12, F20), before and after a knob change', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  await runToEnd(page);
  const first = await maxConcurrencyShownAndEngine(page);
  expect(first.shown).toBe(first.engine);
  const sale = page.locator('lambda-simulation-player').getByLabel('Sale traffic (requests/s)');
  await sale.fill('400');
  await sale.press('Enter');
  await runToEnd(page);
  const second = await maxConcurrencyShownAndEngine(page);
  expect(second.shown).toBe(second.engine);
  expect(second.shown).toBeGreaterThan(first.shown);
});

test('the run\'s description stays on the page after the player loads, and the time readout is no live region', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player');
  await expect(player.locator('.lsp-controls')).toBeVisible();
  const about = player.locator('.lsp-about');
  await expect(about).toHaveCount(1);
  await expect(about).toBeVisible();
  await expect(about).toContainText('20 requests/s');
  await expect(about).toContainText('150 requests/s from 10 s to 18 s');
  await expect(about).toContainText('It waits for Play.');
  await expect(player).not.toContainText('starts when the page has loaded');
  const described = await player.locator('section.lsp').getAttribute('aria-describedby');
  expect(described).toBe(await about.getAttribute('id'));
  // The time readout changes every frame: it must not be announced.
  const time = player.locator('.lsp-time');
  expect(await time.evaluate((el) => el.tagName)).not.toBe('OUTPUT');
  await expect(time).not.toHaveAttribute('aria-live', /.+/);
  await expect(time).not.toHaveAttribute('role', /.+/);
});

test('predict, then run: a committed prediction is set beside rate x duration over the sale (F54)', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player');
  await player.getByLabel(/170 requests\/s × 0\.12 s/).fill('20');
  await player.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(player.locator('.lsp-predict-input')).toHaveAttribute('readonly', '');
  await expect(player.locator('.lsp-predict-result')).toContainText('You predicted 20');
  await runToEnd(page);
  const result = player.locator('.lsp-predict-result');
  await expect(result).toContainText('You predicted 20.');
  await expect(result).toContainText(/During the sale \(10\.0 s to 18\.0 s\): 1[67]\d(\.\d)? invocations\/s × 0\.1\d\d s mean duration = (19|20|21)(\.\d)? at once by rate × duration/);
});

test('a lesson hides seed and presenter mode; Space in a knob field types, and a knob change keeps the speed', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player');
  await expect(player.locator('.lsp-controls')).toBeVisible();
  await expect(player.getByLabel('Seed')).toHaveCount(0);
  await expect(player.getByRole('button', { name: 'Presenter mode' })).toHaveCount(0);
  await player.getByRole('button', { name: 'Faster' }).click();
  await expect(player.locator('.lsp-speed')).toHaveText('2×');
  const sale = player.getByLabel('Sale traffic (requests/s)');
  await sale.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('f');
  expect(await page.evaluate(() => (document.querySelector('lambda-simulation-player') as unknown as { player: { playing: boolean } }).player.playing)).toBe(false);
  await expect(player.locator('.lsp-presenter')).toHaveCount(0);
  await sale.fill('300');
  await sale.press('Enter');
  await expect(player.locator('.lsp-speed')).toHaveText('2×');
  // The knobs' disclosure opens and closes with Space; it does not start the run.
  await player.locator('.lsp-knobs summary').focus();
  await page.keyboard.press('Space');
  await expect(player.locator('.lsp-knobs')).not.toHaveAttribute('open', '');
  expect(await page.evaluate(() => (document.querySelector('lambda-simulation-player') as unknown as { player: { playing: boolean } }).player.playing)).toBe(false);
  // A knob speaks to people: an out-of-range value is explained in the knob's words.
  await player.locator('.lsp-knobs summary').click();
  await sale.fill('5000');
  await sale.press('Enter');
  await expect(player.locator('.lsp-knob-error')).toHaveText('Sale traffic goes from 0 to 1,000 requests/s; 5,000 is too large.');
});

for (const theme of themes) {
  test(`the lesson's player, run with a prediction, has no axe violations in the ${theme} theme`, async ({ page }) => {
    test.slow();
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await scrollToWidgets(page);
    const player = page.locator('lambda-simulation-player');
    await player.locator('.lsp-predict-input').fill('25');
    await player.getByRole('button', { name: 'Commit my prediction' }).click();
    await runToEnd(page);
    await expect(player.locator('.lsp-predict-result')).toContainText('rate × duration');
    await expectNoAxeViolations(page, { include: 'lambda-simulation-player' });
    await expectNoAxeViolations(page, { include: 'traffic-vs-fleet' });
  });
}

test('on a 360 px phone, Play sits right above the chart it starts', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player');
  const play = await player.getByRole('button', { name: 'Play' }).boundingBox();
  const chart = await player.locator('figure[data-view="concurrency"] canvas').boundingBox();
  expect(play && chart).toBeTruthy();
  // Before, the knobs and the summary stood between them (about 600 px).
  expect(chart!.y - (play!.y + play!.height)).toBeLessThan(200);
});

test('the sale challenge is throttled as given and passes by spreading the sale instead of raising the quota (F52, F54)', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'sale-on-new-account');
  await widget.getByLabel('none: Lambda scales on demand').check();
  expect(await runAttempt(widget, 1)).toContain('1 of 2 goals met');
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “none: Lambda scales on demand”');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']);
  await setKnob(widget, 'Sale traffic (requests/s)', 300);
  await setKnob(widget, 'The sale ends at (ms)', 26000);
  expect(await runAttempt(widget, 2)).toContain('every goal met');
  await expect(widget).toHaveAttribute('data-state', 'solved');
  problems.expectNone();
});
