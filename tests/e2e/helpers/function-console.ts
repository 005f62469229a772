// Helpers for the function console specs (tests/e2e/console-*.spec.ts).
import { expect, type Locator, type Page } from '@playwright/test';
import { storageKey } from '../../../src/widgets/function-console/state';

export const LAB = '/lab/';
export const STORAGE_KEY = storageKey('lab');

const MONACO_CHUNK = /\/_astro\/.*(monaco|editor\.api).*\.js$/;

/**
 * Holds Monaco's chunks back until `release()`; `requested` settles with the first chunk's URL
 * when it is asked for.
 */
export async function holdMonaco(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: (url: string) => void;
  const asked = new Promise<string>((resolve) => (requested = resolve));
  await page.route(MONACO_CHUNK, async (route) => {
    requested(route.request().url());
    await released;
    await route.continue();
  });
  return { requested: asked, release };
}

export function consoleWidget(page: Page, id = 'lab'): Locator {
  return page.locator(`function-console[data-id="${id}"]`);
}

/** Waits until Monaco has replaced the textarea (it loads lazily). */
export async function waitForMonaco(page: Page, id = 'lab'): Promise<void> {
  await consoleWidget(page, id).hover(); // Monaco waits for the learner's first input (src/lib/editor/load.ts)
  await expect(consoleWidget(page, id)).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await expect(consoleWidget(page, id).locator('.monaco-editor .view-lines')).toBeVisible();
}

/**
 * Waits until every function console on the page shows Monaco with its line numbers drawn,
 * including the dimmed number of the empty last line, so axe sees what a learner sees.
 * Monaco draws only the lines in its view: on a phone, where the code wraps, it is scrolled
 * to the end first.
 */
export async function waitForEditorLineNumbers(page: Page): Promise<void> {
  for (const widget of await page.locator('function-console').all()) {
    await widget.scrollIntoViewIfNeeded();
    await widget.hover(); // Monaco waits for the learner's first input (src/lib/editor/load.ts)
    await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
    const lines = widget.locator('.monaco-editor .view-lines');
    await expect(widget.locator('.monaco-editor .line-numbers').first()).toBeVisible();
    await lines.hover();
    await page.mouse.wheel(0, 5_000);
    await expect(widget.locator('.monaco-editor .line-numbers.dimmed-line-number')).toBeVisible();
  }
}

/** Empties the editor the way a person would: click, select all, delete. */
export async function clearCode(page: Page, id = 'lab'): Promise<void> {
  await consoleWidget(page, id).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
}

/**
 * Replaces the handler code by pasting it (Ctrl+V), so Monaco's typing aids (auto-closed
 * brackets, auto-indent) do not change it. Needs clipboard permissions on the context.
 */
export async function setCode(page: Page, code: string, id = 'lab'): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await clearCode(page, id);
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await savedState(page, storageKey(id)))?.code).toBe(code);
}

export async function savedState(page: Page, key = STORAGE_KEY): Promise<Record<string, unknown> | null> {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
}

export function invokeButton(widget: Locator): Locator {
  return widget.getByRole('button', { name: 'Invoke', exact: true });
}

export const REPORT_LINE = /^REPORT RequestId: \S+\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB/m;
