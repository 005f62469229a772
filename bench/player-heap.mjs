// The page's JS heap while the playground's player streams a long, busy run from its worker:
// the cursor is sent through the run in steps; the heap is sampled every 50 ms (the peak of
// the saw-tooth) and after a forced garbage collection at each step (what is retained).
//
//   npx astro build --outDir /tmp/dist-x && npx astro preview --outDir /tmp/dist-x --port 4412 &
//   npx node bench/player-heap.mjs http://127.0.0.1:4412 [rate/s] [minutes]
import { chromium } from '@playwright/test';
import { findBrowser } from '../scripts/browser.mjs';

const [base = 'http://127.0.0.1:4321', rate = '1000', minutes = '10'] = process.argv.slice(2);
const durationMs = Number(minutes) * 60_000;
const scenario = {
  seed: 1, durationMs,
  functions: [{ name: 'api', memoryMB: 512, handler: { kind: 'model', durationMs: { dist: 'lognormal', mu: 4.5, sigma: 0.4 }, errorRate: 0.01 } }],
  sources: [{ type: 'api-gateway', function: 'api', arrivals: { rate: Number(rate), process: 'poisson' } }],
};

const browser = await chromium.launch({ executablePath: findBrowser().path, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`${base}/playground/#scenario-json=${encodeURIComponent(JSON.stringify(scenario))}`);
await page.locator('lambda-simulation-player .lsp-controls').waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await cdp.send('HeapProfiler.enable');
const heapMB = async () => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 2 ** 20;
};

let peak = 0;
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    peak = Math.max(peak, await heapMB());
    await new Promise((r) => setTimeout(r, 50));
  }
})();

const t0 = Date.now();
const retained = [];
for (let t = 60_000; t <= durationMs; t += 60_000) {
  await page.locator('lambda-simulation-player').first().evaluate(async (el, to) => {
    const p = el.player;
    p.seek(to);
    await p.settled();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, t);
  await cdp.send('HeapProfiler.collectGarbage');
  retained.push((await heapMB()).toFixed(1));
}
sampling = false;
await sampler;
const shown = await page.locator('lambda-simulation-player [data-stat="invocations"]').first().textContent();
console.log(JSON.stringify({
  scenario: `${rate}/s for ${minutes} min`, wallS: ((Date.now() - t0) / 1000).toFixed(1), invocationsShown: shown,
  peakHeapMB: peak.toFixed(1), retainedAfterGcMB: retained,
}));
await browser.close();
