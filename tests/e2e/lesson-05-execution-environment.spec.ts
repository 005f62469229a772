// Lesson 5: every widget runs (players, the statechart, the consoles), and the connection-reuse
// challenge is solved by pasting the fix into the editor.
import { expect, test } from '@playwright/test';
import { connectionReuse } from '../../content/lessons/05-execution-environment.challenges';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, pasteCode, playEveryPlayer, runAttempt } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { scrollToWidgets, reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 180_000 });

const LESSON = '/lessons/05-execution-environment/';
const SLUG = 'lessons/05-execution-environment';

test('the players play, and a module-scope counter counts 1 to 5 in one warm environment', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  expect(await playEveryPlayer(page)).toBe(3);
  const counter = page.locator('function-console[data-id="counter"]');
  await counter.getByRole('button', { name: 'Invoke N times' }).click();
  await expect(counter.locator('[data-part="history"] li')).toHaveCount(5, { timeout: 120_000 }); // a loaded machine is slow
  await expect(counter.locator('[data-part="response"]')).toContainText('"count": 5');
  problems.expectNone();
});

test('a thrown error keeps module scope; a timeout resets it (F06)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const widget = page.locator('function-console[data-id="reset"]');
  const response = widget.locator('[data-part="response"]');
  const invokeWith = async (event: string, expected: string | RegExp) => {
    await widget.locator('[data-part="event"]').fill(event);
    await widget.getByRole('button', { name: 'Invoke', exact: true }).click();
    await expect(response).toContainText(expected, { timeout: 60_000 });
  };
  await invokeWith('{"fail": "error"}', 'failed on invocation 1');
  await invokeWith('{}', '"count": 2');
  await invokeWith('{"fail": "timeout"}', /timed out/i);
  await invokeWith('{}', '"count": 1');
  problems.expectNone();
});

test('the statechart lights the state each environment is in, from Init to Shutdown', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const chart = page.locator('lifecycle-chart');
  const step = chart.getByRole('button', { name: 'Step' });
  await step.click(); // env 1 enters Init: the request is a cold start
  await expect(chart.locator('.lc-state[data-path="initializing.extensionInit"] .lc-token')).toHaveText('env 1');
  await expect(chart.locator('.lc-state[data-path="initializing"]')).toHaveAttribute('data-lit', '');
  await expect(chart.locator('[data-part="narration"]')).toHaveAttribute('aria-live', 'polite');
  await chart.getByRole('button', { name: 'Play' }).click();
  await expect(chart.locator('.lc-state[data-path="shutDown"] .lc-token')).toHaveText(['env 1', 'env 2'], { timeout: 30_000 });
  await expect(chart.locator('.lc-state[data-path="busy"]')).not.toHaveAttribute('data-lit', '');
  await expect(chart.getByRole('button', { name: 'Play' })).toBeVisible();
  problems.expectNone();
});

test('the connection challenge fails as written and passes once the connection moves to module scope', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'connection-reuse');
  await widget.getByLabel('as many as it allows, then it refuses more').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('0 of 3 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'not-met', 'not-met']);
  await expect(widget.locator('[data-part="versus"]')).toContainText('Your prediction was right');
  expect(await exerciseSolved(page, SLUG, 'connection-reuse')).toBe(false);

  await pasteCode(widget, connectionReuse.solution.code!);
  const second = await runAttempt(widget, 2);
  expect(second).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met', 'met', 'met']);
  expect(await exerciseSolved(page, SLUG, 'connection-reuse')).toBe(true);

  const again = challengeWidget(page, 'connection-reuse');
  await reloadAndScrollTo(again);
  await expect(again).toHaveAttribute('data-state', 'solved');
  await expect(again.locator('[data-part="code"]')).toHaveValue(connectionReuse.solution.code!);
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await scrollToWidgets(page);
    await page.locator('lifecycle-chart').getByRole('button', { name: 'Step' }).click();
    await expectNoAxeViolations(page);
  });
}
