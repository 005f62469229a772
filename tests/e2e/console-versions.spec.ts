// The function console's deploy workflow on lesson 9: publish versions, point alias live at one,
// send 10 % to a buggy version 2 (weighted alias routing), see which version ran each invocation
// and where the errors are, roll back. F112, F116: the version that ran is on every invocation.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pricingV2 } from '../../content/lessons/09-develop-deploy.challenges';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { invokeButton, setCode } from './helpers/function-console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';

test.describe.configure({ timeout: 240_000 });

const LESSON = '/lessons/09-develop-deploy/';
const ID = 'orders-function';
const SLUG = 'lessons/09-develop-deploy';
const SHOTS = process.env.E2E_SHOTS; // a folder outside the repository, when screenshots are wanted

async function openConsole(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.locator(`function-console[data-id="${ID}"]`);
  await widget.scrollIntoViewIfNeeded();
  await widget.hover(); // Monaco waits for the learner's first input
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  return widget;
}

const status = (widget: Locator) => widget.locator('[data-part="status"]');
const history = (widget: Locator) => widget.locator('[data-part="history"] li'); // newest first
const tallyRow = (widget: Locator, resource: string) => widget.locator(`[data-part="tally-rows"] tr[data-resource="${resource}"] td`);

async function publishVersion(widget: Locator, expected: RegExp): Promise<void> {
  await widget.getByRole('button', { name: 'Publish new version' }).click();
  await expect(status(widget)).toContainText(expected, { timeout: 60_000 });
}

/** Fills the alias form as a learner would and submits it with Enter from the share box. */
async function saveAlias(widget: Locator, version: string, canary?: { version: string; percent: string }): Promise<void> {
  await widget.getByLabel('Alias name').fill('live');
  await widget.getByLabel('Points at version').selectOption(version);
  await widget.getByLabel('Canary version').selectOption(canary?.version ?? '');
  const share = widget.getByLabel('Canary share (%)');
  await share.fill(canary?.percent ?? '0');
  await share.press('Enter');
  await expect(status(widget)).toContainText(/(Created|Updated) alias live/);
}

async function invokeTimes(widget: Locator, n: number): Promise<void> {
  const before = await history(widget).count();
  await widget.getByLabel('Number of invocations').fill(String(n));
  await widget.getByRole('button', { name: 'Invoke N times' }).click();
  await expect(history(widget)).toHaveCount(before + n, { timeout: 90_000 });
}

test('publish, alias, a 10 % canary whose errors sit on version 2, then a rollback (F112, F116)', async ({ page }) => {
  const problems = watchConsole(page);
  const widget = await openConsole(page);
  const guide = widget.locator('[data-part="guide"] li');
  await expect(guide).toHaveCount(8);
  await expect(guide.first()).toHaveAttribute('aria-current', 'step');

  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('"total": 24', { timeout: 60_000 });
  await expect(widget.locator('[data-part="summary"]')).toContainText(/Version that ran\s*\$LATEST/);

  await publishVersion(widget, /Published version 1/);
  await publishVersion(widget, /Nothing changed since version 1/); // unchanged: no version 2
  await expect(widget.locator('[data-part="versions"] li')).toHaveCount(1);

  await saveAlias(widget, '1');
  await expect(widget.locator('[data-part="aliases"] li')).toHaveText(/live → version 1/);
  await expect(widget.locator('[data-part="target"]')).toHaveValue('live');
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="summary"]')).toContainText(/Version that ran\s*1 \(via alias live\)/, { timeout: 60_000 });
  await expect(widget.locator('[data-part="logs"]')).toContainText(/START RequestId: \S+ Version: 1$/m);

  // The bug goes into $LATEST and is frozen as version 2; live still runs version 1 only.
  await setCode(page, pricingV2, ID);
  await publishVersion(widget, /Deployed the changed code and configuration\. Published version 2/);
  await expect(widget.locator('[data-part="versions"] li')).toHaveCount(2);

  await saveAlias(widget, '1', { version: '2', percent: '10' });
  await expect(widget.locator('[data-part="aliases"] li p')).toHaveText('live → version 1: 90 %, version 2: 10 %');
  await invokeTimes(widget, 50);
  const ranLine = (await status(widget).textContent()) ?? '';
  const [, onOne, onTwo, failedTwo] = /Ran version 1 × (\d+) \(0 failed\), version 2 × (\d+) \((\d+) failed\)/.exec(ranLine) ?? [];
  expect(Number(onTwo)).toBeGreaterThan(0);
  expect(Number(onTwo)).toBeLessThan(15); // about 10 % of 50
  expect(failedTwo).toBe(onTwo); // every canary run failed: this order has no coupon
  expect(Number(onOne) + Number(onTwo)).toBe(50);
  await expect(tallyRow(widget, '2')).toHaveText([onTwo, onTwo]);
  await expect(history(widget).filter({ hasText: 'version 2 (via alias live)' })).toHaveCount(Number(onTwo));
  await expect(history(widget).filter({ hasText: 'version 2 (via alias live)' }).first()).toContainText('Function error');
  if (SHOTS) await widget.screenshot({ path: `${SHOTS}/console-canary.png` });

  expect(await exerciseSolved(page, SLUG, 'deploy-workflow')).toBe(false); // one step left: the rollback
  await widget.getByRole('button', { name: 'Roll back live' }).focus();
  await page.keyboard.press('Enter'); // keyboard works as well as a click
  await expect(status(widget)).toContainText('Rolled back alias live: version 1. Nothing was redeployed.');
  await expect(widget.locator('[data-part="aliases"] li p')).toHaveText('live → version 1');
  await invokeTimes(widget, 20);
  await expect(status(widget)).toContainText('20 invocations: 20 succeeded');
  await expect(tallyRow(widget, '2')).toHaveText([onTwo, onTwo]); // version 2 ran no more
  await expect(widget.locator('[data-part="guide"] li[data-done]')).toHaveCount(8);
  await expect(widget.locator('[data-part="guide-done"]')).toBeVisible();
  expect(await exerciseSolved(page, SLUG, 'deploy-workflow')).toBe(true);
  problems.expectNone();
});

