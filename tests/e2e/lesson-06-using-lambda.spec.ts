// Lesson 6: both power-tuning charts run through the engine in the page and mark the right
// sizes, every player plays, and the memory challenge is solved the way a learner would.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cheapestFastEnough, leastPrivilege } from '../../content/lessons/06-using-lambda.challenges';
import { solutionAttempt } from '../../src/widgets/challenge/attempt';
import { formatMeasured } from '../../src/widgets/challenge/measures';
import { runAttempt as runHeadless } from '../../src/widgets/challenge/run';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, playEveryPlayer, runAttempt, setKnob, verdicts } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { seekPlayer } from './helpers/player';

test.describe.configure({ timeout: 120_000 });

const LESSON = '/lessons/06-using-lambda/';
const SLUG = 'lessons/06-using-lambda';

function chart(page: Page, title: string): Locator {
  return page.locator('power-tuning').filter({ has: page.locator('figcaption', { hasText: title }) });
}

/** Presses Run as a learner would and waits for the table; returns its rows as cell texts. */
async function tune(widget: Locator): Promise<string[][]> {
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', '');
  await widget.getByRole('button', { name: /^Run at 8 memory sizes$/ }).click();
  await expect(widget).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  return widget.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

const marked = (rows: string[][], mark: string) => rows.filter((r) => r[4].includes(mark)).map((r) => r[0]);

test('the CPU-bound chart falls to 1,769 MB and marks it fastest; the I/O-bound one is flat and cheapest at 128 MB', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);

  const cpu = chart(page, 'A CPU-bound handler');
  const cpuRows = await tune(cpu);
  expect(cpuRows.map((r) => r[0])).toEqual(['128', '256', '512', '1,024', '1,769', '3,008', '5,120', '10,240']);
  expect(cpuRows[0].slice(1, 4)).toEqual(['2,765.5 ms', '2,766 ms', '$5.96']); // F28: 200 ms × 1,769 / 128
  expect(cpuRows[4].slice(1, 4)).toEqual(['200.1 ms', '201 ms', '$5.99']);
  expect(cpuRows[7][3]).toBe('$33.70');
  expect(marked(cpuRows, 'fastest')).toEqual(['1,769']);
  expect(marked(cpuRows, 'cheapest')).toEqual(['256']);
  await expect(cpu.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Fastest: 1,769 MB .* Cheapest: 256 MB/);
  await expect(cpu.locator('svg .pt-dot.pt-duration')).toHaveCount(8);
  await expect(cpu.locator('svg .pt-best-label')).toHaveText(['fastest', 'cheapest']);

  const io = chart(page, 'An I/O-bound handler');
  const ioRows = await tune(io);
  const durations = ioRows.map((r) => Number.parseFloat(r[1]));
  expect(Math.max(...durations) - Math.min(...durations)).toBeLessThan(2);
  expect(marked(ioRows, 'cheapest')).toEqual(['128']);
  expect(ioRows[7][3]).toBe('$15.30');

  // Quick enough to wait for: the page records each run's wall time.
  for (const w of [cpu, io]) expect(Number(await w.getAttribute('data-elapsed-ms'))).toBeLessThan(15_000);
  problems.expectNone();
});

/** Moves a player's cursor to the end of its run and reads its flow view's stages. */
async function flowAtEnd(player: Locator): Promise<Record<string, string>> {
  await seekPlayer(player, 1e9);
  await expect(player.locator('.lsp-flow-stage').first()).toBeVisible();
  return player.locator('.lsp-flow-stage').evaluateAll((items) => Object.fromEntries(items.map((li) => [
    li.querySelector('.lsp-flow-label')?.textContent ?? '', li.querySelector('.lsp-flow-value')?.textContent ?? '',
  ])));
}

test('the sync and async players play; at the end the sync caller saw 200s, errors and 429s, the async one queued, retried and discarded two', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  expect(await playEveryPlayer(page)).toBe(2);
  const players = page.locator('lambda-simulation-player');
  // The lesson's table quotes these counts (F58, F62).
  const sync = await flowAtEnd(players.nth(0));
  expect(sync).toMatchObject({ 'Succeeded (200)': '71', 'Function error': '12', 'Throttled (429)': '37' });
  // F63, F65: every event accepted; failures retried, two discarded after three attempts.
  const async_ = await flowAtEnd(players.nth(1));
  expect(async_).toMatchObject({ 'Internal queue': '0', Succeeded: '118', Discarded: '2' });
  // The Throttles tiles count attempts, as CloudWatch does: one per refused request, and every
  // throttled try of a queued event although none was refused (the lesson quotes 37 and 59).
  await expect(players.nth(0).locator('[data-stat="throttles"]')).toHaveText('37');
  await expect(players.nth(1).locator('[data-stat="throttles"]')).toHaveText('59');
  await expect(players.nth(1).getByText('Throttles (attempts, retries included)')).toBeVisible();
  problems.expectNone();
});

test('a library that was not packaged fails Init with Runtime.ImportModuleError (F128)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = page.locator('function-console[data-id="missing-library"]');
  await widget.scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Invoke', exact: true }).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('Runtime.ImportModuleError', { timeout: 60_000 });
  await expect(widget.locator('[data-part="response"]')).toContainText("Cannot find package 'nanoid'");
  await expect(widget.locator('[data-part="logs"]')).toContainText('Uncaught Exception');
  problems.expectNone();
});

