// Loads the handler file the way the Node.js runtime does (F104, F105, F128-F130): handler
// string parsing, ESM vs CommonJS, built-in and lambda-lab: modules, and Lambda's error types.
// Self-contained (serialized with toString); `deps` carries everything it needs.

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

  function isEsm(source: string, fileName: string | undefined): boolean {
    if (fileName && /\.mjs$/.test(fileName)) return true;
    if (fileName && /\.cjs$/.test(fileName)) return false;
    // The contract: ESM when the file uses import/export statements, else CommonJS.
    const stripped = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
    return /(^|[;\n}])\s*(import(\s+[\w$]|\s*[{*'"]|\s*\.\s*meta)|export(\s+[\w$]|\s*[{*]))/.test(stripped);
  }

  function missingEsm(spec: string, file: string): Error {
    if (spec.startsWith('node:')) return notFound(`No such built-in module: ${spec}`, 'ERR_UNKNOWN_BUILTIN_MODULE');
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

  // Static `import ... from 'x'`, `import 'x'`, `export ... from 'x'`.
  const STATIC = /(\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?)(['"])([^'"\n]+)\2/g;
  const DYNAMIC = /\bimport\s*\((?!\s*\))/g;
  const importCall = `globalThis[Symbol.for(${JSON.stringify(deps.importKey.description)})](`;

  async function loadEsm(source: string, file: string): Promise<any> {
    let firstMissing: Error | undefined;
    const rewritten = source.replace(STATIC, (all, head, q, spec) => {
      if (spec in deps.modules) return `${head}${q}${shimUrl(spec)}${q}`;
      firstMissing = firstMissing ?? missingEsm(spec, file);
      return all;
    }).replace(DYNAMIC, importCall);
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
    return function require(spec: string) {
      if (spec in deps.modules) return deps.modules[spec];
      throw missingCjs(spec, file);
    };
  }

  function loadCjs(source: string, file: string): any {
    const wrapper = '(function (exports, require, module, __filename, __dirname) {'
      + source.replace(DYNAMIC, importCall) + '\n})\n//# sourceURL=' + file;
    const fn = (0, eval)(wrapper);
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
    return Promise.reject(missingEsm(s, '/var/task/index.mjs'));
  }

  /** Returns the handler function or throws the Runtime.* error the Node runtime reports. */
  async function load(cfg: { handler: string; source: string; fileName?: string }) {
    const h = parseHandler(cfg.handler);
    const expected = h.root + h.module;
    const esm = isEsm(cfg.source, cfg.fileName);
    if (cfg.fileName !== undefined && cfg.fileName.replace(/\.(m|c)?js$/, '') !== expected) {
      throw runtimeError('Runtime.ImportModuleError', `Error: Cannot find module '${h.module}'\nRequire stack:\n- /var/runtime/index.mjs`);
    }
    const file = `/var/task/${expected}${esm ? '.mjs' : '.js'}`;
    userFile = file;
    let exports: any;
    try {
      exports = esm ? await loadEsm(cfg.source, file) : loadCjs(cfg.source, file);
    } catch (e: any) {
      if (e instanceof SyntaxError) throw runtimeError('Runtime.UserCodeSyntaxError', String(e), e.stack);
      if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_UNKNOWN_BUILTIN_MODULE')) {
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
