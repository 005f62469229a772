// The one-tag embed with garbage in its data-* attributes: every tag ends as exactly one iframe
// of our embed route (sandboxed) or one message in its place; nothing throws on the host page,
// no global leaks, and a frame that opens shows the player or says why not (never blank).
// Cases come from a fixed seed; `npm run fuzz` tries the full count.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { watchConsole } from './helpers/console';
import { openHost } from './helpers/host';

test.describe.configure({ timeout: 240_000 });

const TAGS = process.env.FUZZ_FULL === '1' ? 400 : 40;

const valid = {
  seed: 2,
  durationMs: 2000,
  functions: [{ name: 'api', handler: { kind: 'model', durationMs: 50 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 100] } }],
};
const hostile = fc.constantFrom('__proto__', 'constructor', 'toString', '"><script>window.injected = 1</script>', 'javascript:alert(1)', '../../', '\u0000', ' ', '\n');
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), hostile);
const scenario = fc.oneof(
  text,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify(valid)),
  fc.record({ durationMs: fc.jsonValue(), functions: fc.jsonValue(), sources: fc.constant(valid.sources) }).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify({ ...valid, note: 'x'.repeat(310_000) })), // over the size ceiling
);
const attrs = fc.record(
  {
    widget: fc.oneof(fc.constantFrom('player', 'timeline', 'concurrency', 'flows', ' flows '), text),
    scenario,
    title: text,
    views: fc.oneof(fc.constantFrom('timeline', 'summary flows', 'none'), text),
    knobs: fc.oneof(fc.constantFrom('none', 'all'), text),
    theme: fc.oneof(fc.constantFrom('dark', 'light'), text),
    'window-ms': fc.oneof(fc.integer().map(String), text),
  },
  { requiredKeys: [] },
);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

test(`${TAGS} embed tags with garbage attributes each become one frame or one message`, async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  const cases = fc.sample(attrs, { seed: 23, numRuns: TAGS });
  const tags = cases.map((a, i) =>
    `<script src="${baseURL}/embed.js" data-case="${i}" ${Object.entries(a).map(([k, v]) => `data-${k}="${escape(v as string)}"`).join(' ')} async></script>`);
  await openHost(page, `<p id="top">Top.</p>${tags.join('\n<p>Between.</p>\n')}<p id="end">End.</p>`);
  await expect.poll(() => page.locator('script[data-lambda-lab-embedded]').count(), { timeout: 30_000 }).toBe(TAGS);

  const ends = await page.evaluate((site) =>
    [...document.querySelectorAll<HTMLScriptElement>('script[data-case]')].map((s) => {
      const next = s.nextElementSibling as HTMLElement | null;
      if (next instanceof HTMLIFrameElement) {
        const url = new URL(next.src);
        const ok = url.origin === site && /^\/embed\/(player|timeline|concurrency|flows)\/$/.test(url.pathname) && next.sandbox.contains('allow-scripts') && !next.sandbox.contains('allow-top-navigation');
        return ok ? 'frame' : `bad frame ${next.src.slice(0, 120)}`;
      }
      if (next?.matches('p[role="alert"][data-lambda-lab-embed-error]') && next.textContent!.startsWith('Lambda Lab embed: ')) return 'message';
      return `case ${s.dataset.case}: followed by ${next?.outerHTML.slice(0, 120)}`;
    }), new URL(baseURL!).origin);
  expect(ends.filter((e) => e !== 'frame' && e !== 'message')).toEqual([]);
  expect(ends).toContain('frame');
  expect(ends).toContain('message');
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
  await expect(page.locator('#end')).toHaveText('End.');

  // A few frames, opened: each shows the player, with a message above it when its scenario was refused.
  const frames = page.locator('iframe');
  const count = await frames.count();
  for (const i of [0, Math.floor(count / 2), count - 1]) {
    await frames.nth(i).scrollIntoViewIfNeeded();
    const inner = page.frameLocator(`iframe >> nth=${i}`);
    await expect(inner.locator('lambda-simulation-player .lsp-controls')).toBeVisible({ timeout: 60_000 });
  }
  problems.expectNone();
});