test('the memory challenge fails at 128 MB, passes at 1,152 MB and marks progress', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'cheapest-fast-enough');
  await widget.getByLabel('more than 1 s').check();
  const first = await runAttempt(widget, 1);
  expect(first).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']);
  expect(await exerciseSolved(page, SLUG, 'cheapest-fast-enough')).toBe(false);

  // Too much memory is fast but over budget: the other goal fails.
  await setKnob(widget, 'Memory (MB)', 1769);
  expect(await runAttempt(widget, 2)).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['met', 'not-met']);

  await setKnob(widget, 'Memory (MB)', 1152);
  expect(await runAttempt(widget, 3)).toContain('every goal met');
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'cheapest-fast-enough')).toBe(true);
  const headless = await runHeadless(cheapestFastEnough, solutionAttempt(cheapestFastEnough));
  expect(await verdicts(widget)).toEqual(headless.checks.map((c) => `Met: measured ${formatMeasured(c.goal, c.measured)}`));
  problems.expectNone();
});

test('a role without dynamodb:PutItem: the handler\'s PutCommand fails with the real AccessDenied; adding it to the policy fixes it', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = page.locator('function-console[data-id="missing-permission"]');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 }); // a click before may be lost
  await widget.getByRole('button', { name: 'Invoke', exact: true }).click();
  const logs = widget.locator('[data-part="logs"]');
  await expect(logs).toContainText('AccessDeniedException', { timeout: 60_000 });
  await expect(logs).toContainText('read orders/1.json'); // the GetObject before it was allowed
  await expect(logs).toContainText('assumed-role/console-function-role/console-function is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders because no identity-based policy allows the dynamodb:PutItem action');

  // The learner grants the action in the role's JSON and invokes again.
  const policy = widget.getByLabel('Execution role: permissions policy (JSON)');
  const text = await policy.inputValue();
  await policy.fill(text.replace('"Action": "s3:GetObject"', '"Action": ["s3:GetObject"]').replace(/"Resource": "arn:aws:s3:::lambda-lab-bucket\/\*"/, '"Resource": "arn:aws:s3:::lambda-lab-bucket/*" }, { "Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders"'));
  await widget.getByRole('button', { name: 'Invoke', exact: true }).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('"stored": "orders/1.json"', { timeout: 60_000 });

  // Not JSON: the field says so, before anything runs.
  await policy.fill('{ "Statement": [');
  await expect(widget.locator('[data-part="config-errors"]')).toContainText('Execution role policy: not valid JSON');
  problems.expectNone();
});

test('least privilege: S3 is refused by the resource-based policy at first; wildcards pass the errors but not least privilege; the exact grants solve it', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'least-privilege');
  await widget.getByLabel('one to four times').check();
  expect(await runAttempt(widget, 1)).toContain('2 of 5 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'not-met', 'met', 'met', 'not-met']);
  expect(await verdicts(widget)).toEqual(expect.arrayContaining(['Not met: measured 5']));
  expect(await exerciseSolved(page, SLUG, 'least-privilege')).toBe(false);

  const pick = (group: string, label: string) => widget.getByRole('group', { name: group }).getByLabel(label).check();
  await pick('Resource-based policy: who may invoke the function', 'S3 (s3.amazonaws.com)');
  await pick('Execution role, statement WriteOrders: the DynamoDB action', 'dynamodb:* (everything in DynamoDB)');
  // Every upload now runs and nothing is denied, but s3:* and dynamodb:* grant more than is used.
  expect(await runAttempt(widget, 2)).toContain('4 of 5 goals met');
  expect(await goalStates(widget)).toEqual(['met', 'met', 'met', 'met', 'not-met']);

  await pick('Execution role, statement ReadUploads: the S3 action', 's3:GetObject');
  await pick('Execution role, statement WriteOrders: the DynamoDB action', 'dynamodb:PutItem');
  expect(await runAttempt(widget, 3)).toContain('every goal met');
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'least-privilege')).toBe(true);
  const headless = await runHeadless(leastPrivilege, solutionAttempt(leastPrivilege));
  expect(await verdicts(widget)).toEqual(headless.checks.map((c) => `Met: measured ${formatMeasured(c.goal, c.measured)}`));
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, after a tuning run and a challenge run`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await tune(chart(page, 'A CPU-bound handler'));
    const widget = challengeWidget(page, 'cheapest-fast-enough');
    await widget.getByLabel('under 300 ms').check();
    await runAttempt(widget, 1);
    const privilege = challengeWidget(page, 'least-privilege');
    await privilege.getByLabel('not at all').check();
    await runAttempt(privilege, 1);
    const console_ = page.locator('function-console[data-id="missing-permission"]');
    await console_.scrollIntoViewIfNeeded();
    await expect(console_).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
    await console_.getByRole('button', { name: 'Invoke', exact: true }).click();
    await expect(console_.locator('[data-part="logs"]')).toContainText('AccessDeniedException', { timeout: 60_000 });
    await expectNoAxeViolations(page);
  });
}