test('the alias form says what is wrong, next to the field, and keeps the routing as it was', async ({ page }) => {
  const widget = await openConsole(page);
  await expect(widget.getByRole('button', { name: 'Save alias' })).toBeDisabled(); // nothing published yet
  await publishVersion(widget, /Published version 1/);
  await widget.getByLabel('Alias name').fill('42');
  await widget.getByRole('button', { name: 'Save alias' }).click();
  await expect(widget.locator('[data-part="alias-error"]')).toHaveText('An alias name cannot be only digits: a number names a version.');
  await expect(widget.getByLabel('Alias name')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByLabel('Alias name')).toHaveAccessibleDescription('An alias name cannot be only digits: a number names a version.');
  await expect(status(widget)).toHaveText('Not changed: An alias name cannot be only digits: a number names a version.');
  await expect(widget.locator('[data-part="aliases"] li')).toHaveCount(0);

  await saveAlias(widget, '1');
  await expect(widget.getByLabel('Alias name')).not.toHaveAttribute('aria-invalid');
  await widget.getByLabel('Canary version').selectOption('1'); // the version live already points at
  await widget.getByLabel('Canary share (%)').fill('10');
  await widget.getByRole('button', { name: 'Save alias' }).click();
  await expect(widget.locator('[data-part="alias-error"]')).toHaveText('The canary must be a different version from the one the alias points at.');
  // The field at fault is the one marked and described by the message, not the name.
  await expect(widget.getByLabel('Canary version')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByLabel('Canary version')).toHaveAccessibleDescription('The canary must be a different version from the one the alias points at.');
  await expect(widget.getByLabel('Alias name')).not.toHaveAttribute('aria-invalid');
  await widget.getByLabel('Canary share (%)').fill('150');
  await widget.getByRole('button', { name: 'Save alias' }).click();
  await expect(widget.getByLabel('Canary share (%)')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.getByLabel('Canary version')).not.toHaveAttribute('aria-invalid');
  await expect(widget.locator('[data-part="aliases"] li p')).toHaveText('live → version 1');
});

async function flowDone(page: Page): Promise<Locator> {
  const widget = await openConsole(page);
  await publishVersion(widget, /Published version 1/);
  await saveAlias(widget, '1');
  await setCode(page, pricingV2, ID);
  await publishVersion(widget, /Published version 2/);
  await saveAlias(widget, '1', { version: '2', percent: '10' });
  await invokeTimes(widget, 10);
  return widget;
}

for (const theme of themes) {
  test(`the filled-in versions panel has no axe violations in the ${theme} theme`, async ({ page }) => {
    await useSystemTheme(page, theme);
    const widget = await flowDone(page);
    await widget.locator('[data-part="versions"] summary').first().click();
    await expectNoAxeViolations(page, { include: `function-console[data-id="${ID}"]` });
    if (SHOTS) await widget.screenshot({ path: `${SHOTS}/console-versions-1280-${theme}.png` });
  });
}

test('at 360 px the versions panel fits the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const widget = await flowDone(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (SHOTS) await widget.locator('[data-part="releases"]').screenshot({ path: `${SHOTS}/console-versions-360.png` });
});
