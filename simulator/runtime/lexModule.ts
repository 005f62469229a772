// Finds a handler file's imports with a real lexer (es-module-lexer), never a pattern over the
// text: `import(` inside a string, a comment, a regular expression or a template is not an
// import. Runs host side; the worker's loader rewrites the source at the positions found here.
// The asm.js build needs no WebAssembly (no 'wasm-unsafe-eval' in a page CSP) and no init.
import { parse } from 'es-module-lexer/js';

/** One import: `t` 1 static, 2 dynamic, 3 import.meta (4-7: source/defer phases); `n` the
 * specifier when it is a literal; `s`..`e` the specifier's text; `ss` the `import` keyword;
 * `d` the index of a dynamic import's `(` (-1 static, -2 import.meta). */
export interface LexedImport {
  n: string | undefined;
  t: number;
  s: number;
  e: number;
  ss: number;
  d: number;
}

export type LexedModule =
  | { imports: LexedImport[]; moduleSyntax: boolean }
  | { error: string };

export function lexModule(source: string): LexedModule {
  try {
    const [imports, , , moduleSyntax] = parse(source);
    return { imports: imports.map(({ n, t, s, e, ss, d }) => ({ n, t, s, e, ss, d })), moduleSyntax };
  } catch (e) {
    // The lexer stops only on broken structure (an unclosed string, bracket or template).
    const where = /@?:(\d+):(\d+)$/.exec(String((e as Error).message ?? ''));
    return { error: `Unexpected token or end of input${where ? ` (line ${where[1]}, column ${where[2]})` : ''}` };
  }
}
