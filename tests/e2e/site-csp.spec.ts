// The content security policy (build/csp.mjs) is in force on every page of the build, nothing the
// site itself does violates it, and what it exists to stop is stopped: an inline script without
// a hash, eval, a request to another origin, and framing outside /embed/.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { distDir, sitePaths } from './helpers/pages';

/** Every securitypolicyviolation the page sees, recorded from before its first script, less
 *  zod's one feature probe: it tries `Function('')` once to choose its eval-free path (its
 *  `allowsEval` check), and the refusal is that choice working, so the probe is matched by the
 *  exact source text at the reported position, not by file name. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: { text: string; eval: boolean; file: string; line: number; column: number }[] = [];
    (window as unknown as { cspViolations: typeof seen }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ text: `${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`, eval: e.blockedURI === 'eval', file: e.sourceFile, line: e.lineNumber, column: e.columnNumber }),
    );
  });
  return () =>
    page.evaluate(async () => {
      const seen = (window as unknown as { cspViolations: { text: string; eval: boolean; file: string; line: number; column: number }[] }).cspViolations;
      const left: string[] = [];
      for (const v of seen) {
        const line = v.eval ? (await (await fetch(v.file)).text()).split('\n')[v.line - 1] ?? '' : '';
        // The reported column is where `Function(``)` starts, right after zod's jitless check.
        const probe = line.slice(v.column - 1).startsWith('Function(``)') && line.slice(Math.max(0, v.column - 200), v.column).includes('jitless');
        if (!probe) left.push(v.text);
      }
      return left;
    });
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
    expect(policy).toMatch(/script-src 'self' blob: 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(await violations()).toEqual([]);
    problems.expectNone();
  });
}

test('an injected inline script without a hash, eval and a request to another origin are refused', async ({ page, baseURL }) => {
  const violations = await recordViolations(page);
  await page.goto('/lessons/01-serverless-computing/');
  const outcome = await page.evaluate(async (otherOrigin) => {
    const w = window as unknown as { injectedRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    // Code the page runs (a Blob module, as the code runtime loads handlers) cannot eval.
    const probe = 'let r = "ran"; try { (0, eval)("1 + 1"); } catch (e) { r = e.name; } export default r;';
    const evalResult = (await import(/* @vite-ignore */ URL.createObjectURL(new Blob([probe], { type: 'text/javascript' })))).default;
    const fetched = await fetch(otherOrigin).then(() => 'reached', (err: Error) => err.name);
    return { injectedRan: w.injectedRan ?? false, evalResult, fetched };
  }, baseURL!.replace('127.0.0.1', 'localhost'));
  expect(outcome).toEqual({ injectedRan: false, evalResult: 'EvalError', fetched: 'TypeError' });
  await expect.poll(async () => (await violations()).map((v) => v.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
    `connect-src ${baseURL!.replace('127.0.0.1', 'localhost')}/`,
    'script-src eval',
    'script-src-elem inline',
  ]);
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
  const host = baseURL!.replace('127.0.0.1', 'localhost');
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
