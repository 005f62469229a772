import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { themes, useSystemTheme } from './helpers/theme';
import {
  consoleWidget, invokeButton, LAB, savedState, setCode, STORAGE_KEY, waitForEditorLineNumbers, waitForMonaco,
} from './helpers/function-console';

// Monaco's TypeScript worker is ~7 MB of JavaScript: on a busy 2-core machine it takes a while.
test.describe.configure({ timeout: 180_000 });

test('bad event JSON shows the line, disables Invoke and keeps the text', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  const event = widget.getByLabel('Event JSON');
  const broken = '{\n  "key1": "value1"\n  "key2": 2\n}';
  await event.fill(broken);
  await expect(widget.locator('[data-part="event-error"]')).toContainText('Line 3');
  await expect(event).toHaveAttribute('aria-invalid', 'true');
  await expect(invokeButton(widget)).toBeDisabled();
  await expect(widget.getByRole('button', { name: 'Invoke N times' })).toBeDisabled();
  await expect(event).toHaveValue(broken);
  await event.fill('{\n  "key1": "value1",\n  "key2": 2\n}');
  await expect(widget.locator('[data-part="event-error"]')).toHaveText('');
  await expect(invokeButton(widget)).toBeEnabled();
});

test('invalid configuration is explained with the engine rules and blocks Invoke (F28, F29, F114)', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  const errors = widget.locator('[data-part="config-errors"]');
  await widget.getByLabel('Memory (MB)').fill('100');
  await expect(errors).toContainText('Memory');
  await expect(widget.getByLabel('Memory (MB)')).toHaveAttribute('aria-invalid', 'true');
  await expect(invokeButton(widget)).toBeDisabled();
  await widget.getByLabel('Memory (MB)').fill('1769');
  await widget.getByLabel('Timeout (s)').fill('901');
  await expect(errors).toContainText('Timeout');
  await widget.getByLabel('Timeout (s)').fill('30');
  await widget.getByRole('button', { name: 'Add variable' }).click();
  await widget.getByLabel('Variable 1 name').fill('AWS_REGION');
  await widget.getByLabel('Variable 1 value').fill('eu-west-1');
  await expect(errors).toContainText('AWS_REGION');
  await expect(invokeButton(widget)).toBeDisabled();
  await widget.getByRole('button', { name: 'Remove variable 1' }).click();
  await expect(errors).toHaveText('');
  await expect(invokeButton(widget)).toBeEnabled();
});

test('the sample event picker fills the event with a real event shape', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await widget.getByLabel('Template').selectOption('sqs');
  await expect(widget.getByLabel('Event JSON')).toHaveValue(/"eventSource": "aws:sqs"/, { timeout: 60_000 });
  await widget.getByLabel('Template').selectOption('apigw-v2');
  await expect(widget.getByLabel('Event JSON')).toHaveValue(/"routeKey"/, { timeout: 60_000 });
  // Back to the first template: the learner's edits to it are kept for the session.
  await widget.getByLabel('Event JSON').fill('{ "edited": true }');
  await widget.getByLabel('Template').selectOption('sqs');
  await widget.getByLabel('Template').selectOption('apigw-v2');
  await expect(widget.getByLabel('Event JSON')).toHaveValue('{ "edited": true }');
});

test('Monaco is not requested before the page has loaded, then arrives lazily', async ({ page }) => {
  await page.goto(LAB, { waitUntil: 'load' });
  await waitForMonaco(page);
  // Order, not time: every Monaco request started after the page's load event had finished.
  const { loadEventEnd, monacoStarts } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const starts = performance.getEntriesByType('resource')
      .filter((r) => /\/_astro\/.*(monaco|editor\.api)/.test(r.name)).map((r) => r.startTime);
    return { loadEventEnd: nav.loadEventEnd, monacoStarts: starts };
  });
  expect(monacoStarts.length).toBeGreaterThan(0);
  for (const start of monacoStarts) expect(start).toBeGreaterThanOrEqual(loadEventEnd);
});

test('if Monaco cannot load, a labelled textarea stays, says so, and still invokes JavaScript', async ({ page }) => {
  await page.route(/\/_astro\/.*(monaco|editor\.api).*\.js$/, (route) => route.abort());
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await widget.getByLabel('Handler code').click();
  await expect(widget).toHaveAttribute('data-editor', 'textarea', { timeout: 60_000 });
  await expect(widget.locator('[data-part="notice"]')).toContainText('could not load');
  await widget.getByLabel('Handler code').fill('export const handler = async () => ({ fallback: true });\n');
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('"fallback": true', { timeout: 60_000 });
});

