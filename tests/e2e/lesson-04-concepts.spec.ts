// Lesson 4 (events, context, runtime, handler): every widget runs; the remaining-time challenge
// and the bootstrap exercise start unsolved and are solved the way a learner would; axe in both themes.
import { expect, test } from '@playwright/test';
import { remainingTime } from '../../content/lessons/04-concepts.challenges';
import { REFERENCE_BOOTSTRAP } from '../../src/widgets/bootstrap-exercise/sources';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { goalStates, openChallenge, pasteCode, runAttempt } from './helpers/challenge';
import { consoleWidget, invokeButton } from './helpers/function-console';
import { exerciseSolved } from './helpers/progress';
import { themes, useSystemTheme } from './helpers/theme';
import { scrollToWidgets, reloadAndScrollTo } from './helpers/widgets';

test.describe.configure({ timeout: 120_000 });

const LESSON = '/lessons/04-concepts/';
const SLUG = 'lessons/04-concepts';

test('the event explorer switches sources and shows what its handler reads', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const explorer = page.locator('lambda-event-explorer');
  const shown = explorer.locator('[data-panel]:visible');
  // It opens on no source: the S3 key the lesson asks to predict is not on screen yet.
  await expect(shown).toHaveCount(1);
  await expect(explorer.getByLabel('Event source')).toHaveValue('');
  await expect(explorer).not.toContainText('uploads/photo+1.jpg', { useInnerText: true });
  await explorer.getByLabel('Event source').selectOption({ label: 'S3 put' });
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('"key": "uploads/photo+1.jpg"'); // the event: URL-encoded
  await expect(shown).toContainText('"key": "uploads/photo 1.jpg"'); // what the handler returns
  await explorer.getByLabel('Event source').selectOption({ label: 'Kinesis Data Streams' });
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('"kinesisSchemaVersion"');
  await expect(shown).toContainText('"o-1001"');
  problems.expectNone();
});

