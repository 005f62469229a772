// The flow view's stream shards: one lane per Kinesis shard, whose iterator position, blocked
// batch and IteratorAge must agree with the engine's own result (simulate() of the same
// scenario, run in the page) wherever the cursor is.
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { seekPlayer } from './helpers/player';

test.describe.configure({ timeout: 150_000 });

const PLAYER = 'lambda-simulation-player';

/** 3 shards, 30 partition keys, a third of the batches failing: shards block now and then (F86). */
const scenario = {
  seed: 7,
  durationMs: 8000,
  functions: [{ name: 'consumer', handler: { kind: 'model', durationMs: 300, errorRate: 0.3 } }],
  sources: [{
    type: 'kinesis', name: 'clicks', function: 'consumer', shards: 3, batchSize: 10, maximumRetryAttempts: 2,
    arrivals: { rate: 30 }, payloads: Array.from({ length: 30 }, (_, i) => ({ partitionKey: `device-${i}` })),
  }],
};
const hash = `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`/embed/flows/${query}${hash}`);
  await expect(page.locator(`${PLAYER} .lsp-controls`)).toBeVisible();
}

/** Move the cursor, wait for the run to get there and for a frame to write the text. */
async function seek(page: Page, t: number): Promise<void> {
  await seekPlayer(page.locator(PLAYER).first(), t);
}

interface ShardTruth {
  shardId: string;
  arrived: number;
  processed: number;
  blocked: boolean;
  iteratorAgeMs: number;
}

/** What the lanes show at the cursor, and what the engine's full result says for that moment. */
async function shownVsEngine(page: Page) {
  return page.evaluate(async (tag) => {
    type Req = { shardId?: string; arrivedMs: number; finishedMs?: number; outcome: string; invocationIds: string[] };
    type Result = { requests: Req[]; invocations: { requestId: string; endMs: number }[]; metrics: Record<string, { series: Record<string, { timeMs: number; value: number }[]> }> };
    const el = document.querySelector(tag) as HTMLElement & { player: { viewMs: number }; referenceResult(): Promise<Result> };
    const t = el.player.viewMs;
    const ref = await el.referenceResult();
    const endOf = new Map(ref.invocations.map((i) => [i.requestId, i.endMs]));
    const ids = [...new Set(ref.requests.filter((q) => q.arrivedMs <= t).map((q) => q.shardId!))].sort();
    const engine = ids.map((shardId) => {
      const mine = ref.requests.filter((q) => q.shardId === shardId && q.arrivedMs <= t);
      const open = mine.filter((q) => !(q.finishedMs !== undefined && q.finishedMs <= t && q.outcome !== 'unfinished'));
      return {
        shardId,
        arrived: mine.length,
        processed: mine.length - open.length,
        // F86: a record that has failed (an attempt ended) and is not yet processed holds the shard.
        blocked: open.some((q) => q.invocationIds.some((id) => endOf.get(id)! <= t)),
        iteratorAgeMs: open.length ? Math.round(t - Math.min(...open.map((q) => q.arrivedMs))) : 0,
      };
    });
    const shown = [...el.querySelectorAll<HTMLElement>('.lsp-shard')].map((li) => ({
      shardId: li.dataset.shardId!,
      arrived: Number(li.dataset.arrived),
      processed: Number(li.dataset.processed),
      blocked: li.dataset.blocked === 'true',
      iteratorAgeMs: Number(li.dataset.iteratorAgeMs),
      text: li.textContent ?? '',
    }));
    const ages = ref.metrics.consumer.series.IteratorAge.filter((p) => p.timeMs <= t);
    const metric = el.querySelector<HTMLElement>('[data-metric="IteratorAge"]');
    return {
      t, engine, shown,
      metric: { shown: metric ? Number(metric.dataset.value) : undefined, engine: ages.at(-1)?.value },
      firstFailureEndMs: Math.min(...ref.invocations.filter((i) => (i as unknown as { status: string }).status !== 'success').map((i) => i.endMs)),
    };
  }, PLAYER);
}

function expectAgreement(s: Awaited<ReturnType<typeof shownVsEngine>>): void {
  expect(s.shown.map(({ text: _t, ...lane }) => lane as ShardTruth)).toEqual(s.engine);
  for (const lane of s.shown) {
    expect(lane.text).toContain(`processed ${lane.processed} / ${lane.arrived}`);
    expect(lane.text).toContain('IteratorAge');
    if (lane.blocked) expect(lane.text).toContain('Blocked');
  }
  expect(s.metric.shown).toBe(s.metric.engine);
}

test('three shard lanes show what the engine recorded: iterator position, blocked batches, IteratorAge', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page);
  await seek(page, 3000);
  const mid = await shownVsEngine(page);
  expect(mid.shown).toHaveLength(3);
  expect(mid.shown.map((s) => s.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
  expectAgreement(mid);

  // Just after the first failed batch its shard is blocked (F86), and the view says so in words.
  await seek(page, Math.ceil(mid.firstFailureEndMs) + 1);
  const failed = await shownVsEngine(page);
  expect(failed.engine.filter((s) => s.blocked).length).toBeGreaterThan(0);
  expectAgreement(failed);
  await expect(page.locator('.lsp-shard[data-blocked="true"] .lsp-shard-blocked').first()).toContainText('keeps failing');

  // At the end every record has been processed: delivered, or skipped after 3 attempts.
  await seek(page, 1e9);
  const end = await shownVsEngine(page);
  expectAgreement(end);
  for (const lane of end.shown) expect(lane.processed).toBe(lane.arrived);

  // The data table has a row per shard.
  await page.locator('figure[data-view="flows"] .lsp-table-toggle').click();
  const shardTable = page.locator('figure[data-view="flows"] table').filter({ hasText: 'Stream shards at' });
  await expect(shardTable.locator('tbody tr')).toHaveCount(3);
  await expect(shardTable.locator('tbody tr').first()).toContainText('shardId-000000000000');
  problems.expectNone();
});

for (const [name, width, theme] of [['desktop', 1280, 'light'], ['phone', 360, 'light'], ['phone-dark', 360, 'dark'], ['desktop-dark', 1280, 'dark']] as const) {
  test(`shard lanes pass axe and fit a ${name} screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, `?theme=${theme}`);
    const s = await (async () => {
      await seek(page, 3000);
      return shownVsEngine(page);
    })();
    await seek(page, Math.ceil(s.firstFailureEndMs) + 1);
    await expect(page.locator('.lsp-shard')).toHaveCount(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('figure[data-view="flows"]').screenshot({ path: test.info().outputPath(`shards-${name}.png`) });
    await expectNoAxeViolations(page);
  });
}

