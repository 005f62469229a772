// The lab gives the code the width: the template's longest line fits the editor on a desktop,
// the event and configuration sit below it, and a phone never scrolls sideways.
import { expect, test, type Page } from '@playwright/test';
import { JS_TEMPLATE } from '../../src/widgets/function-console/state';
import { consoleWidget, LAB, waitForMonaco } from './helpers/function-console';

test.describe.configure({ timeout: 120_000 });

/** How wide the editor's text area is, how wide its content is, and how many rows it drew. */
async function editorFit(page: Page) {
  return consoleWidget(page).locator('.monaco-editor').evaluate((editor) => ({
    visibleWidth: editor.querySelector('.editor-scrollable')!.clientWidth,
    contentWidth: editor.querySelector('.view-lines')!.scrollWidth,
    rows: editor.querySelectorAll('.view-lines .view-line').length,
  }));
}

test('at 1280 px the editor shows the template\'s longest line whole, on one row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(LAB);
  await waitForMonaco(page);
  const fit = await editorFit(page);
  expect(fit.contentWidth).toBeLessThanOrEqual(fit.visibleWidth);
  // No line wrapped either: one drawn row per line of the template.
  expect(fit.rows).toBe(JS_TEMPLATE.split('\n').length);
  // The editor takes most of the console's width; the test event sits below it.
  const widget = await consoleWidget(page).boundingBox();
  const editor = await consoleWidget(page).locator('[data-part="monaco"]').boundingBox();
  const event = await consoleWidget(page).getByLabel('Event JSON').boundingBox();
  expect(editor!.width).toBeGreaterThan(widget!.width * 0.9);
  expect(event!.y).toBeGreaterThan(editor!.y + editor!.height);
});

test('at 360 px the page does not scroll sideways and long lines wrap instead of hiding', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(LAB);
  await waitForMonaco(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const fit = await editorFit(page);
  expect(fit.contentWidth).toBeLessThanOrEqual(fit.visibleWidth);
});
