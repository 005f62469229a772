// Lesson 10: a handler imports a module from a layer the learner attaches, AWS's lodash sample
// runs from a layer, a sixth layer is refused, Init follows code plus layers (F24), and the
// use-the-layer challenge is solved by importing the module by its package name.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { useTheLayer } from '../../content/lessons/10-layers.challenges';
import { expectNoAxeViolations } from './helpers/axe';
import { challengeWidget, goalStates, openChallenge, pasteCode, playEveryPlayer, runAttempt, setKnob } from './helpers/challenge';
import { watchConsole } from './helpers/console';
import { seekPlayer } from './helpers/player';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';

test.describe.configure({ timeout: 240_000 });

const LESSON = '/lessons/10-layers/';
const SLUG = 'lessons/10-layers';

async function openConsole(page: Page, id: string): Promise<Locator> {
  const widget = page.locator(`function-console[data-id="${id}"]`);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  return widget;
}

async function invoke(widget: Locator, expected: string | RegExp): Promise<void> {
  await expect(widget.getByRole('button', { name: 'Invoke', exact: true })).toBeEnabled();
  await widget.getByRole('button', { name: 'Invoke', exact: true }).click();
  await expect(widget.locator('[data-part="response"]')).toContainText(expected, { timeout: 60_000 });
}

test('without the layer the import fails; attached, the module from /opt answers (F39, F40)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = await openConsole(page, 'layer-import');
  const box = widget.getByLabel('price-format:1');
  await expect(box).not.toBeChecked();
  await invoke(widget, 'Runtime.ImportModuleError');
  await box.check();
  await invoke(widget, '"price": "€12.50"');
  await expect(widget.locator('[data-part="logs"]')).toContainText('Init Duration');
  problems.expectNone();
});

test('AWS’s layer sample imports lodash from its layer and answers "2, Pat"', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = await openConsole(page, 'layer-lodash');
  await expect(widget.getByLabel('layer-nodejs-lib:1')).toBeChecked();
  await invoke(widget, '"body": "\\"2, Pat\\""');
  problems.expectNone();
});

test('a sixth layer is refused with Lambda’s message and nothing can be invoked (F37)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const widget = await openConsole(page, 'layer-limit');
  const invokeButton = widget.getByRole('button', { name: 'Invoke', exact: true });
  await expect(invokeButton).toBeEnabled();
  await widget.getByLabel('pdf-fonts:1').check();
  await expect(widget.locator('[data-part="config-errors"]')).toContainText('Cannot reference more than 5 layers.');
  await expect(invokeButton).toBeDisabled();
  await widget.getByLabel('auth:3').uncheck();
  await expect(widget.locator('[data-part="config-errors"]')).toBeEmpty();
  await invoke(widget, '"ok": true');
  problems.expectNone();
});

test('Init follows code plus layers: 1 + 20 MB and 21 + 0 MB give the same cold start (F24); past 250 MB is refused (F36)', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  const player = page.locator('lambda-simulation-player').first();
  await player.scrollIntoViewIfNeeded();
  await player.getByRole('button', { name: 'Show data table' }).click();
  const initOfFirst = async () => {
    await seekPlayer(player, 1e9);
    return player.locator('table tbody tr').first().locator('td').nth(5).textContent();
  };
  await expect.poll(initOfFirst, { timeout: 60_000 }).toMatch(/^7\d\d\.\d\d ms$/);
  const split = await initOfFirst();
  await setKnob(player, 'Function package (unzipped)', 21);
  await setKnob(player, 'Layer shared-deps (unzipped)', 0);
  await expect.poll(initOfFirst, { timeout: 60_000 }).toBe(split);
  await setKnob(player, 'Function package (unzipped)', 1);
  await setKnob(player, 'Layer shared-deps (unzipped)', 1);
  await expect.poll(async () => Number.parseFloat((await initOfFirst()) ?? ''), { timeout: 60_000 }).toBeLessThan(250);
  await setKnob(player, 'Function package (unzipped)', 200);
  await setKnob(player, 'Layer shared-deps (unzipped)', 100);
  await expect(player.locator('.lsp-knob-error')).toContainText('exceeds the maximum allowed size of 262144000 bytes');
  expect(await playEveryPlayer(page)).toBe(1);
  problems.expectNone();
});

test('the challenge fails with the relative import and passes with the package name', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'use-the-layer');
  await widget.getByLabel('none: the layer provides the module').check();
  expect(await runAttempt(widget, 1)).toContain('0 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'not-met']);
  expect(await exerciseSolved(page, SLUG, 'use-the-layer')).toBe(false);

  await pasteCode(widget, useTheLayer.solution.code!);
  // Dropping the import answers without errors, but no price is the layer's: not solved.
  await pasteCode(widget, "export const handler = async (event) => ({ item: event.item, price: event.cents });\n");
  expect(await runAttempt(widget, 2)).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['met', 'not-met']);
  expect(await exerciseSolved(page, SLUG, 'use-the-layer')).toBe(false);

  await pasteCode(widget, useTheLayer.solution.code!);
  expect(await runAttempt(widget, 3)).toContain('every goal met. Challenge solved.');
  expect(await goalStates(widget)).toEqual(['met', 'met']);
  expect(await exerciseSolved(page, SLUG, 'use-the-layer')).toBe(true);
  problems.expectNone();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    const player = page.locator('lambda-simulation-player').first();
    await player.scrollIntoViewIfNeeded();
    await player.getByRole('button', { name: 'Play' }).click();
    await page.locator('function-console[data-id="layer-import"] details summary').first().click();
    await challengeWidget(page, 'use-the-layer').getByRole('button', { name: /Show a hint/ }).click();
    await expectNoAxeViolations(page);
  });
}
