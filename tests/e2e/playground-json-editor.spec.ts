// The playground's scenario box: opened, it becomes an editor checked against the scenario's
// JSON Schema, so hovering a field shows what it means and a refused value is underlined as you
// type (the descriptions come from the engine's schema: simulator/scenario/schema.ts).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';

test.describe.configure({ timeout: 120_000 });

const PLAYER = 'lambda-simulation-player';
const EDITOR = '.pg-json-editor .monaco-editor';

async function openJsonEditor(page: Page): Promise<void> {
  await page.goto('/playground/');
  await expect(page.locator(`${PLAYER} .lsp-controls`)).toBeVisible();
  await page.getByText('Edit the scenario as JSON').click();
  // Monaco is downloaded when the box is first opened: allow for a busy machine.
  await expect(page.locator(EDITOR)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#pg-json-text')).toBeHidden();
}

test('hovering a field of the scenario JSON shows its description (F28)', async ({ page }) => {
  const problems = watchConsole(page);
  await openJsonEditor(page);
  const key = page.locator(`${EDITOR} .view-line span`, { hasText: '"memoryMB"' }).first();
  const hover = page.locator('.monaco-hover').filter({ hasText: '1,769 MB is one vCPU' });
  // The JSON worker starts with the editor: on a busy machine the first hover may come too early.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await key.hover();
    await expect(hover).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expectNoAxeViolations(page, { include: '.pg-json' });
  problems.expectNone();
});

test('a value the schema refuses is marked as you type, and Apply runs what the editor holds (F28, F29)', async ({ page }) => {
  await openJsonEditor(page);
  const value = (text: string) => page.locator(`${EDITOR} .view-line span`, { hasText: new RegExp(`^${text}$`) }).first();
  const errors = page.locator(`${EDITOR} .squiggly-error`);
  await value('512').dblclick(); // functions[0].memoryMB
  await page.keyboard.type('100');
  await expect(errors.first()).toBeAttached({ timeout: 15_000 });
  await value('100').dblclick();
  await page.keyboard.type('512');
  await expect(errors).toHaveCount(0);
  await value('3000').dblclick(); // functions[0].timeoutMs
  await page.keyboard.type('7000');
  await page.getByRole('button', { name: 'Apply and re-run' }).click();
  await expect.poll(() => page.evaluate((tag) => (document.querySelector(tag) as unknown as { scenario: { functions: { timeoutMs: number }[] } }).scenario.functions[0].timeoutMs, PLAYER)).toBe(7000);
  await expect(page.locator('#pg-json-error')).toHaveText('');
  await expect(page.locator('#pg-json-text')).toHaveValue(/"timeoutMs": 7000/);
});
