import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { clearCode, consoleWidget, invokeButton, LAB, REPORT_LINE, savedState, setCode, waitForMonaco } from './helpers/function-console';

// Monaco's TypeScript worker is ~7 MB of JavaScript: on a busy 2-core machine it takes a while.
test.describe.configure({ timeout: 180_000 });

const COUNTER = `let count = 0; // module scope: survives warm invocations
export const handler = async (event, context) => {
  count += 1;
  console.log('count is', count);
  return { count, key1: event.key1 };
};
`;

function reportLines(logs: string): string[] {
  return logs.split('\n').filter((l) => l.startsWith('REPORT '));
}

test('a typed handler runs cold first, then warm with its module state kept (F20, F09)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  // Typed key by key: Monaco closes each bracket and the typed closer steps over it.
  await clearCode(page);
  await page.keyboard.type('let count = 0;');
  await page.keyboard.press('Enter');
  await page.keyboard.type("export const handler = async (event) => ({ count: ++count, key1: event.key1 });");
  await expect.poll(async () => (await savedState(page))?.code)
    .toBe('let count = 0;\nexport const handler = async (event) => ({ count: ++count, key1: event.key1 });');
  await invokeButton(widget).click();

  const response = widget.locator('[data-part="response"]');
  const logs = widget.locator('[data-part="logs"]');
  await expect(response).toContainText('"count": 1', { timeout: 60_000 });
  await expect(response).toContainText('"key1": "value1"');
  const cold = await logs.textContent() ?? '';
  expect(cold).toMatch(/^START RequestId: \S+ Version: \$LATEST$/m);
  expect(cold).toMatch(/^END RequestId: \S+$/m);
  expect(reportLines(cold)).toHaveLength(1);
  expect(reportLines(cold)[0]).toMatch(REPORT_LINE);
  expect(reportLines(cold)[0]).toMatch(/\tInit Duration: \d+\.\d{2} ms/);
  await expect(widget.locator('[data-part="summary"]')).toContainText('Init duration');
  await expect(widget.locator('[data-part="summary"]')).toContainText('Cost of this invocation');

  // Ctrl+Enter from the editor invokes again, on the warm environment.
  await widget.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(response).toContainText('"count": 2', { timeout: 60_000 });
  const warm = await logs.textContent() ?? '';
  expect(reportLines(warm)).toHaveLength(1);
  expect(reportLines(warm)[0]).toMatch(REPORT_LINE);
  expect(reportLines(warm)[0]).not.toContain('Init Duration');
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(2);
  problems.expectNone();
});

test('"New environment" and a configuration change both make the next invoke cold (F11)', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  await setCode(page, COUNTER);
  const response = widget.locator('[data-part="response"]');
  const logs = widget.locator('[data-part="logs"]');
  await invokeButton(widget).click();
  await expect(response).toContainText('"count": 1', { timeout: 60_000 });
  await invokeButton(widget).click();
  await expect(response).toContainText('"count": 2', { timeout: 60_000 });

  await widget.getByRole('button', { name: 'New environment' }).click();
  await invokeButton(widget).click();
  await expect(response).toContainText('"count": 1', { timeout: 60_000 });
  await expect(logs).toContainText('Init Duration');

  await widget.getByLabel('Memory (MB)').fill('256');
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(4);
  await expect(response).toContainText('"count": 1');
  await expect(logs).toContainText('Memory Size: 256 MB');
  await expect(logs).toContainText('Init Duration');
});

test('a syntax error in the handler is reported as Runtime.UserCodeSyntaxError (F129)', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  await setCode(page, 'export const handler = async (event) => {\n  const x = ;\n  return x;\n};\n');
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('Runtime.UserCodeSyntaxError', { timeout: 60_000 });
});

test('an endless loop times out while the page stays responsive (F133)', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  // A first, ordinary invoke loads the engine and the runtime, so what follows measures the loop.
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="logs"]')).toContainText('REPORT', { timeout: 60_000 });
  await widget.getByLabel('Timeout (s)').fill('1');
  await setCode(page, 'export const handler = async () => {\n  while (true) {}\n};\n');
  await invokeButton(widget).click();
  const status = widget.locator('[data-part="status"]');
  // The engine has started the handler: it now spins in its environment's worker.
  await expect(status).toHaveText('Running the handler (cold start)…', { timeout: 60_000 });
  // The page still answers a click (a real input event) while the handler spins...
  await widget.getByRole('button', { name: 'Add variable' }).click({ timeout: 1000 });
  await expect(widget.getByLabel('Variable 1 name')).toBeVisible({ timeout: 1000 });
  // ...and the click was handled during the run, not after it.
  await expect(status).toHaveText('Running the handler (cold start)…');
  await expect(invokeButton(widget)).toBeDisabled();
  await expect(widget.locator('[data-part="logs"]')).toContainText('Task timed out after 1.00 seconds', { timeout: 60_000 });
  await expect(widget.locator('[data-part="response"]')).toContainText('Sandbox.Timedout');
  await expect(widget.locator('[data-part="summary"]')).toContainText('Timed out');
  await expect(invokeButton(widget)).toBeEnabled();
});

test('a TypeScript handler is compiled before it runs', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  await widget.getByLabel('Language').selectOption('typescript');
  await setCode(page, `import type { Handler } from 'aws-lambda';
interface Order { key1: string }
export const handler: Handler<Order, { upper: string }> = async (event) => {
  const upper: string = event.key1.toUpperCase();
  return { upper };
};
`);
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('"upper": "VALUE1"', { timeout: 60_000 });
});

test('"Invoke N concurrently" starts one environment per request; "Invoke N times" reuses one (F12)', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  await setCode(page, COUNTER);
  await widget.getByLabel('Number of invocations').fill('3');
  await widget.getByRole('button', { name: 'Invoke N concurrently' }).click();
  const history = widget.locator('[data-part="history"] li');
  await expect(history).toHaveCount(3, { timeout: 60_000 });
  await expect(history.filter({ hasText: 'cold' })).toHaveCount(3);
  // Each overlapping run has its own cost, priced by the engine (F46, F47), and so does the total.
  await expect(history.filter({ hasText: /· \$0\.0\d+ ·/ })).toHaveCount(3);
  await expect(widget.locator('[data-part="status"]')).toContainText(/3 invocations: .* \$0\.0\d+ in total/);
  await widget.getByRole('button', { name: 'Invoke N times' }).click();
  await expect(history).toHaveCount(6, { timeout: 60_000 });
  await expect(history.filter({ hasText: 'warm' })).toHaveCount(3);
});
