// Loads the handler file the way the Node.js runtime does (F104, F105, F128-F130): handler
// string parsing, ESM vs CommonJS, built-in and lambda-lab: modules, and Lambda's error types.
// Packages come from the environment's files (worker/packages.ts). The imports were found host
// side by a real lexer (runtime/lexModule.ts) and arrive with the source.
import type { LexedImport, LexedModule as Lexed } from '../lexModule';
import { makePackageLoader } from './packages';

export function makeLoader(deps: {
  modules: Record<string, any>;
  moduleUrl: (code: string) => string;
  importUrl: (url: string) => Promise<any>;
  setLoading: (on: boolean) => void;
  beginKey: symbol;
  importKey: symbol;
}): any {
  function runtimeError(name: string, message: string, stack?: string): Error {
    const e = new Error(message);
    e.name = name;
    if (stack) e.stack = stack;
    return e;
  }
  function notFound(message: string, code: string): Error {
    const e: any = new Error(message);
    e.code = code;
    return e;
  }

  /** F104: `<file>.<export path>`, split on the first dot of the last path segment. */
  function parseHandler(full: string) {
    if (full.includes('..')) {
      throw runtimeError('Runtime.MalformedHandlerName', `'${full}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
    }
    const slash = full.lastIndexOf('/');
    const root = full.slice(0, slash + 1);
    const m = full.slice(slash + 1).match(/^([^.]*)\.(.*)$/);
    if (!m) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler');
    return { root, module: m[1], path: m[2] };
  }

  /** The contract: ESM when the file uses import/export statements (found by the lexer), else CommonJS. */
  function isEsm(lexed: Lexed, fileName: string | undefined): boolean {
    if (fileName && /\.mjs$/.test(fileName)) return true;
    if (fileName && /\.cjs$/.test(fileName)) return false;
    return 'moduleSyntax' in lexed && lexed.moduleSyntax;
  }

  function missingEsm(spec: string, file: string): Error {
    if (spec.startsWith('node:')) return notFound(`No such built-in module: ${spec}`, 'ERR_UNKNOWN_BUILTIN_MODULE');
    const scheme = /^([a-zA-Z][a-zA-Z\d+.-]*:)/.exec(spec);
    if (scheme && scheme[1].length > 2) { // a URL (not a Windows drive letter): never fetched
      return notFound(`Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${scheme[1].toLowerCase()}'`, 'ERR_UNSUPPORTED_ESM_URL_SCHEME');
    }
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const dir = file.slice(0, file.lastIndexOf('/') + 1);
      const abs = spec.startsWith('/') ? spec : dir + spec.replace(/^\.\//, '');
      return notFound(`Cannot find module '${abs}' imported from ${file}`, 'ERR_MODULE_NOT_FOUND');
    }
    return notFound(`Cannot find package '${spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')}' imported from ${file}`, 'ERR_MODULE_NOT_FOUND');
  }
  function missingCjs(spec: string, file: string): Error {
    return notFound(`Cannot find module '${spec}'\nRequire stack:\n- ${file}\n- /var/runtime/index.mjs`, 'MODULE_NOT_FOUND');
  }

  // The engine's own eval, taken before handler code can reach (or the sandbox wrap) the global.
  const evaluate: (code: string) => any = globalThis.eval;
  const shimUrls: Record<string, string> = {};
  let userUrl = '';
  let userFile = '/var/task/index.mjs';
  function shimUrl(spec: string): string {
    if (!shimUrls[spec]) {
      const names = Object.keys(deps.modules[spec]).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
      const code = `const m = globalThis[Symbol.for('lambda-lab.modules')][${JSON.stringify(spec)}];\n`
        + 'export default m;\n'
        + (names.length ? `export const { ${names.join(', ')} } = m;\n` : '');
      shimUrls[spec] = deps.moduleUrl(code);
    }
    return shimUrls[spec];
  }

  // Packages (CommonJS) imported from the handler: loaded while the handler module links, as
  // Node evaluates a module's dependencies first. The default export is module.exports.
  let packages: ReturnType<typeof makePackageLoader> | null = null;
  const PACKAGES = Symbol.for('lambda-lab.packages');
  const loadedPackages: Record<string, any> = ((globalThis as any)[PACKAGES] = Object.create(null));
  function packageUrl(path: string): string {
    const key = 'file://' + path;
    if (!shimUrls[key]) {
      const m = (loadedPackages[path] = packages!.load(path));
      const names = (m && typeof m === 'object') || typeof m === 'function' ? Object.keys(m).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default') : [];
      const code = `const m = globalThis[Symbol.for('lambda-lab.packages')][${JSON.stringify(path)}];\n`
        + 'export default m;\n'
        + (names.length ? `export const { ${names.join(', ')} } = m;\n` : '');
      shimUrls[key] = deps.moduleUrl(code);
    }
    return shimUrls[key];
  }
  const resolvePackage = (spec: string, file: string) => (packages ? packages.resolve(spec, file) : null);

  const importCall = `globalThis[Symbol.for(${JSON.stringify(deps.importKey.description)})](`;

  /**
   * Rewrites at the lexer's positions: static specifiers of provided modules become shim URLs,
   * every dynamic `import(` becomes the runtime's own import function. Text in strings,
   * comments and templates is never touched. Returns the first unresolvable static import too.
   */
  function rewrite(source: string, imports: LexedImport[], file: string): { code: string; missing?: Error } {
    let code = '';
    let last = 0;
    let missing: Error | undefined;
    for (const im of imports) {
      if (im.d >= 0) { // import(...), import.source(...), import.defer(...)
        code += source.slice(last, im.ss) + importCall;
        last = im.d + 1;
      } else if (im.d === -1) { // import/export ... from '...'
        const spec = im.n ?? source.slice(im.s, im.e);
        const path = spec in deps.modules || missing ? null : resolvePackage(spec, file);
        if (spec in deps.modules || path !== null) {
          code += source.slice(last, im.s) + (path === null ? shimUrl(spec) : packageUrl(path));
          last = im.e;
        } else missing = missing ?? missingEsm(spec, file);
      }
    }
    return { code: code + source.slice(last), missing };
  }

  async function loadEsm(source: string, imports: LexedImport[], file: string): Promise<any> {
    const { code: rewritten, missing: firstMissing } = rewrite(source, imports, file);
    if (firstMissing) throw firstMissing; // Node fails at link time, before any module code runs
    const begin = `globalThis[Symbol.for(${JSON.stringify(deps.beginKey.description)})]();`;
    const url = deps.moduleUrl(begin + rewritten);
    userUrl = url;
    deps.setLoading(true);
    try {
      return await deps.importUrl(url);
    } catch (e: any) {
      if (e && typeof e.message === 'string') {
        for (const spec of Object.keys(shimUrls)) e.message = e.message.split(shimUrls[spec]).join(spec);
        e.message = e.message.split(url).join('file://' + file);
      }
      throw e;
    } finally {
      deps.setLoading(false);
    }
  }

  function makeRequire(file: string) {
    if (packages) return packages.requireFrom(file);
    return function require(spec: string) {
      if (spec in deps.modules) return deps.modules[spec];
      throw missingCjs(spec, file);
    };
  }

  function loadCjs(source: string, imports: LexedImport[], file: string): any {
    const dynamic = imports.filter((im) => im.d >= 0); // a static import in CommonJS stays a SyntaxError
    const wrapper = '(function (exports, require, module, __filename, __dirname) {'
      + rewrite(source, dynamic, file).code + '\n})\n//# sourceURL=' + file;
    const fn = evaluate(wrapper);
    const module = { exports: {} as any, id: '.', filename: file, loaded: false, children: [], paths: [] };
    fn.call(module.exports, module.exports, makeRequire(file), module, file, file.slice(0, file.lastIndexOf('/')));
    module.loaded = true;
    return module.exports;
  }

  /** Dynamic import() from handler code: built-ins resolve, anything else rejects like Node. */
  function dynamicImport(spec: unknown): Promise<any> {
    const s = String(spec);
    if (s in deps.modules) {
      const m = deps.modules[s];
      return Promise.resolve(Object.assign(Object.create(null), m, { default: m }));
    }
    const path = resolvePackage(s, userFile);
    if (path !== null) {
      try {
        const m = packages!.load(path);
        return Promise.resolve(Object.assign(Object.create(null), m, { default: m }));
      } catch (e) { return Promise.reject(e); }
    }
    return Promise.reject(missingEsm(s, userFile));
  }

  /** Returns the handler function or throws the Runtime.* error the Node runtime reports. */
  async function load(cfg: { handler: string; source: string; lexed: Lexed; fileName?: string; files?: Record<string, string>; nodePath?: string }) {
    if (cfg.files && Object.keys(cfg.files).length > 0) {
      // The sandbox's eval (taken now, before handler code runs): package files are text from the
      // scenario, so their import( goes to the runtime's own import like handler code's.
      const guardedEval: (code: string) => any = globalThis.eval;
      packages = makePackageLoader({
        files: cfg.files, nodePath: (cfg.nodePath ?? '').split(':').filter(Boolean), builtins: deps.modules, evaluate: (code) => guardedEval(code),
        notFound: (spec, from) => missingCjs(spec, from),
      });
    }
    const h = parseHandler(cfg.handler);
    const expected = h.root + h.module;
    const lexed = cfg.lexed;
    const esm = isEsm(lexed, cfg.fileName);
    if (cfg.fileName !== undefined && cfg.fileName.replace(/\.(m|c)?js$/, '') !== expected) {
      throw runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${h.module}'\nRequire stack:\n- /var/runtime/index.mjs`);
    }
    const file = `/var/task/${expected}${esm ? '.mjs' : '.js'}`;
    userFile = file;
    // The lexer stops only where the file cannot parse at all (F129).
    if ('error' in lexed) throw runtimeError('Runtime.UserCodeSyntaxError', `SyntaxError: ${lexed.error}`);
    let exports: any;
    try {
      exports = esm ? await loadEsm(cfg.source, lexed.imports, file) : loadCjs(cfg.source, lexed.imports, file);
    } catch (e: any) {
      if (e instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(e), e.stack);
      if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_UNKNOWN_BUILTIN_MODULE' || e.code === 'ERR_UNSUPPORTED_ESM_URL_SCHEME')) {
        throw runtimeError('Runtime.ImportModuleError', String(e));
      }
      throw e;
    }
    const fn = h.path.split('.').reduce((o: any, k: string) => o && o[k], exports);
    if (!fn) throw runtimeError('Runtime.HandlerNotFound', `${cfg.handler} is undefined or not exported`);
    if (typeof fn !== 'function') throw runtimeError('Runtime.HandlerNotFound', `${cfg.handler} is not a function`);
    return { fn, file };
  }

  return { load, dynamicImport, parseHandler, isEsm, userUrl: () => userUrl, userFile: () => userFile };
}
