// Before the console's script has loaded, its buttons cannot work: they show it (disabled, and
// the status says the console is loading) instead of swallowing a click.
import { expect, test, type Page } from '@playwright/test';
import { consoleWidget, holdMonaco, invokeButton, LAB } from './helpers/function-console';
import { scrollToWidgets } from './helpers/widgets';

test.describe.configure({ timeout: 180_000 });

/** Opens the lab with the console's script held back until `release()`: the race is deterministic. */
async function openWithScriptHeld(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/_astro\/FunctionConsole\.astro_astro_type_script[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded: wait for the parsed markup, not the event.
  await page.goto(LAB, { waitUntil: 'commit' });
  return release;
}

test('Invoke is disabled and says "loading" until the console script runs; then a click invokes', async ({ page }) => {
  const release = await openWithScriptHeld(page);
  const widget = consoleWidget(page);
  const invoke = invokeButton(widget);
  const status = widget.locator('[data-part="status"]');
  await expect(invoke).toBeVisible();
  await expect(invoke).toBeDisabled();
  await expect(status).toHaveText('Loading the console…');
  for (const name of ['Invoke N times', 'Invoke N concurrently', 'New environment', 'Copy share link', 'Reset to original']) {
    await expect(widget.getByRole('button', { name, exact: true })).toBeDisabled();
  }
  // A learner's click lands on a disabled button: nothing starts, nothing is promised.
  const box = (await invoke.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(0);

  release();
  await expect(invoke).toBeEnabled({ timeout: 60_000 });
  await expect(status).toHaveText('');
  await invoke.click();
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(1, { timeout: 60_000 });
  await expect(widget.locator('[data-part="response"]')).toContainText('"statusCode": 200');
});

test('text typed into the plain editor before the script loads is kept, not replaced by the saved text', async ({ page }) => {
  const release = await openWithScriptHeld(page);
  const area = consoleWidget(page).locator('[data-part="code"]');
  await area.fill('export const handler = async () => "typed early";\n');
  release();
  await expect(consoleWidget(page)).toHaveAttribute('data-editor', /monaco|textarea/, { timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('lambda-lab:function-console:v1:lab') ?? 'null')?.code))
    .toBe('export const handler = async () => "typed early";\n');
});

test('a press on "Invoke N times" while Monaco swaps in runs N invocations of the code shown', async ({ page }) => {
  // Lesson 5's counter: Monaco is taller than the textarea there, so a swap moves the buttons.
  const monaco = await holdMonaco(page);
  await page.goto('/lessons/05-execution-environment/');
  await scrollToWidgets(page); // the players above are built: only the editor's swap can move the button
  const widget = consoleWidget(page, 'counter');
  const button = widget.getByRole('button', { name: 'Invoke N times' });
  await button.scrollIntoViewIfNeeded();
  const chunk = await monaco.requested; // the console is near the viewport: the editor is on its way
  await expect(button).toBeEnabled();
  await widget.locator('textarea[data-part="code"]').fill('let n = 0;\nexport const handler = async () => ({ shown: ++n });\n');
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Monaco arrives and is evaluated while the button is held: the swap must not move it now.
  monaco.release();
  await page.evaluate((url) => import(url).then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))), chunk);
  expect(await widget.getAttribute('data-editor')).toBeNull(); // still the textarea
  await page.mouse.up();
  await expect(widget.locator('[data-part="history"] li')).toHaveCount(5, { timeout: 60_000 });
  await expect(widget.locator('[data-part="response"]')).toContainText('"shown": 5');
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await expect(widget.locator('.monaco-editor .view-lines')).toContainText('shown: ++n');
});
