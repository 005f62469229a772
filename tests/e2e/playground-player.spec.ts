// The playground's simulation player: what it shows must agree with the engine's own result
// (simulate() of the same scenario, run in the page), wherever the cursor is.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { seekPlayer } from './helpers/player';

// Each test runs the engine in the page (often twice: player and reference); the machines
// these run on are shared, so allow more than the default minute.
test.describe.configure({ timeout: 150_000 });

const PLAYER = 'lambda-simulation-player';

async function openPlayground(page: Page, hash = ''): Promise<void> {
  await page.goto(`/playground/${hash}`);
  await expect(page.locator(`${PLAYER} .lsp-controls`)).toBeVisible();
}

/** What the engine says had happened by the player's cursor, and what the summary shows. */
async function shownVsEngine(page: Page) {
  return page.evaluate(async (tag) => {
    const el = document.querySelector(tag) as HTMLElement & { player: { viewMs: number; settled(): Promise<void> }; referenceResult(): Promise<{ invocations: { startMs: number; endMs: number; coldStart: boolean; status: string }[] }> };
    await el.player.settled(); // the worker may still be delivering the run the cursor was sent into
    const t = el.player.viewMs;
    const reference = await el.referenceResult();
    // Let the next frame write the text for this exact cursor.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const stat = (k: string) => el.querySelector<HTMLElement>(`[data-stat="${k}"]`)!;
    return {
      t,
      shown: { invocations: Number(stat('invocations').textContent!.replace(/,/g, '')), coldStarts: Number(stat('cold-starts').dataset.count), errors: Number(stat('errors').textContent!.replace(/,/g, '')) },
      engine: {
        invocations: reference.invocations.filter((i) => i.startMs <= t).length,
        coldStarts: reference.invocations.filter((i) => i.coldStart && i.startMs <= t).length,
        errors: reference.invocations.filter((i) => i.status !== 'success' && i.endMs <= t).length,
      },
      total: reference.invocations.length,
    };
  }, PLAYER);
}

async function viewMs(page: Page): Promise<number> {
  return page.evaluate((tag) => (document.querySelector(tag) as unknown as { player: { viewMs: number } }).player.viewMs, PLAYER);
}

/** Send the cursor somewhere and wait until the simulation has delivered that far. */
async function seek(page: Page, t: number): Promise<void> {
  await seekPlayer(page.locator(PLAYER).first(), t);
}

test('play, pause, step and scrub show what the engine recorded by that moment', async ({ page }) => {
  const problems = watchConsole(page);
  await openPlayground(page);
  const player = page.locator(PLAYER);

  await player.getByRole('button', { name: 'Step to the next event' }).click();
  await player.getByRole('button', { name: 'Step to the next event' }).click();
  const stepped = await shownVsEngine(page);
  expect(stepped.t).toBeGreaterThan(0);
  expect(stepped.shown).toEqual(stepped.engine);

  await player.getByRole('button', { name: 'Faster' }).click();
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => viewMs(page)).toBeGreaterThan(stepped.t + 500);
  await player.getByRole('button', { name: 'Pause' }).click();
  const paused = await viewMs(page);
  await page.waitForTimeout(300);
  expect(await viewMs(page)).toBe(paused); // pause really stops virtual time
  const played = await shownVsEngine(page);
  expect(played.shown).toEqual(played.engine);
  expect(played.shown.invocations).toBeGreaterThan(stepped.shown.invocations);

  // Scrub back in time: the picture goes back with it.
  await player.locator('.lsp-scrubber').evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, Math.floor(paused / 3));
  const scrubbed = await shownVsEngine(page);
  expect(scrubbed.t).toBe(Math.floor(paused / 3));
  expect(scrubbed.shown).toEqual(scrubbed.engine);
  expect(scrubbed.shown.invocations).toBeLessThan(played.shown.invocations);

  // Run to the end: every invocation the engine made is counted.
  await seek(page, 1e9);
  await expect.poll(async () => (await shownVsEngine(page)).shown.invocations).toBeGreaterThan(0);
  const end = await shownVsEngine(page);
  expect(end.shown).toEqual(end.engine);
  expect(end.shown.invocations).toBe(end.total);
  problems.expectNone();
});

