// Counts the JavaScript a page loads: gzip -9 of every script body the browser fetched (page
// scripts, dynamic imports and worker scripts), by URL. Bytes, not time, so the budgets built on
// it hold on a loaded machine and in CI (tests/e2e/site-weight.spec.ts).
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface ScriptLoad {
  url: string;
  gzipBytes: number;
  /** Fetched by a worker (or as a worker's own script), not by the page's main thread. */
  worker: boolean;
}

const isScript = (type: string, url: string) => type === 'script' || /\.m?js(\?|$)/.test(url);

/** Starts recording before `goto`; the returned list fills as scripts arrive. */
export function recordScripts(page: Page): ScriptLoad[] {
  const seen: ScriptLoad[] = [];
  page.on('response', async (res) => {
    const req = res.request();
    if (!isScript(req.resourceType(), res.url()) || res.url().startsWith('data:')) return;
    const worker = frameless(req) || /worker/i.test(new URL(res.url()).pathname);
    try {
      seen.push({ url: res.url(), gzipBytes: gzipSync(await res.body(), { level: 9 }).length, worker });
    } catch {
      // A body Chromium no longer holds (rare, for worker scripts): refetch it so it still counts.
      // A response that lands after the test has ended has nothing left to count towards.
      const body = await page.request.get(res.url()).then((r) => r.body(), () => undefined);
      if (body) seen.push({ url: res.url(), gzipBytes: gzipSync(body, { level: 9 }).length, worker });
    }
  });
  return seen;
}

/** Requests made by a worker have no frame; Playwright throws when asked for it. */
function frameless(req: { frame(): unknown }): boolean {
  try {
    req.frame();
    return false;
  } catch {
    return true;
  }
}

export const totalBytes = (list: ScriptLoad[]) => list.reduce((n, r) => n + r.gzipBytes, 0);
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line per script, largest first: printed with every budget so a miss says what grew. */
export function describeLoads(list: ScriptLoad[]): string {
  return [...list]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((r) => `  ${kib(r.gzipBytes).padStart(10)} ${r.worker ? 'worker ' : 'main   '} ${new URL(r.url).pathname}`)
    .join('\n');
}

/**
 * Stands in for a page whose widgets are all far below the fold: the observer never reports an
 * intersection, so only what a page needs before a widget is near the viewport loads.
 */
export const NO_INTERSECTIONS = `window.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} takeRecords() { return []; } };`;
