// Frame-time benchmark for the simulation player (issue 7): 1,000 concurrent execution
// environments playing at 10x in headless Chromium. Measures requestAnimationFrame deltas,
// the player's own work per frame, long tasks, and the JS heap of the page and of the
// simulation worker while playing; prints p50/p95. 60 s at 10x is the 10-minute virtual run.
//
//   npx astro build --outDir /tmp/dist-viz
//   npx node bench/frames.mjs --dist /tmp/dist-viz [--seconds 60] [--port 4499] [--virtual-minutes 10] [--profile 15]
//
// --profile N prints the N functions with the most self time on the page's main thread (build
// with vite.build.minify off to see real names).
//
// Separate from the test suite on purpose: it measures, it does not assert (exit 0 unless it
// could not run). Frame times depend on the machine and its load; the load average is printed.
import { spawn } from 'node:child_process';
import os from 'node:os';
import LZString from 'lz-string';
import { chromium } from 'playwright';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const dist = args.dist ?? 'dist';
const port = Number(args.port ?? 4499);
const seconds = Number(args.seconds ?? 60);
const virtualMinutes = Number(args['virtual-minutes'] ?? 10);

// 1,000 requests/s x 1 s each = 1,000 concurrent executions (F54), under a raised account limit.
const scenario = {
  seed: 1,
  durationMs: virtualMinutes * 60_000,
  account: { concurrencyLimit: 1500 },
  functions: [{ name: 'busy', memoryMB: 512, timeoutMs: 3000, handler: { kind: 'model', durationMs: 1000 } }],
  sources: [{ type: 'invoke', function: 'busy', invocationType: 'RequestResponse', arrivals: { rate: 1000, process: 'uniform' } }],
  record: { logs: false },
};

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Self time per function (name, file:line), from a CDP CPU profile's samples. */
function printProfile(profile, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`main-thread profile: ${total.toFixed(0)} ms sampled; top ${top} by self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

/** Reads the simulation worker's used JS heap (MB) over CDP, attaching to it as it starts. */
async function watchWorkerHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  const sessions = [];
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const call = async (method) => {
    const sessionId = sessions.at(-1);
    if (!sessionId) return undefined;
    const id = nextId++;
    const result = new Promise((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => undefined);
    return Promise.race([result, new Promise((resolve) => setTimeout(() => resolve(undefined), 5000))]);
  };
  const used = async () => ((await call('Runtime.getHeapUsage'))?.usedSize ?? NaN) / 2 ** 20;
  return Object.assign(used, {
    /** Live heap after a full collection: what is really kept, not garbage awaiting GC. */
    afterGc: async () => {
      await call('HeapProfiler.collectGarbage');
      return used();
    },
  });
}

/** The page's live JS heap after a full collection (MB). */
async function pageHeapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function waitForServer(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start`);
}

const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', dist, '--ignore-lock'], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
let browser;
try {
  await waitForServer(`http://127.0.0.1:${port}/embed/player/`, 60_000);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const hash = `#scenario=${LZString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
  await page.goto(`http://127.0.0.1:${port}/embed/player/?views=summary+timeline+concurrency&windowMs=30000${hash}`);
  await page.waitForSelector('lambda-simulation-player .lsp-controls');
  // Live: the engine simulates in its worker just ahead of the cursor while the page draws.
  // (Replaying a long recorded stretch is no longer possible: the player keeps only the last
  // minute or so in detail and re-runs the seed to go further back.)
  await page.evaluate(() => {
    const el = document.querySelector('lambda-simulation-player');
    el.player.setSpeed(10);
    el.player.play();
  });
  const workerHeap = await watchWorkerHeap(page);
  const cdp = args.profile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const warmSeconds = 5;
  await page.waitForTimeout(warmSeconds * 1000);
  const liveAtStart = [await pageHeapAfterGc(page), await workerHeap.afterGc()];
  const workerHeapMB = [];
  const sampler = setInterval(async () => workerHeapMB.push(await workerHeap()), 1000);
  const measured = await page.evaluate(async (ms) => {
    const deltas = [];
    const heapMB = [];
    const workMs = [];
    let longTasks = 0;
    new PerformanceObserver((list) => (longTasks += list.getEntries().length)).observe({ type: 'longtask' });
    const player = document.querySelector('lambda-simulation-player');
    const frame = player.frame.bind(player);
    player.frame = (now) => {
      const s = performance.now();
      frame(now);
      workMs.push(performance.now() - s);
    };
    let last = performance.now();
    const start = last;
    let lastHeap = start;
    await new Promise((done) => {
      const frame = (now) => {
        deltas.push(now - last);
        last = now;
        if (now - lastHeap >= 1000) {
          lastHeap = now;
          heapMB.push(performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : NaN);
        }
        if (now - start < ms) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    const el = document.querySelector('lambda-simulation-player');
    const rows = el.player.index.rows.length;
    const busy = el.player.index.grid.at(el.player.viewMs);
    return { deltas, heapMB, workMs, longTasks, viewMs: el.player.viewMs, rows, busy, forgottenBeforeMs: el.player.index.forgottenBeforeMs };
  }, seconds * 1000);
  clearInterval(sampler);
  const liveAtEnd = [await pageHeapAfterGc(page), await workerHeap.afterGc()];
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile, Number(args.profile));
  const sorted = measured.deltas.slice(1).sort((a, b) => a - b);
  const fmt = (n) => n.toFixed(1);
  console.log(`frames: ${sorted.length} over ${seconds} s wall after ${warmSeconds} s warm-up; virtual time reached ${fmt(measured.viewMs / 1000)} s at 10x`);
  console.log(`environments: ${measured.rows} held, ${measured.busy} busy at the end; detail kept from ${fmt(Math.max(0, measured.forgottenBeforeMs) / 1000)} s`);
  console.log(`frame interval p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted.at(-1))} ms (budget 16.7 ms; ${sorted.filter((d) => d > 25).length} of ${sorted.length} frames missed a vsync)`);
  const work = measured.workMs.slice().sort((a, b) => a - b);
  console.log(`player work per frame p50 ${fmt(percentile(work, 50))} ms, p95 ${fmt(percentile(work, 95))} ms, max ${fmt(work.at(-1))} ms; long tasks (> 50 ms): ${measured.longTasks}`);
  console.log(`page JS heap MB, one sample per second: ${measured.heapMB.map((m) => m.toFixed(0)).join(' ')}`);
  console.log(`worker JS heap MB, one sample per second: ${workerHeapMB.map((m) => m.toFixed(0)).join(' ')}`);
  console.log(`live heap after a full GC, page / worker MB: ${liveAtStart.map(fmt).join(' / ')} after ${warmSeconds} s warm-up; ${liveAtEnd.map(fmt).join(' / ')} at the end`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
} finally {
  await browser?.close();
  server.kill();
}
