// Measures what the function console costs a page: JS (gzip) before and after the editor
// loads, and the time from a click to a ready editor. Run alone to read the figures:
//   E2E_DIST=/tmp/dist-console E2E_PORT=4402 npx playwright test tests/e2e/console-weight.spec.ts --workers=1
// The assertions are budgets on bytes, never on time; the time is printed for the record.
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { consoleWidget, LAB } from './helpers/function-console';

// Monaco's TypeScript worker is ~7 MB of JavaScript: on a busy 2-core machine it takes a while.
test.describe.configure({ timeout: 180_000 });

const MONACO_URL = /monaco|editor\.api|ts\.worker|editor\.worker/i;

function recordJs(page: Page) {
  const seen: { url: string; gzipBytes: number }[] = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && !/\.m?js(\?|$)/.test(res.url())) return;
    try {
      seen.push({ url: res.url(), gzipBytes: gzipSync(await res.body(), { level: 9 }).length });
    } catch {
      /* a worker script body can be unavailable to the page; counted via its own response */
    }
  });
  return seen;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const total = (list: { gzipBytes: number }[]) => list.reduce((n, r) => n + r.gzipBytes, 0);

// Stands in for a lesson page whose console is far below the fold: the observer never fires,
// so only the click can load the editor.
const NO_INTERSECTIONS = `window.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} takeRecords() { return []; } };`;

test('the console loads no editor JS until used; the click loads it', async ({ page }) => {
  await page.addInitScript(NO_INTERSECTIONS);
  const js = recordJs(page);
  await page.goto(LAB, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const beforeList = [...js];
  expect(beforeList.filter((r) => MONACO_URL.test(r.url))).toEqual([]);
  const before = total(beforeList);

  const widget = consoleWidget(page);
  const started = Date.now();
  await widget.getByLabel('Handler code').click();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await expect(widget.locator('.monaco-editor .view-lines')).toBeVisible();
  const readyMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const after = total(js);
  const monaco = total(js.filter((r) => MONACO_URL.test(r.url)));
  console.log(`[console-weight] ${LAB} JS gzip -9: before the editor ${kib(before)} in ${beforeList.length} files; after ${kib(after)} in ${js.length} files (Monaco files ${kib(monaco)}); click to editor ready ${readyMs} ms`);
  console.log(beforeList.map((r) => `  before: ${kib(r.gzipBytes)} ${new URL(r.url).pathname}`).join('\n'));
  // Budget: without the editor the page stays light; the editor is the bulk and comes later.
  expect(before).toBeLessThan(150 * 1024);
  expect(after - before).toBeGreaterThan(500 * 1024);
});
