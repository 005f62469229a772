// The engine's modules import one way: no cycle in simulator/ (type-only imports and inline
// import('…') types included), so each idea has one home and a clear direction of use.
// Imports are read with TypeScript's own pre-processor, not a pattern over the text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../simulator');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`))
    .filter((path) => existsSync(path));
}

/** Every cycle found by a depth-first walk (one per back edge), as relative paths. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visit = (file: string, stack: string[]) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((p) => relative(ROOT, p)));
      else if (!state.has(next)) visit(next, stack);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f, []);
  return found;
}

/** What a module imports at load time: value imports and re-exports, not types nor import(). */
function loadImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((s) => {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) return [(s.moduleSpecifier as ts.StringLiteral).text];
    if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) return [(s.moduleSpecifier as ts.StringLiteral).text];
    return [];
  });
}

/** Every module (relative to simulator/) and package a file brings along when it loads. */
function loadedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const spec of loadImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const path = resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`);
      const key = relative(ROOT, path);
      if (seen.has(key) || !existsSync(path)) continue;
      seen.add(key);
      visit(path);
    }
  };
  visit(join(ROOT, entry));
  return seen;
}

describe('simulator/ import graph', () => {
  it('has no cycle', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    expect(cycles(files)).toEqual([]);
  });

  it("checked.ts (the player's worker) loads the engine without the checker, zod, the editor's declarations or the AWS account", () => {
    const loaded = loadedFrom('checked.ts');
    expect(loaded.has('simulation.ts')).toBe(true);
    expect([...loaded].filter((m) => /^zod|scenario\/(parse|schema)\.ts|runtime\/(handler|aws-sdk)-types\.ts|aws\/account\.ts|runtime\/dependencies\.ts/.test(m))).toEqual([]);
    expect([...loadedFrom('index.ts')].filter((m) => /^zod$|scenario\/parse\.ts/.test(m))).toHaveLength(2); // the test can see them
  });

  it('check.ts (a page checking a scenario) loads the checker and zod, not the engine', () => {
    const loaded = loadedFrom('check.ts');
    expect(loaded.has('scenario/parse.ts') && loaded.has('zod')).toBe(true);
    const engine = /^(simulation|run)\.ts$|^service\/(?!coldStartCalibration\.ts)|^sources\/|^machines\/|^xstate$|aws\/account\.ts/;
    expect([...loaded].filter((m) => engine.test(m))).toEqual([]);
  });
});
