// Hostile handler code in the console, in Chromium: the same handlers as the runtime's Node tests
// (simulator/runtime/hostile.test.ts). Each ends in the documented Lambda error or a plain function
// error, the page survives, and nothing reaches the network or the page.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { consoleWidget, invokeButton, LAB, STORAGE_KEY } from './helpers/function-console';
import {
  ALLOCATE_200_MB, NETWORK_ATTEMPTS, NETWORK_EXPECTED, PROTO_ECHO, PROTO_EVENT_JSON, SELF_CLOSE, STORAGE_AND_CHANNELS,
  STORAGE_EXPECTED,
} from '../../simulator/runtime/testing/hostile-handlers';

test.describe.configure({ timeout: 180_000 });

/** Opens the lab with this handler (and event) saved, as if the learner had typed them. */
async function openWith(page: Page, code: string, event = '{}', config: Record<string, unknown> = {}): Promise<void> {
  await page.goto(LAB);
  await page.evaluate(([key, state]) => localStorage.setItem(key, state), [STORAGE_KEY, JSON.stringify({
    v: 1, language: 'javascript', code, eventKind: 'custom', event,
    config: { runtime: 'nodejs24.x', architecture: 'x86_64', memoryMB: 128, timeoutS: 3, handler: 'index.handler', environment: [], ...config },
  })]);
  await page.reload();
  await expect(consoleWidget(page).locator('[data-part="code"]')).toHaveValue(code);
}

/** Invokes and waits for the n-th history entry; returns the parsed response. */
async function invokeAndRead(page: Page, n: number): Promise<unknown> {
  const widget = consoleWidget(page);
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(n, { timeout: 60_000 });
  return JSON.parse(await widget.locator('[data-part="response"]').textContent() ?? 'null');
}

test('F134: a 200 MB buffer, typed array or string at 128 MB kills the environment; the page and console carry on', async ({ page }) => {
  const problems = watchConsole(page);
  await openWith(page, ALLOCATE_200_MB);
  const widget = consoleWidget(page);
  const logs = widget.locator('[data-part="logs"]');
  const history = widget.locator('[data-part="history"] li');
  let n = 0;
  for (const kind of ['buffer', 'typed', 'string']) {
    await widget.getByLabel('Event JSON').fill(JSON.stringify({ kind }));
    expect(await invokeAndRead(page, ++n)).toMatchObject({ errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited with error: signal: killed' });
    await expect(logs).toContainText(/RequestId: \S+ Error: Runtime exited with error: signal: killed\s+Runtime\.ExitError/);
    // Every attempt starts a new environment: the killed one is gone (F134, F06).
    await expect(history.first()).toContainText('cold');
    await expect(widget.locator('[data-part="status"]')).toContainText('needed more memory than the function has');
  }
  await expect(widget.locator('[data-part="summary"]')).toBeVisible();
  // The same allocation fits in 512 MB.
  await widget.getByLabel('Memory (MB)').fill('512');
  expect(await invokeAndRead(page, ++n)).toEqual({ allocated: 200 * 1024 * 1024 });
  problems.expectNone();
});

test('network attempts fail as without a network, also through eval and new Function; nothing leaves the page', async ({ page }) => {
  const outside: string[] = [];
  // blob: URLs are the environment's own worker and module; anything else with a host is outside.
  page.on('request', (r) => { if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith('http://127.0.0.1')) outside.push(r.url()); });
  await openWith(page, NETWORK_ATTEMPTS);
  expect(await invokeAndRead(page, 1)).toEqual(NETWORK_EXPECTED);
  expect(outside).toEqual([]);
});

test('storage and every channel to the page are absent in the handler', async ({ page }) => {
  await openWith(page, STORAGE_AND_CHANNELS);
  expect(await invokeAndRead(page, 1)).toEqual(STORAGE_EXPECTED);
});

test('self.close() is a function error; the environment stays warm', async ({ page }) => {
  await openWith(page, SELF_CLOSE);
  const widget = consoleWidget(page);
  expect(await invokeAndRead(page, 1)).toMatchObject({ errorType: 'TypeError' });
  expect(await invokeAndRead(page, 2)).toMatchObject({ errorType: 'TypeError' });
  await expect(widget.locator('[data-part="history"] li').first()).toContainText('warm');
});

test('an event with __proto__ and constructor keys changes no prototype, on the page or in the engine', async ({ page }) => {
  await openWith(page, PROTO_ECHO, PROTO_EVENT_JSON);
  expect(await invokeAndRead(page, 1)).toEqual({ keys: ['__proto__', 'constructor', 'key1'], ownProto: true, polluted: 'no' });
  expect(await page.evaluate(() => [({} as any).polluted, Object.getOwnPropertyNames(Object.prototype).includes('polluted'), ({}).constructor === Object]))
    .toEqual([undefined, false, true]);
});

test('forged runtime messages posted to the page are not taken for the handler\'s answer (F133)', async ({ page }) => {
  await openWith(page, 'export const handler = async () => { while (true) {} };\n', '{}', { timeoutS: 1 });
  const widget = consoleWidget(page);
  const status = widget.locator('[data-part="status"]');
  await invokeButton(widget).click();
  await expect(status).toHaveText('Running the handler (cold start)…', { timeout: 60_000 });
  // Everything the worker could say, from the page itself and as a dispatched event.
  await page.evaluate(() => {
    const forged = [
      { t: '/runtime/invocation/{id}/response', requestId: 'x', payloadJson: '"forged"', atMs: 0 },
      { t: 'exit', code: 7, atMs: 0 },
      { t: 'exit', signal: 'killed', atMs: 0 },
      { t: 'idle', seq: 1, nextTimerMs: null, atMs: 0 },
    ];
    for (const data of forged) {
      window.postMessage(data, '*');
      window.dispatchEvent(new MessageEvent('message', { data }));
    }
  });
  await expect(widget.locator('[data-part="logs"]')).toContainText('Task timed out after 1.00 seconds', { timeout: 60_000 });
  expect(JSON.parse(await widget.locator('[data-part="response"]').textContent() ?? 'null')).toMatchObject({ errorType: 'Sandbox.Timedout' });
  await expect(invokeButton(widget)).toBeEnabled();
});
