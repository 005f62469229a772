// The engine is deterministic and headless: no wall clock, no Math.random, no real timers, no
// DOM. The code runtime's worker hosts and its real-time watchdog (behind an injected
// interface) are the documented exceptions (shared/style.md, notes/common.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../simulator');
// Exempt: the code runtime's worker hosts, its bundle (generated from worker/), real-time watchdog and test fixtures
// (user handler code kept as strings).
const EXEMPT = [/^runtime\/worker\//, /^runtime\/generated\//, /^runtime\/hosts\//, /^runtime\/worker-source\.ts$/, /^runtime\/index\.ts$/,
  /^runtime\/testing\//, /^runtime\/fixtures\//];
const FORBIDDEN: [string, RegExp][] = [
  ['Math.random', /\bMath\.random\b/],
  ['Date.now', /\bDate\.now\b/],
  ['performance.now', /\bperformance\.now\b/],
  ['real timers', /\b(setTimeout|setInterval|setImmediate|requestAnimationFrame|queueMicrotask)\s*\(/],
  ['window', /\bwindow\s*[.[]/],
  ['document', /\bdocument\s*[.[]/],
  ['src/ imports', /from\s+['"](\.\.\/)+src\//],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) && !/\.test\.|\.testkit\./.test(name) ? [path] : [];
  });
}

/** Comments and string contents may mention the names; only code counts. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

describe('the engine source', () => {
  const files = sourceFiles(ROOT).map((path) => relative(ROOT, path)).filter((rel) => !EXEMPT.some((re) => re.test(rel)));

  it('is found (the scan looks at the real tree)', () => {
    expect(files).toContain('simulation.ts');
    expect(files).toContain('service/lambdaService.ts');
    expect(files.length).toBeGreaterThan(20);
  });

  it('never uses Math.random, Date.now, performance.now, real timers, window, document or src/', () => {
    const violations = files.flatMap((rel) => {
      const code = codeOnly(readFileSync(join(ROOT, rel), 'utf8'));
      return FORBIDDEN.filter(([, re]) => re.test(code)).map(([what]) => `${rel}: ${what}`);
    });
    expect(violations).toEqual([]);
  });

  it('would notice a forbidden call (the checker itself works)', () => {
    expect(FORBIDDEN.some(([, re]) => re.test(codeOnly('const x = Math.random();')))).toBe(true);
    expect(FORBIDDEN.some(([, re]) => re.test(codeOnly('// Math.random is banned')))).toBe(false);
  });
});
