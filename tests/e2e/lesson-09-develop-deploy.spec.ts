// Lesson 9: the console's function is cold then warm and cold again after an edit (F11, F116);
// the dashboard shows a minute of version 1 behind alias live (F125); the canary's errors sit on
// version 2 alone; the rollback challenge is solved by moving the alias's weight.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { setCode } from './helpers/function-console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { pricingV1 } from '../../content/lessons/09-develop-deploy.challenges';
import { reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 240_000 });

const LESSON = '/lessons/09-develop-deploy/';
const SLUG = 'lessons/09-develop-deploy';
const SHOTS = process.env.E2E_SHOTS; // a folder outside the repository, when screenshots are wanted

async function runDashboard(page: Page, title: string): Promise<Locator> {
  const widget = page.locator('metrics-dashboard').filter({ has: page.locator('figcaption', { hasText: title }) });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', '');
  await widget.getByRole('button', { name: 'Run the load' }).click();
  await expect(widget).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  return widget;
}

const num = (s: string) => Number(s.replace(/,/g, ''));
const column = async (widget: Locator, i: number) => (await widget.locator('tbody tr').evaluateAll(
  (rows, col) => rows.map((r) => r.querySelectorAll('td')[col]?.textContent ?? '0'), i)).reduce((n, c) => n + num(c), 0);

test('F09, F116, F11: the console function is cold, then warm on $LATEST, then cold again after an edit', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = page.locator('function-console[data-id="orders-function"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  const invoke = widget.getByRole('button', { name: 'Invoke', exact: true });
  const history = widget.locator('[data-part="history"] li'); // newest first
  await invoke.click();
  await expect(widget.locator('[data-part="response"]')).toContainText('"total": 24', { timeout: 60_000 });
  await expect(widget.locator('[data-part="logs"]')).toContainText(/START RequestId: \S+ Version: \$LATEST/);
  await expect(widget.locator('[data-part="logs"]')).toContainText('Init Duration');
  await invoke.click();
  await expect(history).toHaveCount(2, { timeout: 60_000 });
  await expect(history.first()).toContainText('warm');

  await setCode(page, pricingV1.replace('Math.round(total * 100) / 100', 'Math.round(total)'), 'orders-function');
  await invoke.click();
  await expect(history).toHaveCount(3, { timeout: 60_000 });
  await expect(history.first()).toContainText('cold');
  await expect(widget.locator('[data-part="summary"]')).toContainText(/Deployment\s*2/);
  problems.expectNone();
});

test('Take it to AWS: the console exports template.yaml and src/index.mjs with the settings chosen, and no role (SAM makes one)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = page.locator('function-console[data-id="orders-function"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Export to AWS SAM' }).click()]);
  expect(file.suggestedFilename()).toBe('lambda-lab-sam.zip'); // the name the lesson's commands unzip
  const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  expect(strFromU8(zip['lambda-lab-sam/src/index.mjs'])).toBe(pricingV1);
  const template = parse(strFromU8(zip['lambda-lab-sam/template.yaml'])) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  const [fn] = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Serverless::Function');
  expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', MemorySize: 256, Timeout: 3, Handler: 'index.handler', CodeUri: 'src/' });
  expect(fn.Properties.Role).toBeUndefined();
  problems.expectNone();
});

test('F13, F125: a minute of version 1 behind live leaves 1,000 invocations, no error and two [1] log streams', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = await runDashboard(page, 'orders:live, version 1, one minute');
  expect(await column(widget, 1)).toBe(1000);
  expect(await column(widget, 2)).toBe(0);
  expect(await column(widget, 3)).toBe(0);
  const names = await widget.locator('.md-stream summary code').allTextContents();
  expect(names).toHaveLength(2);
  for (const name of names) expect(name).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/);
  await widget.locator('.md-stream summary').first().click();
  await expect(widget.locator('.md-stream pre').first()).toContainText(/START RequestId: \S+ Version: 1/);
  problems.expectNone();
});

test("F127: the canary's 45 errors are all version 2's, and its log streams say why", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = await runDashboard(page, 'orders:live, 10 % to version 2');
  const picker = widget.locator('select[data-part="function"]');
  const pick = async (version: string) => {
    await picker.selectOption(version);
    await expect(widget.locator('[data-part="status"]')).toContainText(`${version}:`);
    return [await column(widget, 1), await column(widget, 2)];
  };
  expect(await pick('orders:1')).toEqual([545, 0]);
  expect(await pick('orders:2')).toEqual([55, 45]);
  await widget.locator('.md-stream summary').first().click();
  await expect(widget.locator('.md-stream pre').first()).toContainText("Cannot read properties of undefined (reading 'percent')");
  if (SHOTS) await widget.screenshot({ path: `${SHOTS}/canary-dashboard.png` });
  problems.expectNone();
});

test('the canary challenge fails as it starts and passes once live stops sending traffic to version 2', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'canary-rollback');
  await widget.getByLabel('about 45', { exact: true }).check();
  expect(await runAttempt(widget, 1)).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']);
  await expect(widget.locator('[data-part="versus"]')).toContainText('about 45');
  expect(await exerciseSolved(page, SLUG, 'canary-rollback')).toBe(false);

  // Stopping the function (F137) ends the errors, and every order with them.
  await setKnob(widget, 'Reserved concurrency', 0);
  expect(await runAttempt(widget, 2)).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['met', 'not-met']);
  await widget.getByLabel('Reserved concurrency').fill('');
  await widget.getByLabel('Reserved concurrency').press('Enter');

  // Moving the canary to the fixed version 3 is one way; a rollback to 0 % is the other.
  await setKnob(widget, 'Canary version', 3);
  expect(await runAttempt(widget, 3)).toContain('every goal met');
  await setKnob(widget, 'Canary version', 2);
  await setKnob(widget, 'Canary weight', 0);
  expect(await runAttempt(widget, 4)).toContain('every goal met');
  expect(await goalStates(widget)).toEqual(['met', 'met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'canary-rollback')).toBe(true);

  await reloadAndScrollTo(challengeWidget(page, 'canary-rollback'));
  await expect(challengeWidget(page, 'canary-rollback').getByLabel('Canary weight')).toHaveValue('0');
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await runDashboard(page, 'orders:live, 10 % to version 2');
    await challengeWidget(page, 'canary-rollback').getByRole('button', { name: /Show a hint/ }).click();
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/lesson-1280-${theme}.png`, fullPage: true });
  });
}

test('at 360 px nothing spills out of the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(LESSON);
  await runDashboard(page, 'orders:live, 10 % to version 2');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lesson-360.png`, fullPage: true });
});
