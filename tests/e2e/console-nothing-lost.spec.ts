// Nothing lost: edits in a console survive a crash of its execution environment's worker, a
// reload, a crash of the tab itself, and a second tab editing the same console.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { consoleWidget, invokeButton, LAB, savedState, setCode, waitForMonaco } from './helpers/function-console';

test.describe.configure({ timeout: 180_000 });

const code = (widget: Locator) => widget.locator('[data-part="code"]');

const FROM_A = 'export const handler = async () => "from tab A";\n';
const FROM_B = 'export const handler = async () => "from tab B";\n';

/** The code Monaco shows (it renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  const text = await consoleWidget(page).locator('.monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ').trim();
}

test('edits survive the worker crashing (F135) and a reload', async ({ page }) => {
  await page.goto(LAB);
  const widget = consoleWidget(page);
  await waitForMonaco(page);
  const crashing = "export const handler = async () => { process.exit(1); };\n// learner's note: keep me\n";
  await setCode(page, crashing);
  await invokeButton(widget).click();
  await expect(widget.locator('[data-part="response"]')).toContainText('Runtime exited with error: exit status 1', { timeout: 60_000 });
  // Typed after the crash, into the same editor.
  await widget.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('// typed after the crash');
  await expect.poll(async () => (await savedState(page))?.code).toBe(`${crashing}// typed after the crash`);
  await page.reload();
  await expect(code(widget)).toHaveValue(`${crashing}// typed after the crash`);
});

test('an edit made just before Invoke is saved before the handler runs, without waiting for the autosave timer', async ({ page }) => {
  // A handler can take the whole tab down (a Worker out of heap does in Chromium): then no
  // pagehide fires and no timer runs. Here timers never run at all, so only Invoke can save.
  await page.route(/\/_astro\/.*(monaco|editor\.api).*\.js$/, (route) => route.abort());
  await page.clock.install();
  await page.goto(LAB);
  await page.clock.pauseAt(Date.now() + 60_000);
  const widget = consoleWidget(page);
  await code(widget).fill('export const handler = async () => "edited just before invoking";\n');
  expect((await savedState(page))?.code).not.toBe('export const handler = async () => "edited just before invoking";\n');
  await invokeButton(widget).click();
  expect((await savedState(page))?.code).toBe('export const handler = async () => "edited just before invoking";\n');
});

test('two tabs on the same console: the last write wins and the other tab is told, and may load it', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(LAB);
  await b.goto(LAB);
  await waitForMonaco(a);
  await waitForMonaco(b);
  const inA = consoleWidget(a);
  const inB = consoleWidget(b);
  const noticeA = inA.locator('[data-part="elsewhere"]');
  const noticeB = inB.locator('[data-part="elsewhere"]');
  await expect(noticeB).toBeHidden();

  await setCode(a, FROM_A);
  await expect(noticeB).toBeVisible();
  await expect(noticeB).toContainText('changed in another tab');
  await expectNoAxeViolations(b);
  // Tab B's own text is untouched until the learner chooses.
  expect(await editorText(b)).not.toContain('from tab A');

  // B writes after A: B's text is the saved one (last write wins) and A is told in turn.
  await setCode(b, FROM_B);
  await expect(noticeA).toBeVisible();
  expect((await savedState(a))?.code).toBe(FROM_B);

  // A loads B's version: its editor shows it and the message goes.
  await inA.getByRole('button', { name: "Load the other tab's version" }).click();
  await expect.poll(() => editorText(a)).toBe(FROM_B.trim());
  await expect(noticeA).toBeHidden();
  await expect(inA.locator('[data-part="status"]')).toHaveText('Loaded the version from the other tab.');

  // B is still told about A's earlier write; keeping its own version dismisses the message.
  await inB.getByRole('button', { name: 'Keep this version' }).click();
  await expect(noticeB).toBeHidden();
  expect((await savedState(b))?.code).toBe(FROM_B);

  // A reset in one tab is announced in the other.
  await inA.getByRole('button', { name: 'Reset to original' }).click();
  await expect(noticeB).toContainText('reset to the original in another tab');
  await b.reload();
  await expect(code(inB)).toHaveValue(/Module scope runs once/);
});
