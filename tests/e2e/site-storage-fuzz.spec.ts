// Every key the site keeps in the browser, holding garbage: each page still loads, each widget
// shows its defaults or a message (never a blank box), nothing throws, and no `__proto__` key in
// stored JSON reaches Object.prototype. Keys: progress (src/lib/progress.ts), the console's
// autosave (src/widgets/function-console/state.ts), Starlight's theme and sidebar state.
// The simulation player keeps nothing in storage. `npm run fuzz` tries the full count.
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { watchConsole } from './helpers/console';
import { STORAGE_KEY as CONSOLE_KEY, consoleWidget, waitForMonaco } from './helpers/function-console';
import { PROGRESS_STORAGE_KEY } from './helpers/progress';

const FULL = process.env.FUZZ_FULL === '1';
const CASES = FULL ? 40 : 3; // random sets; CI adds the three worst fixed ones

const LOCAL_KEYS = [PROGRESS_STORAGE_KEY, CONSOLE_KEY, 'starlight-theme'];
const SESSION_KEYS = ['sl-sidebar-state'];

/** The worst values first, then random ones from a fixed seed (the failing case names its index). */
const fixed = [
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  '{"v": 1, "lessons": {"__proto__": {"polluted": true}}, "code": 42, "language": "cobol"}',
  '{"v":1,"language":"javascript","code":"',
  'null', '[]', '""', '1e999', 'x'.repeat(200_000),
];
const randomValue = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ v: fc.oneof(fc.constant(1), fc.jsonValue()), language: fc.jsonValue(), code: fc.jsonValue(), lessons: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);
const fixedSets = fixed.map((v) => [...LOCAL_KEYS, ...SESSION_KEYS].map(() => v));
const randomSets = (n: number) => fc.sample(fc.array(randomValue, { minLength: 4, maxLength: 4 }), { seed: 17, numRuns: n });
const storageSets: string[][] = FULL ? [...fixedSets, ...randomSets(CASES)] : [...fixedSets.slice(0, 3), ...randomSets(CASES - 2)];

async function fillStorage(page: Page, values: string[]): Promise<void> {
  await page.addInitScript(
    ({ local, session, values }) => {
      // Once per test: the widgets may write their own values after this first load.
      if (sessionStorage.getItem('garbage-seeded')) return;
      local.forEach((key, i) => localStorage.setItem(key, values[i]));
      session.forEach((key, i) => sessionStorage.setItem(key, values[local.length + i]));
      sessionStorage.setItem('garbage-seeded', '1');
    },
    { local: LOCAL_KEYS, session: SESSION_KEYS, values },
  );
}

const pages: { path: string; widget: (page: Page) => Promise<void> }[] = [
  {
    path: '/',
    widget: async (page) => {
      await expect(page.locator('course-progress [data-summary]')).toContainText(/lesson/);
      await expect(page.locator('.course-map')).toBeVisible();
    },
  },
  { path: '/lessons/01-serverless-computing/', widget: async (page) => expect(page.locator('.lesson-header')).toBeVisible() },
  {
    path: '/lab/',
    widget: async (page) => {
      await waitForMonaco(page); // Monaco waits for a first input: the helper points at the console
      await expect(consoleWidget(page).locator('.monaco-editor .view-lines')).toContainText(/handler/);
    },
  },
  { path: '/playground/', widget: async (page) => expect(page.locator('lambda-simulation-player .lsp-controls')).toBeVisible() },
  { path: '/embed/player/', widget: async (page) => expect(page.locator('lambda-simulation-player .lsp-controls')).toBeVisible() },
];

for (const [index, values] of storageSets.entries()) {
  for (const { path, widget } of pages) {
    test(`${path} with garbage case ${index} in storage loads, with its widget at its defaults`, async ({ page }) => {
      test.slow();
      const problems = watchConsole(page);
      await fillStorage(page, values);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await widget(page);
      expect(await page.locator('body').innerText()).toMatch(/Lambda/);
      expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
      problems.expectNone();
    });
  }
}
