// Helpers for the function console specs (tests/e2e/console-*.spec.ts).
import { expect, type Locator, type Page } from '@playwright/test';

export const LAB = '/lab/';
export const STORAGE_KEY = 'lambda-lab:function-console:v1:lab';

export function consoleWidget(page: Page, id = 'lab'): Locator {
  return page.locator(`function-console[data-id="${id}"]`);
}

/** Waits until Monaco has replaced the textarea (it loads lazily). */
export async function waitForMonaco(page: Page, id = 'lab'): Promise<void> {
  await expect(consoleWidget(page, id)).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await expect(consoleWidget(page, id).locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Replaces the handler code the way a person would: select all in the editor, then type. */
export async function setCode(page: Page, code: string, id = 'lab'): Promise<void> {
  const editor = consoleWidget(page, id).locator('.monaco-editor .view-lines');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText types the text as one input (no auto-closed brackets or auto-indent added).
  await page.keyboard.insertText(code);
}

export async function savedState(page: Page, key = STORAGE_KEY): Promise<Record<string, unknown> | null> {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
}

export function invokeButton(widget: Locator): Locator {
  return widget.getByRole('button', { name: 'Invoke', exact: true });
}

export const REPORT_LINE = /^REPORT RequestId: \S+\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB/m;
