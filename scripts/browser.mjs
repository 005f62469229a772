// Which Chromium the end-to-end tests drive. One answer for `npm test` and playwright.config.ts:
// CHROME_PATH, then the system's Chromium, then Playwright's own download.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const howToGetABrowser = [
  'No Chromium for the end-to-end tests. Get one of these, then run `npm test` again:',
  '  Debian or Ubuntu:  apt-get install chromium',
  '  elsewhere:         npx playwright install --with-deps chromium',
  '  or point CHROME_PATH at an installed Chrome or Chromium.',
].join('\n');

/** Playwright's own Chromium, where its package can say; null when it cannot. */
export async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * The first browser that exists, as { path, source }, or { missing } saying why none does.
 * A CHROME_PATH that names nothing is an error of its own: falling back would hide the typo.
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean, playwrightPath?: string | null }} [options]
 * @returns {{ path: string, source: string, missing?: undefined } | { missing: string, path?: undefined }}
 */
export function findBrowser({ env = process.env, exists = fs.existsSync, playwrightPath = null } = {}) {
  if (env.CHROME_PATH) {
    return exists(env.CHROME_PATH)
      ? { path: env.CHROME_PATH, source: 'CHROME_PATH' }
      : { missing: `CHROME_PATH is set to ${env.CHROME_PATH}, and there is no file there.` };
  }
  const system = systemChromiumPaths.find((p) => exists(p));
  if (system) return { path: system, source: 'system' };
  if (playwrightPath && exists(playwrightPath)) return { path: playwrightPath, source: 'playwright' };
  return { missing: 'No system Chromium and no Chromium downloaded by Playwright.' };
}

/**
 * Finds a browser, or tries Playwright's download once and looks again.
 * Returns { path, source } or { message } for the person running the tests.
 * @param {{ find?: () => Promise<ReturnType<typeof findBrowser>>, install?: () => boolean }} [options]
 * @returns {Promise<{ path: string, source: string, message?: undefined } | { message: string, path?: undefined }>}
 */
export async function ensureBrowser({
  find = async () => findBrowser({ playwrightPath: await playwrightChromiumPath() }),
  install = () => spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' }).status === 0,
} = {}) {
  const first = await find();
  if (first.path) return first;
  if (first.missing.startsWith('CHROME_PATH')) return { message: `${first.missing}\n${howToGetABrowser}` };
  console.log(`${first.missing} Trying: npx playwright install chromium`);
  if (install()) {
    const second = await find();
    if (second.path) return second;
  }
  return { message: howToGetABrowser };
}
