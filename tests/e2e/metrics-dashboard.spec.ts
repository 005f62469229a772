// The metrics dashboard on its developer page: a run draws the five charts, the table holds the
// same numbers, the log streams are named as Lambda names them (F125), no axe violations in
// either theme, and nothing spills out at 360 px.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { themes, useSystemTheme } from './helpers/theme';

test.describe.configure({ timeout: 120_000 });

const PAGE = '/dev/metrics-dashboard/';
const SHOTS = process.env.E2E_SHOTS; // a folder outside the repository, when screenshots are wanted

async function run(page: Page, title = 'Checkout under a spike'): Promise<Locator> {
  const widget = page.locator('metrics-dashboard').filter({ has: page.locator('figcaption', { hasText: title }) });
  await expect(widget).toHaveAttribute('data-ready', '');
  await widget.getByRole('button', { name: 'Run the load' }).click();
  await expect(widget).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  return widget;
}

const cells = (widget: Locator) => widget.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
const num = (s: string) => Number(s.replace(/,/g, ''));

for (const theme of themes) {
  test(`a run fills five charts, the table and the log streams, with no axe violations (${theme})`, async ({ page }) => {
    const problems = watchConsole(page);
    await useSystemTheme(page, theme);
    await page.goto(PAGE);
    const widget = await run(page);
    await expect(widget.locator('.md-pick')).toBeHidden(); // one function: nothing to pick

    const status = (await widget.locator('[data-part="status"]').textContent()) ?? '';
    const [, invocations, errors, throttles] = status.match(/([\d,]+) invocations, ([\d,]+) errors, ([\d,]+) throttles/)!.map(num);
    expect(status).toContain('Period: 5 s (CloudWatch uses 1 minute');
    for (const key of ['invocations', 'errors', 'throttles', 'duration', 'concurrency']) {
      await expect(widget.locator(`[data-chart="${key}"] svg path.md-line`).first()).toHaveAttribute('d', /^M/);
    }
    await expect(widget.locator('[data-chart="duration"] svg path.md-line')).toHaveCount(2);

    const rows = await cells(widget);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => `${i * 5} s`)); // 60 s of traffic at 5 s periods
    const sum = (i: number) => rows.reduce((n, r) => n + num(r[i]), 0);
    expect([sum(1), sum(2), sum(3)]).toEqual([invocations, errors, throttles]);
    expect(errors).toBeGreaterThan(0);
    expect(throttles).toBeGreaterThan(0); // the spike outruns reserved concurrency 4
    expect(Math.max(...rows.map((r) => num(r[6])))).toBe(4);

    const streams = widget.locator('.md-stream');
    expect(await streams.count()).toBeGreaterThanOrEqual(4);
    for (const name of await streams.locator('summary code').allTextContents()) expect(name).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    await streams.first().locator('summary').click();
    await expect(streams.first().locator('pre')).toContainText(/START RequestId: \S+ Version: \$LATEST/);

    await expectNoAxeViolations(page, { include: 'metrics-dashboard' });
    if (SHOTS) await widget.screenshot({ path: `${SHOTS}/metrics-${theme}.png` });
    problems.expectNone();
  });
}

/** Each chart's drawn width against the width it is shown at: 1 means its 11 px labels stay 11 px. */
const chartScales = (widget: Locator) => widget.locator('.md-chart svg').evaluateAll((svgs) =>
  svgs.map((s) => s.getBoundingClientRect().width / Number(s.getAttribute('width'))));

// Lesson 9 at 1280 px is the case that shrank them: two grid columns in a column under 640 px.
for (const [path, width] of [[PAGE, 1280], [PAGE, 700], ['/lessons/09-develop-deploy/', 1280]] as const) {
  test(`on ${path} at ${width} px each chart is drawn at the size it is shown, so its axis labels are not shrunk`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    const widget = page.locator('metrics-dashboard').first();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute('data-ready', '');
    await widget.getByRole('button', { name: 'Run the load' }).click();
    await expect(widget).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    for (const scale of await chartScales(widget)) expect(scale).toBeCloseTo(1, 1);
  });
}

test('at 360 px the charts fit the column and only the table scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(PAGE);
  const widget = await run(page);
  const overflow = await widget.evaluate((el) => {
    const frame = el.querySelector('.md-frame')!.getBoundingClientRect();
    return [...el.querySelectorAll('.md-chart svg')].map((s) => s.getBoundingClientRect().right - frame.right);
  });
  for (const o of overflow) expect(o).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  if (SHOTS) await widget.screenshot({ path: `${SHOTS}/metrics-360.png` });
});

test("split by version, the canary's errors show on version 2 alone", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const widget = await run(page, 'A canary with a bug');
  const picker = widget.getByLabel('Version');
  await expect(picker.locator('option')).toHaveText(['orders:1', 'orders:2']);
  const errorsOf = async (version: string) => {
    await picker.selectOption(version);
    await expect(widget.locator('[data-part="status"]')).toContainText(`${version}:`);
    return (await cells(widget)).reduce((n, r) => n + num(r[2]), 0);
  };
  expect(await errorsOf('orders:1')).toBe(0);
  expect(await errorsOf('orders:2')).toBeGreaterThan(0);
  for (const name of await widget.locator('.md-stream summary code').allTextContents()) expect(name).toContain('[2]');
  await expectNoAxeViolations(page, { include: 'metrics-dashboard' });
  if (SHOTS) await widget.screenshot({ path: `${SHOTS}/metrics-canary.png` });
  problems.expectNone();
});
