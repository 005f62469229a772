// Lesson 7.2: every player runs (SQS batches, redrive, a poison record blocking its shard), the
// poison-message challenge is solved by pasting a partial batch response, and the iterator-age
// challenge by turning the parallelization factor.
import { expect, test } from '@playwright/test';
import { poisonMessage } from '../../content/lessons/07-event-source-mappings.challenges';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, pasteCode, playEveryPlayer, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';
import { reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 180_000 });

const LESSON = '/lessons/07-event-source-mappings/';
const SLUG = 'lessons/07-event-source-mappings';

test('every player plays, and the SQS and Kinesis events on the page are the engine’s samples', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  expect(await playEveryPlayer(page)).toBe(3);
  await expect(page.locator('.expressive-code').nth(0)).toContainText('"eventSource": "aws:sqs"');
  await expect(page.locator('.expressive-code').nth(1)).toContainText('"eventSource": "aws:kinesis"');
  problems.expectNone();
});

test('a poison record blocks its shard with unlimited retries, and 2 retries release it (F86)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').nth(2);
  await player.scrollIntoViewIfNeeded();
  const seek = (ms: number) => seekPlayer(player, ms);
  const blocked = player.locator('.lsp-shard[data-blocked="true"]');
  await expect.poll(async () => { await seek(20_000); return blocked.count(); }, { timeout: 30_000 }).toBe(1);
  await expect(player.locator('.lsp-shard:not([data-blocked])')).toHaveCount(1);
  await expect(blocked.locator('.lsp-shard-blocked')).toContainText('keeps failing');

  await setKnob(player, 'Retry attempts', 2);
  await expect.poll(async () => { await seek(20_000); return blocked.count(); }, { timeout: 30_000 }).toBe(0);
  problems.expectNone();
});

test('the poison-message challenge fails as written and passes with a partial batch response (F80)', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'poison-message');
  await widget.getByLabel('just the bad one').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']);
  await expect(widget.locator('[data-part="verdict"]').first()).toHaveText('Not met: measured 10');
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “just the bad one”');
  expect(await exerciseSolved(page, SLUG, 'poison-message')).toBe(false);

  await pasteCode(widget, poisonMessage.solution.code!);
  const second = await runAttempt(widget, 2);
  expect(second).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met', 'met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'poison-message')).toBe(true);

  await reloadAndScrollTo(challengeWidget(page, 'poison-message'));
  await expect(challengeWidget(page, 'poison-message')).toHaveAttribute('data-state', 'solved');
  await expect(challengeWidget(page, 'poison-message').locator('[data-part="code"]')).toHaveValue(poisonMessage.solution.code!);
  problems.expectNone();
});

test('the iterator-age challenge fails with one batch per shard and passes with a parallelization factor of 3', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'iterator-age');
  await widget.getByLabel('2 s to 10 s').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('0 of 1 goals met');
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “2 s to 10 s”');
  expect(await exerciseSolved(page, SLUG, 'iterator-age')).toBe(false);

  await setKnob(widget, 'Parallelization factor', 3);
  const second = await runAttempt(widget, 2);
  expect(second).toContain('every goal met');
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'iterator-age')).toBe(true);

  await reloadAndScrollTo(challengeWidget(page, 'iterator-age'));
  await expect(challengeWidget(page, 'iterator-age').getByLabel('Parallelization factor')).toHaveValue('3');
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, after a run`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    const widget = challengeWidget(page, 'iterator-age');
    await widget.getByLabel('under 2 s').check();
    await runAttempt(widget, 1);
    const player = page.locator('lambda-simulation-player').nth(2);
    await seekPlayer(player, 20_000);
    await expect(player.locator('.lsp-shard[data-blocked="true"]')).toHaveCount(1, { timeout: 30_000 });
    await expectNoAxeViolations(page);
  });
}