test('F111: the context console counts the remaining time down from the 3 s timeout', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const widget = consoleWidget(page, 'context-countdown');
  await page.waitForFunction(() => customElements.get('function-console') !== undefined);
  await widget.scrollIntoViewIfNeeded();
  // A click before the console's script has wired the button is lost: retry until it starts.
  await expect(async () => {
    await invokeButton(widget).click();
    await expect(widget.locator('[data-part="status"]')).not.toBeEmpty({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const logs = widget.locator('[data-part="logs"]');
  await expect(logs).toContainText('after 2000 ms:', { timeout: 60_000 });
  const text = (await logs.textContent()) ?? '';
  const left = [...text.matchAll(/after (\d+) ms: (\d+) ms left/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(left).toHaveLength(4);
  for (const [elapsed, remaining] of left) {
    expect(remaining).toBeLessThanOrEqual(3000 - elapsed);
    expect(remaining).toBeGreaterThan(3000 - elapsed - 100);
  }
});

test('challenge: the job times out at the start; checking the remaining time solves it', async ({ page }) => {
  const { problems, widget } = await openChallenge(page, LESSON, 'remaining-time');
  await widget.getByLabel('both').check();
  expect(await runAttempt(widget, 1)).toContain('1 of 2 goals met');
  expect(await goalStates(widget)).toEqual(['not-met', 'met']); // F133: both invocations time out (after 3 s of work each)
  expect(await exerciseSolved(page, SLUG, 'remaining-time')).toBe(false);

  await pasteCode(widget, remainingTime.solution.code!);
  expect(await runAttempt(widget, 2)).toContain('every goal met. Challenge solved.');
  expect(await goalStates(widget)).toEqual(['met', 'met']);
  await expect(widget).toHaveAttribute('data-state', 'solved');
  expect(await exerciseSolved(page, SLUG, 'remaining-time')).toBe(true);
  problems.expectNone();
});

test('F96-F99: the Runtime API loop steps through a real run to the frozen /next', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const loop = page.locator('lambda-runtime-loop');
  await expect(loop.locator('[data-count]')).toHaveText(/^Step 1 of 10/);
  await expect(loop.locator('li[data-stage="next"]')).toHaveAttribute('aria-current', 'step');
  const step = loop.getByRole('button', { name: 'Next step' });
  await step.click();
  await expect(loop.locator('li[data-stage="handler"]')).toHaveAttribute('aria-current', 'step');
  await step.click();
  await expect(loop.locator('[data-now]')).toContainText('/response with {"order":"o-1","total":7} → 202 Accepted');
  for (let i = 0; i < 6; i++) await step.click();
  await expect(loop.locator('li[data-stage="error"]')).toHaveAttribute('aria-current', 'step');
  await expect(loop.locator('[data-now]')).toContainText('TypeError: quantity must be a number');
  await step.click();
  await expect(loop.locator('[data-now]')).toContainText('frozen inside this call');
  await expect(step).toBeDisabled();
});

test('F22: of the three language players, java21 starts slowest and python3.13 fastest', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const player = page.locator('lambda-simulation-player', { hasText: 'java21: the same burst' });
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => {
    const el = [...document.querySelectorAll('lambda-simulation-player')].find((p) => p.textContent?.includes('java21: the same burst')) as unknown as { player: { viewMs: number } };
    return el.player.viewMs;
  })).toBeGreaterThan(500);
  const inits = await page.evaluate(async () => {
    const medians: Record<string, { count: number; median: number }> = {};
    for (const el of document.querySelectorAll('lambda-simulation-player')) {
      const p = el as unknown as { scenario: { functions: { runtime?: string }[] }; referenceResult(): Promise<{ invocations: { initDurationMs?: number }[] }> };
      const runtime = p.scenario.functions[0].runtime;
      if (!runtime || !['nodejs24.x', 'python3.13', 'java21'].includes(runtime)) continue;
      const v = (await p.referenceResult()).invocations.filter((i) => i.initDurationMs !== undefined).map((i) => i.initDurationMs!).sort((a, b) => a - b);
      medians[runtime] = { count: v.length, median: v[Math.floor(v.length / 2)] };
    }
    return medians;
  });
  expect(Object.keys(inits).sort()).toEqual(['java21', 'nodejs24.x', 'python3.13']);
  for (const r of Object.values(inits)) expect(r.count).toBe(10); // F12: ten at once, ten cold starts
  expect(inits['python3.13'].median).toBeLessThan(inits['nodejs24.x'].median);
  expect(inits['nodejs24.x'].median).toBeLessThan(inits.java21.median);
});

test('F102: the starter bootstrap fails; the completed loop serves three events, is saved and solves the exercise', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const exercise = page.locator('lambda-bootstrap-exercise');
  await exercise.getByRole('button', { name: 'Run against the Runtime API' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/^0 of 5 goals met/);
  await expect(exercise.locator('[data-goals] li').nth(1)).toContainText('1 timed out');
  expect(await exerciseSolved(page, SLUG, 'bootstrap')).toBe(false);
  await expect(exercise.locator('[data-solution]')).toBeVisible(); // offered only after an attempt

  await exercise.getByRole('button', { name: 'Show a hint' }).click();
  await expect(exercise.locator('[data-hints] li:visible')).toHaveCount(1);

  await exercise.getByLabel('bootstrap (JavaScript)').fill(REFERENCE_BOOTSTRAP);
  await exercise.getByRole('button', { name: 'Run against the Runtime API' }).click();
  await expect(exercise.getByRole('status')).toContainText('Exercise solved');
  await expect(exercise.locator('[data-goals] li[data-met="true"]')).toHaveCount(5);
  expect(await exerciseSolved(page, SLUG, 'bootstrap')).toBe(true);

  await reloadAndScrollTo(page.locator('lambda-bootstrap-exercise'));
  await expect(page.locator('lambda-bootstrap-exercise').getByLabel('bootstrap (JavaScript)')).toHaveValue(REFERENCE_BOOTSTRAP);
  problems.expectNone();
});

test('a bootstrap loop that never yields is stopped with a message, and the page stays usable', async ({ page }) => {
  await page.goto(LESSON);
  await scrollToWidgets(page);
  const exercise = page.locator('lambda-bootstrap-exercise');
  await exercise.getByLabel('bootstrap (JavaScript)').fill('while (true) {}');
  await exercise.getByRole('button', { name: 'Run against the Runtime API' }).click();
  await expect(exercise.getByRole('status')).toContainText('did not give control back', { timeout: 15_000 });
  await expect(exercise.getByRole('button', { name: 'Run against the Runtime API' })).toBeEnabled();
});

for (const theme of themes) {
  test(`no axe violations in the ${theme} theme, with the loop stepped and the exercise run`, async ({ page }) => {
    await useSystemTheme(page, theme);
    await page.goto(LESSON);
    await scrollToWidgets(page);
    await page.locator('lambda-runtime-loop').getByRole('button', { name: 'Next step' }).click();
    await page.locator('lambda-bootstrap-exercise').getByRole('button', { name: 'Run against the Runtime API' }).click();
    await expect(page.locator('lambda-bootstrap-exercise [data-status]')).toHaveText(/goals met/);
    await expectNoAxeViolations(page);
  });
}