test('a share link reproduces the same run: same invocations and cold starts', async ({ page, context }) => {
  await openPlayground(page);
  const memory = page.locator(`${PLAYER} input[data-path="functions.0.memoryMB"]`);
  const before = await page.evaluate(() => location.hash); // the default scenario's link
  await memory.fill('1536');
  await memory.press('Enter');
  // The knob's scenario is checked by the engine, fetched on first use: the link follows.
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(before);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#scenario=/);
  const hash = await page.evaluate(() => location.hash);
  await seek(page, 1e9);
  const first = await shownVsEngine(page);

  const other = await context.newPage();
  await openPlayground(other, hash);
  await expect(other.locator(`${PLAYER} input[data-path="functions.0.memoryMB"]`)).toHaveValue('1536');
  await seek(other, 1e9);
  const second = await shownVsEngine(other);
  expect(second.shown).toEqual(first.shown);
  expect(second.t).toBe(first.t);
});

test('a damaged link says so and shows the default scenario, not a half-run', async ({ page }) => {
  const problems = watchConsole(page);
  await openPlayground(page, '#scenario=N4Ig-this-is-not-a-scenario');
  await expect(page.getByRole('alert').filter({ hasText: 'Showing the default scenario' })).toBeVisible();
  await expect(page.locator('#pg-preset')).toHaveValue('api-burst');
  const state = await shownVsEngine(page);
  expect(state.shown).toEqual(state.engine);
  problems.expectNone();
});

