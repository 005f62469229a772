// CommonJS modules from the environment's files: layers mounted under /opt (F38) and the
// function's own package under /var/task. Resolution follows Node's: relative paths, then for a
// bare name the node_modules folders up from the requiring file, then NODE_PATH (F40), whose
// /opt/nodejs/nodeNN/node_modules and /opt/nodejs/node_modules entries are where layers put
// packages (F39; https://docs.aws.amazon.com/lambda/latest/dg/nodejs-layers.html). ES module
// handlers find them too, as on Node 18 and later runtimes
// (https://repost.aws/knowledge-center/lambda-import-module-error-nodejs). Files are CommonJS
// (what npm packages in layers mostly are); JSON is parsed.

export interface PackageLoaderDeps {
  files: Record<string, string>;
  nodePath: string[];
  builtins: Record<string, any>;
  evaluate: (code: string) => any;
  notFound: (spec: string, file: string) => Error;
}

export function makePackageLoader(deps: PackageLoaderDeps) {
  const { files } = deps;
  const cache: Record<string, { exports: any }> = Object.create(null);
  const has = (path: string) => Object.prototype.hasOwnProperty.call(files, path);
  const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/')) || '/';

  function normalize(path: string): string {
    const out: string[] = [];
    for (const part of path.split('/')) {
      if (part === '..') out.pop();
      else if (part && part !== '.') out.push(part);
    }
    return '/' + out.join('/');
  }

  function asFile(path: string): string | null {
    for (const candidate of [path, path + '.js', path + '.json', path + '.cjs']) if (has(candidate)) return candidate;
    return null;
  }
  function asDirectory(dir: string): string | null {
    if (has(dir + '/package.json')) {
      let main: unknown;
      try { main = JSON.parse(files[dir + '/package.json']).main; } catch { main = undefined; }
      if (typeof main === 'string' && main) {
        const found = asFile(normalize(dir + '/' + main)) ?? asIndex(normalize(dir + '/' + main));
        if (found) return found;
      }
    }
    return asIndex(dir);
  }
  const asIndex = (dir: string) => asFile(dir + '/index');

  /** The node_modules folders Node searches from `fromDir`, nearest first, then NODE_PATH. */
  function searchPaths(fromDir: string): string[] {
    const up: string[] = [];
    for (let dir = fromDir; ; dir = dirOf(dir)) {
      if (!dir.endsWith('/node_modules')) up.push((dir === '/' ? '' : dir) + '/node_modules');
      if (dir === '/') break;
    }
    return [...up, ...deps.nodePath];
  }

  /** The file `spec` names from `fromFile`, or null when Node would not find it. */
  function resolve(spec: string, fromFile: string): string | null {
    if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/') || spec === '.' || spec === '..') {
      const target = normalize(spec.startsWith('/') ? spec : dirOf(fromFile) + '/' + spec);
      return asFile(target) ?? asDirectory(target);
    }
    for (const dir of searchPaths(dirOf(fromFile))) {
      const target = normalize(dir + '/' + spec);
      const found = asFile(target) ?? asDirectory(target);
      if (found) return found;
    }
    return null;
  }

  function load(path: string): any {
    const cached = cache[path];
    if (cached) return cached.exports;
    const module = { exports: {} as any, id: path, filename: path, loaded: false, children: [], paths: searchPaths(dirOf(path)) };
    cache[path] = module;
    if (path.endsWith('.json')) {
      module.exports = JSON.parse(files[path]);
    } else {
      const wrapper = '(function (exports, require, module, __filename, __dirname) {' + files[path] + '\n})\n//# sourceURL=' + path;
      deps.evaluate(wrapper).call(module.exports, module.exports, requireFrom(path), module, path, dirOf(path));
    }
    module.loaded = true;
    return module.exports;
  }

  /** `require` as the module at `fromFile` sees it. */
  function requireFrom(fromFile: string) {
    const require = (spec: string) => {
      if (spec in deps.builtins) return deps.builtins[spec];
      const path = resolve(String(spec), fromFile);
      if (path === null) throw deps.notFound(String(spec), fromFile);
      return load(path);
    };
    return Object.assign(require, {
      resolve: (spec: string) => {
        const path = resolve(String(spec), fromFile);
        if (path === null) throw deps.notFound(String(spec), fromFile);
        return path;
      },
      cache,
    });
  }

  return { resolve, load, requireFrom };
}
