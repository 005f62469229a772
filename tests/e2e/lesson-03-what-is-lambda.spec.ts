// Lesson 3: every widget runs, and the memory challenge is solved the way a learner solves it.
import { expect, test } from '@playwright/test';
import { memoryForCost } from '../../content/lessons/03-what-is-lambda.challenges';
import { solutionAttempt } from '../../src/widgets/challenge/attempt';
import { formatMeasured } from '../../src/widgets/challenge/measures';
import { runAttempt as runHeadless } from '../../src/widgets/challenge/run';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, playEveryPlayer, runAttempt, setKnob, verdicts } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { scrollToWidgets, reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 120_000 });

const LESSON = '/lessons/03-what-is-lambda/';
const SLUG = 'lessons/03-what-is-lambda';

test('every simulation plays and the console answers a first invoke with START, END and REPORT', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  expect(await playEveryPlayer(page)).toBe(3);
  const consoleWidget = page.locator('function-console[data-id="first-invoke"]');
  await consoleWidget.getByRole('button', { name: 'Invoke', exact: true }).click();
  const logs = consoleWidget.locator('[data-part="logs"]');
  await expect(logs).toContainText('Hello from', { timeout: 60_000 });
  await expect(logs).toContainText(/START RequestId: [\s\S]*END RequestId: [\s\S]*REPORT RequestId: .*Init Duration/);
  problems.expectNone();
});

test('the memory challenge fails at 128 MB and passes at 1,024 MB, marks progress and survives a reload', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'memory-for-cost');

  // No run without a committed prediction.
  await widget.locator('[data-action="run"]').click();
  await expect(widget.locator('[data-part="error"]')).toContainText('Commit a prediction first');
  await widget.getByLabel('more than 1 s').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']);
  await expect(widget.locator('[data-part="versus"]')).toContainText('You predicted “more than 1 s”');
  await expect(widget.locator('[data-part="versus"]')).toContainText('Your prediction was right');
  await expect(widget.locator('[data-part="solution"]')).toBeVisible();
  expect(await exerciseSolved(page, SLUG, 'memory-for-cost')).toBe(false);

  await widget.getByRole('button', { name: /Show a hint/ }).click();
  await expect(widget.locator('[data-part="hints"] li').first()).toBeVisible();
  await expect(widget.locator('[data-part="hints"] li').nth(1)).toBeHidden();

  await setKnob(widget, 'Memory (MB)', 1024);
  const second = await runAttempt(widget, 2);
  expect(second).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met', 'met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'memory-for-cost')).toBe(true);

  // The page's verdicts are the headless ones for the same attempt.
  const headless = await runHeadless(memoryForCost, solutionAttempt(memoryForCost));
  expect(await verdicts(widget)).toEqual(headless.checks.map((c) => `Met: measured ${formatMeasured(c.goal, c.measured)}`));

  const again = challengeWidget(page, 'memory-for-cost');
  await reloadAndScrollTo(again);
  await expect(again.getByLabel('Memory (MB)')).toHaveValue('1024');
  await expect(again.locator('[data-part="committed"]')).toContainText('more than 1 s');
  await expect(again.getByRole('button', { name: /Show a hint \(2 of 3\)/ })).toBeVisible();
  problems.expectNone();
});

test('garbage in the saved attempt gives the starting state, not a broken widget', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('lambda-lab:challenge:v1:lessons/03-what-is-lambda:memory-for-cost', '{"version":1,"attempt":'));
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const widget = challengeWidget(page, 'memory-for-cost');
  await expect(widget).toHaveAttribute('data-ready', '');
  await expect(widget.getByLabel('Memory (MB)')).toHaveValue('128');
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, after a run`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await scrollToWidgets(page);
    const widget = challengeWidget(page, 'memory-for-cost');
    await widget.getByLabel('under 250 ms').check();
    await runAttempt(widget, 1);
    await widget.getByRole('button', { name: /Show a hint/ }).click();
    await expectNoAxeViolations(page);
  });
}
