// Typing never waits for Monaco: what goes into the textarea while the editor downloads is
// what the editor opens with, with the caret where it was and the keyboard focus kept.
import { expect, test, type Page } from '@playwright/test';
import { JS_TEMPLATE } from '../../src/widgets/function-console/state';
import { consoleWidget, holdMonaco, LAB, savedState } from './helpers/function-console';

test.describe.configure({ timeout: 120_000 });

/** True when the keyboard focus is inside the console's Monaco editor. */
const focusInMonaco = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('function-console .monaco-editor') != null);

test('text typed while Monaco loads is in the editor, with the caret where it was and focus kept', async ({ page }) => {
  const monaco = await holdMonaco(page);
  await page.goto(LAB);
  // The console's code loads as it nears the viewport; then Monaco waits for a first input (src/lib/editor/load.ts).
  await page.waitForFunction(() => customElements.get('function-console') !== undefined);
  await page.mouse.move(1, 1);
  await monaco.requested; // the page has loaded and Monaco is on its way
  const widget = consoleWidget(page);
  await widget.locator('textarea[data-part="code"]').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('// typed while loading\n');
  // The caret goes back to the start of the first line: the next key must land there.
  await page.keyboard.press('ControlOrMeta+Home');
  const typed = `${JS_TEMPLATE}// typed while loading\n`;
  await expect.poll(async () => (await savedState(page))?.code).toBe(typed);

  monaco.release();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await expect(widget.locator('.monaco-editor .view-lines')).toContainText(/typed.while.loading/);
  expect(await focusInMonaco(page)).toBe(true);
  await page.keyboard.type('X');
  // Monaco's first edit saves the textarea's text plus the new key, at the kept caret.
  await expect.poll(async () => (await savedState(page))?.code).toBe(`X${typed}`);
});

test('focus moves from the textarea into Monaco when it swaps in, so the next key is not lost', async ({ page }) => {
  const monaco = await holdMonaco(page);
  await page.goto(LAB);
  // The console's code loads as it nears the viewport; then Monaco waits for a first input (src/lib/editor/load.ts).
  await page.waitForFunction(() => customElements.get('function-console') !== undefined);
  await page.mouse.move(1, 1);
  await monaco.requested;
  const widget = consoleWidget(page);
  await widget.locator('textarea[data-part="code"]').focus();
  monaco.release();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await expect.poll(() => focusInMonaco(page)).toBe(true);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('Y');
  await expect.poll(async () => (await savedState(page))?.code).toBe(`Y${JS_TEMPLATE}`);
});