test('a share link reproduces code, event and configuration in a fresh browser', async ({ page, browser }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  const code = 'export const handler = async (event) => ({ shared: event.n * 2 });\n';
  await setCode(page, code);
  await widget.getByLabel('Event JSON').fill('{ "n": 21 }');
  await widget.getByLabel('Memory (MB)').fill('512');
  await widget.getByLabel('Architecture').selectOption('arm64');
  await widget.getByRole('button', { name: 'Copy share link' }).click();
  const link = await widget.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#fc-lab=[A-Za-z0-9+\-$]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const copy = consoleWidget(other);
  await expect(copy.getByLabel('Event JSON')).toHaveValue('{ "n": 21 }');
  await expect(copy.getByLabel('Memory (MB)')).toHaveValue('512');
  await expect(copy.getByLabel('Architecture')).toHaveValue('arm64');
  await expect.poll(async () => (await savedState(other))?.code).toBe(code);
  await invokeButton(copy).click();
  await expect(copy.locator('[data-part="response"]')).toContainText('"shared": 42', { timeout: 60_000 });
  await fresh.close();
});

test('a mangled or oversized share link shows a message and the defaults, never a crash', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${LAB}#fc-lab=N4IgLgFgpgtgziAXCAjAOgGwHYCs`);
  const widget = consoleWidget(page);
  await expect(widget.locator('[data-part="notice"]')).toContainText('damaged');
  await expect(widget.getByLabel('Memory (MB)')).toHaveValue('128');
  await expect(widget.locator('[data-part="code"]')).toHaveValue(/export const handler/);

  await page.goto(`${LAB}#fc-lab=${'A'.repeat(40_000)}`);
  await page.reload();
  await expect(consoleWidget(page).locator('[data-part="notice"]')).toContainText('too long');
  expect(errors).toEqual([]);
});

test('reload keeps edits; reset brings back the original', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  const code = 'export const handler = async () => "kept after reload";\n';
  await setCode(page, code);
  await widget.getByLabel('Timeout (s)').fill('7');
  await page.reload();
  const again = consoleWidget(page);
  await expect(again.getByLabel('Timeout (s)')).toHaveValue('7');
  await waitForMonaco(page);
  await expect(again.locator('.monaco-editor .view-lines')).toContainText(/kept.after.reload/);
  await again.getByRole('button', { name: 'Reset to original' }).click();
  await expect(again.getByLabel('Timeout (s)')).toHaveValue('3');
  await expect(again.locator('.monaco-editor .view-lines')).toContainText(/let.invocations.=.0/);
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBeNull();
});

test('the console passes axe before and after an invocation, and fits a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForEditorLineNumbers(page);
  await expectNoAxeViolations(page);
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="logs"]')).toContainText('REPORT', { timeout: 60_000 });
  await expectNoAxeViolations(page, { include: 'function-console' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// The template's handler never reads `event`: TypeScript marks it unused once its worker has
// checked the file, which is when Monaco's faded "unnecessary code" style used to fail contrast.
for (const theme of themes) {
  test(`unused code marked by TypeScript still passes axe colour contrast (${theme} theme)`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LAB);
    await waitForMonaco(page);
    const unused = consoleWidget(page).locator('.squiggly-inline-unnecessary').first();
    await expect(unused).toBeAttached({ timeout: 60_000 });
    // Full colour, marked by a dashed underline instead (the dark theme's fade alone would pass
    // axe for this grey name, so check the style itself too).
    await expect(unused).toHaveCSS('opacity', '1');
    await expect(consoleWidget(page).locator('.squiggly-unnecessary').first()).toHaveCSS('border-bottom-style', 'dashed');
    await expectNoAxeViolations(page, { include: 'function-console' });
  });
}

test('the console can be driven from the keyboard alone', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await widget.getByLabel('Event JSON').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(widget.locator('[data-part="logs"]')).toContainText('REPORT', { timeout: 60_000 });
  await expect(widget.locator('[data-part="status"]')).toContainText('#1');
});