test('presenter mode shows the shard lanes in large type', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page);
  await seek(page, 3000);
  const numbers = page.locator('.lsp-shard-position').first();
  const before = await numbers.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.locator(`${PLAYER} .lsp`).focus();
  await page.keyboard.press('f');
  await expect(page.locator(`${PLAYER} .lsp.lsp-presenter`)).toBeVisible();
  const after = await numbers.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after).toBeGreaterThanOrEqual(before * 1.3);
  await page.locator('figure[data-view="flows"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('shards-presenter.png') });
});

test('a stream with 20 shards draws 12 lanes, says so, and lists all 20 in the data table', async ({ page }) => {
  const wide = {
    ...scenario,
    sources: [{ ...scenario.sources[0], shards: 20, payloads: Array.from({ length: 400 }, (_, i) => ({ partitionKey: `device-${i}` })), arrivals: { rate: 200 } }],
  };
  await page.goto(`/embed/flows/#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(wide))}`);
  await expect(page.locator(`${PLAYER} .lsp-controls`)).toBeVisible();
  await seek(page, 4000);
  await expect(page.locator('.lsp-shard')).toHaveCount(12);
  await expect(page.locator('.lsp-shard-note')).toContainText('Showing 12 of 20 shards');
  // Any blocked shard is among the lanes drawn.
  const blockedInTable = await page.evaluate(async (tag) => {
    const el = document.querySelector(tag) as unknown as { player: { viewMs: number }; referenceResult(): Promise<{ requests: { shardId?: string; arrivedMs: number; finishedMs?: number; invocationIds: string[] }[]; invocations: { requestId: string; endMs: number }[] }> };
    const t = el.player.viewMs;
    const ref = await el.referenceResult();
    const endOf = new Map(ref.invocations.map((i) => [i.requestId, i.endMs]));
    const open = ref.requests.filter((q) => q.arrivedMs <= t && !(q.finishedMs !== undefined && q.finishedMs <= t));
    return [...new Set(open.filter((q) => q.invocationIds.some((id) => endOf.get(id)! <= t)).map((q) => q.shardId!))].sort();
  }, PLAYER);
  expect(blockedInTable.length).toBeGreaterThan(0);
  const drawnBlocked = await page.locator('.lsp-shard[data-blocked="true"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.shardId!).sort());
  expect(drawnBlocked).toEqual(blockedInTable.slice(0, 12));
  await page.locator('figure[data-view="flows"] .lsp-table-toggle').click();
  await expect(page.locator('figure[data-view="flows"] table').filter({ hasText: 'Stream shards at' }).locator('tbody tr')).toHaveCount(20);
});
