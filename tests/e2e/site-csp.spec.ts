// The content security policy (build/csp.mjs) is in force on every page of the build, nothing the
// site itself does violates it, and what it exists to stop is stopped: an inline script without
// a hash, a script or a request to another origin, and framing outside /embed/.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { hostOrigin } from './helpers/host';
import { distDir, sitePaths } from './helpers/pages';

/** Every securitypolicyviolation the page sees, recorded from before its first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

const policyOf = (page: Page) =>
  page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

for (const pagePath of sitePaths()) {
  test(`${pagePath} carries the policy and breaks none of it`, async ({ page }) => {
    const problems = watchConsole(page);
    const violations = await recordViolations(page);
    await page.goto(pagePath);
    await page.waitForLoadState('networkidle');
    const policy = (await policyOf(page)) ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toMatch(/script-src 'self' blob: 'unsafe-eval' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(await violations()).toEqual([]);
    problems.expectNone();
  });
}

test('an injected inline script, a script from another origin and a request to another origin are refused', async ({ page, baseURL }) => {
  const violations = await recordViolations(page);
  await page.goto('/lessons/01-serverless-computing/');
  const other = hostOrigin();
  const outcome = await page.evaluate(async (otherOrigin) => {
    const w = window as unknown as { injectedRan?: boolean };
    const inline = document.createElement('script');
    inline.textContent = 'window.injectedRan = true;';
    document.head.append(inline);
    const remote = document.createElement('script');
    remote.src = `${otherOrigin}/evil.js`;
    const remoteLoaded = new Promise<string>((resolve) => {
      remote.onload = () => resolve('loaded');
      remote.onerror = () => resolve('refused');
    });
    document.head.append(remote);
    const fetched = await fetch(`${otherOrigin}/`).then(() => 'reached', (err: Error) => err.name);
    return { injectedRan: w.injectedRan ?? false, remote: await remoteLoaded, fetched };
  }, other);
  expect(outcome).toEqual({ injectedRan: false, remote: 'refused', fetched: 'TypeError' });
  await expect.poll(async () => (await violations()).map((v) => v.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
    `connect-src ${other}/`,
    `script-src-elem ${other}/evil.js`,
    'script-src-elem inline',
  ]);
  expect(baseURL).not.toContain(new URL(other).host);
});

/** dist/_headers as { path: { header: value } }. */
function builtHeaders(): Record<string, Record<string, string>> {
  const text = fs.readFileSync(path.join(distDir(), '_headers'), 'utf8');
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (/^\//.test(line)) rules[line.trim()] = current = {};
    else if (/^\s+\S/.test(line) && current) {
      const [name, ...value] = line.trim().split(':');
      current[name] = value.join(':').trim();
    }
  }
  return rules;
}

test('_headers gives every page its own policy, framable only under /embed/', () => {
  const rules = builtHeaders();
  const html = (p: string) => fs.readFileSync(path.join(distDir(), p, 'index.html'), 'utf8');
  for (const pagePath of sitePaths()) {
    const csp = rules[pagePath]?.['Content-Security-Policy'];
    expect(csp, pagePath).toBeDefined();
    // The same hashes as the page's own <meta>.
    for (const hash of html(pagePath).match(/'sha256-[^']+'/g) ?? []) expect(csp).toContain(hash);
    expect(csp).toMatch(pagePath.startsWith('/embed/') ? /; frame-ancestors \*$/ : /; frame-ancestors 'self'$/);
  }
});

test('served with _headers, a lesson refuses another origin\'s frame and an embed accepts it', async ({ page, baseURL }) => {
  const rules = builtHeaders();
  // The preview server ignores _headers; add them to each response as a static host would.
  await page.route(`${baseURL}/**`, async (route) => {
    const response = await route.fetch();
    const extra = rules[new URL(route.request().url()).pathname] ?? {};
    await route.fulfill({ response, headers: { ...response.headers(), ...extra } });
  });
  const host = hostOrigin();
  await page.context().grantPermissions(['local-network-access']);
  await page.route(`${host}/host/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>host</title>
        <iframe id="lesson" src="${baseURL}/lessons/01-serverless-computing/"></iframe>
        <iframe id="embed" src="${baseURL}/embed/timeline/"></iframe>`,
    }),
  );
  await page.goto(`${host}/host/`);
  await expect(page.frameLocator('#embed').locator('lambda-simulation-player')).toBeAttached();
  // A refused frame stays on an error page with no lesson in it.
  await page.waitForTimeout(1000);
  const lesson = page.frames().find((f) => f.url().includes('/lessons/'));
  const title = lesson ? await lesson.title().catch(() => '') : '';
  expect(title).not.toContain('Lambda Lab');
});
