// Lesson 7.1: every player runs (the failing function behind API Gateway and S3, the
// destination board, what an API client sees), and the no-lost-events challenge is solved
// by choosing where failed events go.
import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, playEveryPlayer, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';
import { reloadAndScrollTo, widgetReady } from './helpers/widgets';

test.describe.configure({ timeout: 180_000 });

const LESSON = '/lessons/07-invocation/';
const SLUG = 'lessons/07-invocation';

/** The value on one line of a flow board, found by the start of its label. */
async function boardValue(player: Locator, label: string): Promise<string> {
  const stage = player.locator('.lsp-flow-stage').filter({ has: player.page().locator('.lsp-flow-label', { hasText: label }) }).first();
  return (await stage.locator('.lsp-flow-value').textContent()) ?? '';
}

test('every player plays, and the S3 event on the page is the engine’s sample', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  expect(await playEveryPlayer(page)).toBe(3);
  await expect(page.locator('.expressive-code').first()).toContainText('"eventSource": "aws:s3"');
  problems.expectNone();
});

test('the same failure: API Gateway answers 502 at once, S3 runs each upload three times and drops it (F63, F136)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').first();
  await player.scrollIntoViewIfNeeded();
  const seekEnd = () => seekPlayer(player, 200_000);
  const boards = player.locator('.lsp-flow');
  const api = boards.filter({ hasText: 'API Gateway → orders' });
  const s3 = boards.filter({ hasText: 'S3 uploads → orders' });
  await expect.poll(async () => { await seekEnd(); return boardValue(api, 'Failed (5xx): 502'); }).toBe('3');
  await expect.poll(() => boardValue(s3, 'Discarded')).toBe('3');
  await expect(player.locator('[data-stat="invocations"]')).toHaveText('12');
  problems.expectNone();
});

test('a throttled API request is a 500 for the client, and a slow one a 504 (F140, F93)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').nth(2);
  await player.scrollIntoViewIfNeeded();
  const seekEnd = () => seekPlayer(player, 40_000);
  await expect.poll(async () => { await seekEnd(); return boardValue(player, 'Throttled: client sees 500'); }).toBe('4');
  await expect.poll(() => boardValue(player, 'Answered')).toBe('2');
  const duration = player.getByLabel('Handler duration (ms)');
  await duration.fill('35000');
  await duration.press('Enter');
  await expect.poll(async () => { await seekEnd(); return boardValue(player, 'Failed (5xx)'); }).toBe('2');
  problems.expectNone();
});

test('the no-lost-events challenge fails as configured, still fails with retries alone, and passes once failed events have somewhere to go', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'no-lost-events');
  await widget.getByLabel('none: S3 retries them').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('0 of 1 goals met');
  expect(await goalStates(widget)).toEqual(['not-met']);
  await expect(widget.locator('[data-part="verdict"]')).toHaveText(['Not met: measured 20']);
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “none: S3 retries them”');
  expect(await exerciseSolved(page, SLUG, 'no-lost-events')).toBe(false);

  // Retries alone are not enough: they keep an event about 3 minutes, the outage lasts 10 (F63).
  await setKnob(widget, 'Retry attempts', 2);
  await setKnob(widget, 'Maximum event age (ms)', 21600000);
  expect(await runAttempt(widget, 2)).toContain('0 of 1 goals met');

  // An on-success destination does not help either.
  const onSuccess = widget.getByRole('group', { name: 'On-success destination' });
  await onSuccess.getByLabel('SQS queue stock-updates').check();
  expect(await runAttempt(widget, 3)).toContain('0 of 1 goals met');

  // The failed-events group is a radio group: picked with the keyboard, as a learner may (F68, F70).
  const failed = widget.getByRole('group', { name: 'Where failed events go' });
  await expect(failed.getByLabel('Nowhere: they are discarded')).toBeChecked();
  await failed.getByLabel('Nowhere: they are discarded').focus();
  await page.keyboard.press('ArrowDown');
  await expect(failed.getByLabel('On-failure destination: SQS queue failed-uploads')).toBeChecked();
  const fourth = await runAttempt(widget, 4);
  expect(fourth).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'no-lost-events')).toBe(true);

  const again = challengeWidget(page, 'no-lost-events');
  await reloadAndScrollTo(again);
  await expect(again.getByRole('group', { name: 'Where failed events go' }).getByLabel('On-failure destination: SQS queue failed-uploads')).toBeChecked();
  await expect(again.getByLabel('Retry attempts')).toHaveValue('2');
  // Start over puts the choice back too.
  await again.getByRole('button', { name: 'Start over' }).click();
  await expect(again.getByRole('group', { name: 'Where failed events go' }).getByLabel('Nowhere: they are discarded')).toBeChecked();
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, after a run`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    const widget = challengeWidget(page, 'no-lost-events');
    await widget.getByLabel('a few').check();
    await runAttempt(widget, 1);
    const player = page.locator('lambda-simulation-player').first();
    await widgetReady(player); // far above the challenge: it builds once it is near the viewport
    await player.getByRole('button', { name: 'Play' }).click();
    await expectNoAxeViolations(page);
  });
}
