// Every page of the built site, read from the sitemap the build wrote (E2E_DIST, default dist),
// so new lessons and pages are tested without editing a list. Synchronous on purpose: Playwright
// declares tests synchronously.
//
//   for (const path of sitePaths()) test(`loads ${path}`, async ({ page }) => { await page.goto(path); });
import fs from 'node:fs';
import path from 'node:path';

export function distDir(): string {
  return process.env.E2E_DIST ?? 'dist';
}

export function sitePaths(): string[] {
  const dir = distDir();
  const index = path.join(dir, 'sitemap-index.xml');
  if (!fs.existsSync(index)) throw new Error(`no ${index}: build the site first (npx astro build --outDir ${dir})`);
  const sitemaps = [...fs.readFileSync(index, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => path.basename(new URL(m[1]).pathname));
  const paths = sitemaps.flatMap((file) =>
    [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname),
  );
  return [...new Set(paths)].sort();
}
