import { describe, expect, test } from 'vitest';
import { ensureBrowser, findBrowser, howToGetABrowser } from './browser.mjs';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('finding a browser for the end-to-end tests', () => {
  test('CHROME_PATH wins over the system Chromium', () => {
    expect(findBrowser({ env: { CHROME_PATH: '/opt/chrome' }, exists: only('/opt/chrome', '/usr/bin/chromium') }))
      .toEqual({ path: '/opt/chrome', source: 'CHROME_PATH' });
  });

  test('a CHROME_PATH that names nothing is reported, not passed over', () => {
    const found = findBrowser({ env: { CHROME_PATH: '/typo' }, exists: only('/usr/bin/chromium') });
    expect(found.missing).toContain('/typo');
  });

  test('the system Chromium comes before Playwright\'s download', () => {
    expect(findBrowser({ env: {}, exists: only('/usr/bin/chromium', '/pw/chrome'), playwrightPath: '/pw/chrome' }))
      .toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(findBrowser({ env: {}, exists: only('/pw/chrome'), playwrightPath: '/pw/chrome' }))
      .toEqual({ path: '/pw/chrome', source: 'playwright' });
  });

  test('with no browser it tries one download, then gives one message saying how to get one', async () => {
    let installs = 0;
    const result = await ensureBrowser({ find: async () => ({ missing: 'none' }), install: () => (installs++, false) });
    expect(installs).toBe(1);
    expect(result).toEqual({ message: howToGetABrowser });
    expect(howToGetABrowser).toContain('apt-get install chromium');
    expect(howToGetABrowser).toContain('npx playwright install --with-deps chromium');
    expect(howToGetABrowser).toContain('CHROME_PATH');
  });

  test('a download that works is used', async () => {
    let installed = false;
    const result = await ensureBrowser({
      find: async () => (installed ? { path: '/pw/chrome', source: 'playwright' } : { missing: 'none' }),
      install: () => (installed = true),
    });
    expect(result).toEqual({ path: '/pw/chrome', source: 'playwright' });
  });
});
