// Adds up Vitest's and Playwright's JSON reports. A missing report counts as a failure.
import fs from 'node:fs';

export function summarize(files) {
  let passed = 0, failed = 0, skipped = 0;
  const problems = [];
  for (const f of files) {
    if (!fs.existsSync(f)) { problems.push(`missing report ${f}`); failed++; continue; }
    const r = JSON.parse(fs.readFileSync(f, 'utf8'));
    if ('numPassedTests' in r) {
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + (r.numTodoTests ?? 0);
      if (!r.success && r.numFailedTests === 0) { failed++; problems.push(`${f}: suite failed to run`); }
    } else if (r.stats) {
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected + (r.errors?.length ?? 0);
      skipped += r.stats.skipped;
    } else {
      problems.push(`unreadable report ${f}`); failed++;
    }
  }
  return { passed, failed, skipped, problems };
}
