// npm run sweep -- <count> [--from <seed>] [--code-share <0..1>] [--seed <n>]
// Runs seeds from..from+count-1 (tests/sim/sweep.ts): random valid scenarios through the engine
// with every invariant checker. Prints each failing seed with its problems and exits 1 if any.
// --seed <n> prints that seed's scenario as JSON and its problems, to reproduce one failure.
import { parseArgs } from 'node:util';
import { sweep, sweepScenario, sweepSeed } from '../tests/sim/sweep';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '1' }, 'code-share': { type: 'string', default: '0.02' }, seed: { type: 'string' } },
});
const options = { codeShare: Number(values['code-share']) };

async function main(): Promise<number> {
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    console.log(JSON.stringify(sweepScenario(seed, options), null, 2));
    const problems = await sweepSeed(seed, options);
    console.log(problems.length ? problems.join('\n') : `seed ${seed}: every invariant holds`);
    return problems.length ? 1 : 0;
  }
  const count = Number(positionals[0] ?? 1000);
  const from = Number(values.from);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(from)) throw new Error('usage: npm run sweep -- <count> [--from <seed>] [--code-share <0..1>] [--seed <n>]');
  const started = performance.now();
  let done = 0;
  const report = await sweep(from, count, options, (seed, problems) => {
    console.log(`FAILED seed ${seed} (npm run sweep -- --seed ${seed}${options.codeShare === 0.02 ? '' : ` --code-share ${options.codeShare}`}):`);
    for (const p of problems.slice(0, 8)) console.log(`  ${p}`);
    if (problems.length > 8) console.log(`  ... and ${problems.length - 8} more`);
  }, () => {
    if (++done % 1000 === 0) console.log(`${done}/${count} seeds, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${report.tried} seeds from ${from} in ${seconds} s: ${report.failures.length} failed${report.failures.length ? ` (seeds ${report.failures.map((f) => f.seed).join(', ')})` : ''}`);
  return report.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
