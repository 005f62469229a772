// Runs every check the project has, in order, and ends with one line CI can read:
// "N passed, N failed, N skipped" over Vitest and Playwright together.
// Exits non-zero when any step or test failed, or when no test ran at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureBrowser } from './browser.mjs';
import { summarize } from './summarize-tests.mjs';

// A missing browser is one clear message before anything runs, not a failure per browser test.
const browser = await ensureBrowser();
if (browser.message) {
  console.error(`\n${browser.message}\n`);
  process.exit(1);
}
console.log(`Chromium for the end-to-end tests (${browser.source}): ${browser.path}`);

const reports = 'reports'; // not test-results/: Playwright empties its outputDir at start
fs.mkdirSync(reports, { recursive: true });
const vitestJson = `${reports}/vitest.json`;
const playwrightJson = `${reports}/playwright.json`;
for (const f of [vitestJson, playwrightJson]) fs.rmSync(f, { force: true });

const failedSteps = [];
let uncountedStepFailures = 0;
/** A test runner's failure is counted through its report; `report` names it so a run that
 *  failed without a failed test (a crash, an error outside tests) still counts once. */
function step(name, cmd, args, { env = {}, report } = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failedSteps.push(`${name} (exit ${r.status ?? r.signal})`);
    if (!report || summarize([report]).failed === 0) uncountedStepFailures++;
  }
  return r.status === 0;
}

step('node version', 'npm', ['run', '-s', 'node:check']);
step('type check', 'npx', ['astro', 'check']);
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { report: vitestJson });
if (step('build', 'npx', ['astro', 'build'])) {
  step('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, CHROME_PATH: browser.path }, report: playwrightJson });
} else {
  failedSteps.push('end-to-end tests (not run: build failed)'); // counted as its missing report
}

const { passed, failed, skipped, problems } = summarize([vitestJson, playwrightJson]);
for (const p of [...failedSteps, ...problems]) console.error(`failed: ${p}`);
const failedTotal = failed + uncountedStepFailures;
console.log(`${passed} passed, ${failedTotal} failed, ${skipped} skipped`);
process.exit(failedTotal > 0 || passed === 0 ? 1 : 0);