test('a link to a scenario that breaks a rule lists the problem and runs nothing of it', async ({ page }) => {
  // Build the link in Node: memory 100 MB is below the documented minimum of 128 MB (F28).
  const { default: LZString } = await import('lz-string');
  const scenario = { durationMs: 1000, functions: [{ name: 'f', memoryMB: 100, handler: { kind: 'model', durationMs: 10 } }], sources: [{ type: 'invoke', function: 'f', invocationType: 'RequestResponse', arrivals: { at: [0] } }] };
  await openPlayground(page, `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Showing the default scenario' });
  await expect(alert).toContainText('functions.0.memoryMB');
  const memory = await page.locator(`${PLAYER} input[data-path="functions.0.memoryMB"]`).inputValue();
  expect(memory).not.toBe('100');
});

test('presenter mode is full screen, large and driven by the keyboard', async ({ page }) => {
  await openPlayground(page);
  const root = page.locator(`${PLAYER} .lsp`);
  await page.keyboard.press('Tab'); // keys must work without the mouse
  await root.focus();
  await page.keyboard.press('f');
  await expect(root).toHaveClass(/lsp-presenter/);
  const box = await root.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.width).toBeGreaterThanOrEqual(viewport.width - 1);
  const fontPx = await root.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(20);

  await page.keyboard.press(' ');
  await expect(root.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => viewMs(page)).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await expect(root.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.keyboard.press('r');
  await expect.poll(() => viewMs(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => viewMs(page)).toBeGreaterThan(0);
  const afterStep = await viewMs(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => viewMs(page)).toBeLessThan(afterStep);

  await page.keyboard.press('+');
  await expect(root.locator('.lsp-speed')).toHaveText('2×');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(root.locator('.lsp-speed')).toHaveText('0.5×');

  await page.keyboard.press('Escape');
  await expect(root).not.toHaveClass(/lsp-presenter/);
});

test('every chart has a summary sentence and a data table, and the page passes axe', async ({ page }) => {
  await openPlayground(page);
  const player = page.locator(PLAYER);
  await player.getByRole('button', { name: 'Step to the next event' }).click();
  for (const view of ['timeline', 'concurrency', 'flows']) {
    const figure = player.locator(`figure[data-view="${view}"]`);
    await expect(figure.locator('.lsp-sentence')).toHaveText(/^At .+/);
    await figure.getByRole('button', { name: 'Show data table' }).click();
    await expect(figure.getByRole('table')).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test('hovering or focusing an invocation shows its REPORT line, and Enter shows its logs', async ({ page }) => {
  await openPlayground(page);
  await seek(page, 3000);
  const canvas = page.locator(`${PLAYER} figure[data-view="timeline"] canvas`);
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  const detail = page.locator(`${PLAYER} .lsp-detail`);
  await expect(detail).toContainText('RequestId');
  await expect(detail.locator('.lsp-report')).toHaveText(/^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms/);
  await page.keyboard.press('Enter');
  await expect(page.locator(`${PLAYER} .lsp-logs`)).toContainText('START RequestId:');
});

test('a long run lets go of old detail, and going back re-runs the same seed to the same picture', async ({ page }) => {
  const problems = watchConsole(page);
  const { default: LZString } = await import('lz-string');
  // 600 requests/s for 90 s: 54,000 invocations, more than the player keeps in detail (40,000).
  const scenario = {
    seed: 11,
    durationMs: 90_000,
    functions: [{ name: 'busy', memoryMB: 256, timeoutMs: 3000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 100, max: 300 }, errorRate: 0.02 } }],
    sources: [{ type: 'invoke', function: 'busy', invocationType: 'RequestResponse', arrivals: { rate: 600 } }],
    record: { logs: false },
  };
  await openPlayground(page, `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
  await seek(page, 1e9);
  const end = await shownVsEngine(page);
  expect(end.shown).toEqual(end.engine);
  expect(end.shown.invocations).toBe(end.total);
  const forgottenBefore = () => page.evaluate((tag) => (document.querySelector(tag) as unknown as { player: { index: { forgottenBeforeMs: number } } }).player.index.forgottenBeforeMs, PLAYER);
  expect(await forgottenBefore()).toBeGreaterThan(10_000);

  await seek(page, 5_000);
  expect(await forgottenBefore()).toBeLessThanOrEqual(5_000); // it re-ran from the start
  const back = await shownVsEngine(page);
  expect(back.t).toBe(5_000);
  expect(back.shown).toEqual(back.engine);
  await expect(page.locator(`${PLAYER} .lsp-time`)).not.toContainText('going back');
  problems.expectNone();
});

test('a scenario with real handler code plays on the page and shows what the code logged', async ({ page }) => {
  const problems = watchConsole(page);
  const { default: LZString } = await import('lz-string');
  const source = "let n = 0;\nexport const handler = async (event) => {\n  n += 1;\n  console.log('call', n, 'in this environment');\n  return { ok: true };\n};\n";
  const scenario = {
    seed: 5,
    durationMs: 4000,
    functions: [{ name: 'coded', memoryMB: 256, timeoutMs: 3000, handler: { kind: 'code', source } }],
    sources: [{ type: 'invoke', function: 'coded', invocationType: 'RequestResponse', arrivals: { at: [0, 1000, 2000, 2100, 3000] } }],
  };
  await openPlayground(page, `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
  await seek(page, 1e9);
  const end = await shownVsEngine(page);
  expect(end.total).toBe(5);
  expect(end.shown).toEqual(end.engine);
  const canvas = page.locator(`${PLAYER} figure[data-view="timeline"] canvas`);
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator(`${PLAYER} .lsp-logs`)).toContainText(/call\s+1\s+in this environment/);
  problems.expectNone();
});

/** A model-only scenario with an AWS account: S3 uploads trigger the function. */
const WITH_BUCKET = {
  seed: 3,
  durationMs: 10_000,
  functions: [{ name: 'thumbs', memoryMB: 512, handler: { kind: 'model', durationMs: 150 } }],
  sources: [{ type: 's3', function: 'thumbs', bucket: 'uploads', arrivals: { rate: 10, process: 'poisson' } }],
  aws: { buckets: [{ name: 'uploads' }] },
};

test('a scenario with an AWS account plays in the worker, which fetches that part of the engine for it', async ({ page }) => {
  const problems = watchConsole(page);
  const link = (await import('lz-string')).default.compressToEncodedURIComponent(JSON.stringify(WITH_BUCKET));
  await openPlayground(page, `#scenario=${link}`);
  await seek(page, 1e9);
  const end = await shownVsEngine(page);
  expect(end.total).toBeGreaterThan(50);
  expect(end.shown).toEqual(end.engine);
  problems.expectNone();
});

test('the default scenario\'s knobs name their sources, the flow view too, and the timeout is in seconds (F29)', async ({ page }) => {
  await openPlayground(page);
  const player = page.locator(PLAYER);
  await expect(player.getByLabel('Load rate (steady load) (req/s)')).toHaveValue('40');
  await expect(player.getByLabel('Load rate (burst) (req/s)')).toHaveValue('150');
  await seek(page, 9000); // both sources have sent requests by then
  await expect(player.locator('.lsp-flow-title')).toContainText(['steady load → api', 'burst → api']);
  await expect(player.locator('.lsp-flow-boards')).not.toContainText('#');
  const timeout = player.getByLabel('Timeout (s)');
  await expect(timeout).toHaveValue('3');
  await timeout.fill('5');
  await timeout.press('Enter');
  await expect.poll(() => page.evaluate((tag) => (document.querySelector(tag) as unknown as { scenario: { functions: { timeoutMs: number }[] } }).scenario.functions[0].timeoutMs, PLAYER)).toBe(5000);
  await expect(page.locator('#pg-json-text')).toHaveValue(/"timeoutMs": 5000/);
});
