// `npm run bench`: runs every registered benchmark in its own Node process (fresh heap) and
// prints simulated invocations per second of wall time, the peak heap seen and the process's
// peak RSS; benchmarks marked comparedToBaseline also print both as a multiple of the bare
// loop's (bench/bare.ts). `npm run bench -- engine` runs one suite only.
// To add benchmarks: export `benchmarks: Benchmark[]` from a file in bench/ and add ONE line
// to SUITES below.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './types';

const SUITES: Record<string, () => Promise<{ benchmarks: Benchmark[] }>> = {
  engine: () => import('./engine'),
  sources: () => import('./sources'),
  runtime: () => import('./runtime'),
  aws: () => import('./aws'),
};

async function runOne(suite: string, index: number): Promise<void> {
  const bench = (await SUITES[suite]()).benchmarks[index];
  let peak = process.memoryUsage().heapUsed;
  const sampleHeap = () => {
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { invocations, note } = await bench.run(sampleHeap);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  sampleHeap();
  // CPU time is reported too: on a shared machine it is steadier than wall time.
  const peakRssMB = process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
  console.log(JSON.stringify({ invocations, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakHeapMB: peak / 2 ** 20, peakRssMB, note }));
}

interface Figures { invocations: number; wallMs: number; cpuMs: number; peakHeapMB: number; peakRssMB: number; note?: string }

async function main(): Promise<void> {
  const [, , suiteArg, indexArg] = process.argv;
  if (suiteArg !== undefined && indexArg !== undefined) return runOne(suiteArg, Number(indexArg));
  const self = fileURLToPath(import.meta.url);
  let baseline: Figures | undefined;
  for (const [suite, load] of Object.entries(SUITES)) {
    if (suiteArg !== undefined && suiteArg !== suite) continue;
    const { benchmarks } = await load();
    for (let i = 0; i < benchmarks.length; i++) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', self, suite, String(i)], { encoding: 'utf8' });
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        console.log(`${benchmarks[i].name}\n  FAILED (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        continue;
      }
      const r = JSON.parse(line) as Figures;
      if (benchmarks[i].baseline) baseline = r;
      const rate = Math.round(r.invocations / (r.wallMs / 1000)).toLocaleString('en-US');
      console.log(`${benchmarks[i].name}\n  ${r.invocations.toLocaleString('en-US')} invocations in ${(r.wallMs / 1000).toFixed(2)} s wall` +
        ` (${(r.cpuMs / 1000).toFixed(2)} s CPU) = ${rate} invocations/s, peak heap ${r.peakHeapMB.toFixed(0)} MB,` +
        ` peak RSS ${r.peakRssMB.toFixed(0)} MB${r.note ? `\n  ${r.note}` : ''}`);
      if (benchmarks[i].comparedToBaseline && baseline) {
        console.log(`  vs the bare loop: ${(r.wallMs / baseline.wallMs).toFixed(1)}x wall, ${(r.cpuMs / baseline.cpuMs).toFixed(1)}x CPU,` +
          ` ${(r.peakRssMB / baseline.peakRssMB).toFixed(1)}x peak RSS`);
      }
    }
  }
}

await main();
