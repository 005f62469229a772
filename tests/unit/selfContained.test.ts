// A fresh clone has nothing beside it: no test, build step, script or page may read a path
// outside the repository. This scans every source file's string literals for paths that
// leave the repository, and tests the scanner on examples of its own.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const selfPath = 'tests/unit/selfContained.test.ts';
const scanned = /\.(ts|tsx|js|mjs|cjs|astro|mdx|json)$|^\.ci\/|^scripts\//;
// Machine-specific roots: a path under one of these exists on one person's machine only.
const machineRoots = /^(\/work|\/home|\/root|\/Users|\/mnt|\/srv)\//;
const literal = /(['"`])((?:\.\.?\/|\/|file:\/\/)[^'"`\s$]*)\1/g;

/** Paths in `source` (a file at `file`, relative to the repository) that point outside it. */
export function pathsLeavingRepo(file: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(literal)) {
    const text = match[2];
    // file:/// URIs also name editor models (Monaco's in-memory files); only real roots count.
    if (machineRoots.test(text.replace(/^file:\/\//, ''))) {
      found.push(text);
    } else if (text.startsWith('../')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), text));
      if (target === '..' || target.startsWith('../')) found.push(text);
    }
  }
  return found;
}

function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  // This file is left out: its own examples are the paths it bans.
  return out.split('\n').filter((f) => f && scanned.test(f) && !f.endsWith('package-lock.json') && f !== selfPath);
}

describe('the repository stands alone', () => {
  test('the scanner finds paths that leave the repository and passes those that stay inside', () => {
    expect(pathsLeavingRepo('simulator/sources/events/x.ts', "new URL('../../../../beside/a.json', import.meta.url)"))
      .toEqual(['../../../../beside/a.json']);
    expect(pathsLeavingRepo('tests/unit/x.ts', "readFileSync('/work/beside/aws-sample-events/s3.json')"))
      .toEqual(['/work/beside/aws-sample-events/s3.json']);
    expect(pathsLeavingRepo('x.mjs', 'fs.readFileSync(`/home/me/events.json`)')).toEqual(['/home/me/events.json']);
    expect(pathsLeavingRepo('x.ts', "readFileSync(new URL('file:///root/x.json'))")).toEqual(['file:///root/x.json']);
    expect(pathsLeavingRepo('x.ts', "monaco.Uri.parse('file:///handler-globals.d.ts')")).toEqual([]);
    expect(pathsLeavingRepo('simulator/sources/events/x.ts', "new URL('../../../tests/fixtures/s3.json', import.meta.url)")).toEqual([]);
    expect(pathsLeavingRepo('src/pages/lab.astro', "import x from '../widgets/index';\nconst p = '/opt/nodejs/node_modules';")).toEqual([]);
  });

  test('no source file, test, script or page names a path outside the repository', () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      pathsLeavingRepo(file, readFileSync(path.join(root, file), 'utf8')).map((p) => `${file}: ${p}`));
    expect(offenders).toEqual([]);
  });
});
