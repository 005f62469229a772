// Lesson 8: every player runs (rate × duration, the scaling rate, then and now, spill-over, one
// throttle for three callers), and the protect-database challenge is solved with the SQS maximum concurrency.
import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, playEveryPlayer, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';
import { reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 240_000 });

const LESSON = '/lessons/08-concurrency-scaling/';
const SLUG = 'lessons/08-concurrency-scaling';

const seek = (player: Locator, ms: number) => seekPlayer(player, ms);

test('every player plays', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  expect(await playEveryPlayer(page)).toBe(6);
  problems.expectNone();
});

test('the readout shows rate × duration: 100 requests/s × 0.5 s ≈ 50 (F54)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').first();
  await player.scrollIntoViewIfNeeded();
  const readout = player.locator('.lsp-readout');
  await expect.poll(async () => { await seek(player, 15_000); return readout.textContent(); }, { timeout: 30_000 })
    .toMatch(/10\d(\.\d)? invocations\/s × 0\.5\d* s mean duration = 5\d(\.\d)? expected concurrency/);
  problems.expectNone();
});

test('a burst is throttled at 1,000 new environments in 10 s although the account has room (F56)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').nth(1);
  await player.scrollIntoViewIfNeeded();
  await expect.poll(async () => { await seek(player, 9_000); return player.locator('[data-stat="max-concurrency"]').textContent(); }, { timeout: 60_000 }).toBe('1,000'); // with a thousands separator
  await expect.poll(async () => { await seek(player, 60_000); return player.locator('[data-stat="throttles"]').textContent(); }, { timeout: 60_000 }).toBe('500');
  problems.expectNone();
});

test('then and now: June 2023 runs the opening burst of 3,000 at once, today scales per function and throttles less after it (F57, F56)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const pair = page.locator('.sim-pair');
  const [then, now] = [pair.locator('lambda-simulation-player').nth(0), pair.locator('lambda-simulation-player').nth(1)];
  await then.scrollIntoViewIfNeeded();
  await expect(then.locator('.lsp-rules')).toContainText('Rules as of 2023-06-01:');
  await expect(then.locator('.lsp-rules a').first()).toHaveText(/^scaling before 2023-11-26 \(F56, F57\)$/);
  await expect(now.locator('.lsp-rules')).toContainText('Rules as of 2026-12-01:');
  await expect(now.locator('.lsp-rules a').first()).toHaveText(/^scaling since 2023-11-26/);
  const stat = (player: Locator, name: string) => player.locator(`[data-stat="${name}"]`).textContent();
  const count = async (player: Locator, name: string) => Number((await stat(player, name))?.replace(/,/g, '')); // tiles read 3,000
  // Five seconds in, the old account-wide burst has let all 3,000 run; today's rule about 1,000 and refills.
  await expect.poll(async () => { await seek(then, 4_900); return count(then, 'max-concurrency'); }, { timeout: 60_000 }).toBeGreaterThan(2900);
  await expect.poll(() => stat(then, 'throttles')).toBe('0');
  await expect.poll(async () => { await seek(now, 4_900); return count(now, 'throttles'); }, { timeout: 60_000 }).toBeGreaterThan(1000);
  await expect.poll(async () => { await seek(then, 5_500); return stat(then, 'max-concurrency'); }, { timeout: 60_000 }).toBe('3,000');
  // By the end, the old ceiling of 3,000 (+500 a minute) has throttled far more of the steady buyers.
  await expect.poll(async () => { await seek(then, 1e9); return stat(then, 'throttles'); }, { timeout: 60_000 }).toBe('4,410');
  await expect.poll(async () => { await seek(now, 1e9); return stat(now, 'throttles'); }, { timeout: 60_000 }).toBe('2,400');
  await expect.poll(() => count(now, 'max-concurrency')).toBeGreaterThan(4900);
  problems.expectNone();
});

test('a throttle: API Gateway clients get 500 while S3 and SQS requests all run later (F140, F64)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').nth(5);
  await player.scrollIntoViewIfNeeded();
  const value = (board: string, label: string) => player.locator('.lsp-flow').filter({ hasText: `${board} →` })
    .locator('.lsp-flow-stage').filter({ hasText: label }).first().locator('.lsp-flow-value').textContent();
  await expect.poll(async () => { await seek(player, 60_000); return value('API Gateway', 'Throttled: client sees 500'); }, { timeout: 30_000 }).toBe('24');
  await expect.poll(() => value('S3 uploads', 'Succeeded')).toBe('30');
  await expect.poll(() => value('SQS queue', 'Deleted (succeeded)')).toBe('30');
  problems.expectNone();
});

test('the database challenge fails uncapped, fails too tightly capped (p99 latency), and passes with an SQS maximum concurrency of 20', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'protect-database');
  await widget.getByLabel('up to 20, the database’s limit').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('2 of 5 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'not-met', 'met', 'met', 'not-met']);
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “up to 20, the database’s limit”');
  expect(await exerciseSolved(page, SLUG, 'protect-database')).toBe(false);

  // The database is safe at 10, but the spike drains slowly: orders wait in the queue (F76).
  await setKnob(widget, 'SQS maximum concurrency', 10);
  expect(await runAttempt(widget, 2)).toContain('4 of 5 goals met');
  expect(await goalStates(widget)).toEqual(['met', 'met', 'met', 'met', 'not-met']);
  await expect(widget.locator('[data-goal="4"] [data-part="verdict"]')).toHaveText(/Not met: measured 1\d{4}(\.\d+)? ms/);

  await setKnob(widget, 'SQS maximum concurrency', 20);
  const third = await runAttempt(widget, 3);
  expect(third).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met', 'met', 'met', 'met', 'met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'protect-database')).toBe(true);

  await reloadAndScrollTo(challengeWidget(page, 'protect-database'));
  await expect(challengeWidget(page, 'protect-database').getByLabel('SQS maximum concurrency')).toHaveValue('20');
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    const player = page.locator('lambda-simulation-player').nth(5);
    await player.scrollIntoViewIfNeeded();
    await player.getByRole('button', { name: 'Play' }).click();
    await challengeWidget(page, 'protect-database').getByRole('button', { name: /Show a hint/ }).click();
    await expectNoAxeViolations(page);
  });
}
