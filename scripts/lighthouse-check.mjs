// `npm run perf`: Lighthouse (mobile preset, simulated throttling) on every page of the built
// site, each page run RUNS times and the median kept, printed as one table. Fails when a page
// scores under 0.95 for performance or under 1 for accessibility. Not part of `npm test`:
// timings move with the machine's load; the byte budgets in tests/e2e/site-weight.spec.ts are
// the CI check.
//   npm run perf -- [--dist dist] [--port 4399] [--runs 3] [--save dir] [/only/this/page/ …]
// --save keeps each run's full report (JSON) in dir, to read its long tasks and layout shifts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findBrowser, howToGetABrowser } from './browser.mjs';

const BUDGET = { performance: 0.95, accessibility: 1 };

function options(argv) {
  const o = { dist: 'dist', port: 4399, runs: 3, save: '', pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') o.dist = argv[++i];
    else if (argv[i] === '--port') o.port = Number(argv[++i]);
    else if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--save') o.save = argv[++i];
    else o.pages.push(argv[i]);
  }
  return o;
}

/** Every page in the build's sitemap (what a learner can reach), in path order. */
function sitemapPaths(dist) {
  const locs = (file) => [...fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const index = path.join(dist, 'sitemap-index.xml');
  if (!fs.existsSync(index)) throw new Error(`no ${index}: build the site first (npx astro build --outDir ${dist})`);
  return [...new Set(locs('sitemap-index.xml').flatMap((s) => locs(path.basename(s))))].sort();
}

async function startServer(dist, port) {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', dist, '--ignore-lock'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, server };
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`the preview server did not answer on ${base}`);
}

/** One Lighthouse run; returns the scores and the metrics the table shows. */
function lighthouse(url, chrome, save) {
  const cli = path.resolve('node_modules/lighthouse/cli/index.js');
  const run = spawnSync(process.execPath, [cli, url, '--output=json', '--output-path=stdout', '--quiet',
    '--only-categories=performance,accessibility', '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run'],
  { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`lighthouse failed on ${url}: ${run.stderr.slice(-2000)}`);
  const lhr = JSON.parse(run.stdout);
  if (save) {
    fs.mkdirSync(save.dir, { recursive: true });
    fs.writeFileSync(path.join(save.dir, `${save.name}.json`), run.stdout);
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: lhr.categories.performance.score,
    accessibility: lhr.categories.accessibility.score,
    fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medianRun(runs) {
  const keys = Object.keys(runs[0]);
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
}

function table(rows, runs) {
  const head = `| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | performance of each run |`;
  const line = (r) => `| ${r.page} | ${r.performance.toFixed(2)} | ${r.accessibility.toFixed(2)} | ${Math.round(r.fcp)} | ${Math.round(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} | ${r.each.map((s) => s.toFixed(2)).join(' ')} |`;
  return [`Lighthouse, mobile preset, median of ${runs} runs per page`, head, '|---|---|---|---|---|---|---|---|', ...rows.map(line)].join('\n');
}

async function main() {
  const o = options(process.argv.slice(2));
  const browser = findBrowser();
  if (!browser.path) throw new Error(`${browser.missing}\n${howToGetABrowser}`);
  const pages = o.pages.length ? o.pages : sitemapPaths(o.dist);
  const { base, server } = await startServer(o.dist, o.port);
  const rows = [];
  try {
    for (const page of pages) {
      const name = (i) => `${page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${i + 1}`;
      const runs = Array.from({ length: o.runs }, (_, i) => lighthouse(base + page, browser.path, o.save && { dir: o.save, name: name(i) }));
      rows.push({ page, ...medianRun(runs), each: runs.map((r) => r.performance) });
      process.stderr.write(`${page}: ${runs.map((r) => `${r.performance}/${r.accessibility}`).join(', ')}\n`);
    }
  } finally {
    server.kill();
  }
  console.log(table(rows, o.runs));
  const missed = rows.filter((r) => r.performance < BUDGET.performance || r.accessibility < BUDGET.accessibility);
  for (const r of missed) console.log(`under budget: ${r.page} performance ${r.performance} (>= ${BUDGET.performance}), accessibility ${r.accessibility} (= ${BUDGET.accessibility})`);
  process.exit(missed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
