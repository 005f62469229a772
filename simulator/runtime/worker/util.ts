// util.format / util.inspect close to Node's output, so console lines read like CloudWatch's
// (F120: the Node runtime formats console arguments with util.format). Self-contained:
// serialized into the worker with toString.

export function makeUtil(): any {
  const CUSTOM = Symbol.for('nodejs.util.inspect.custom');
  const BREAK = 80;
  const IDENT = /^[A-Za-z_$][\w$]*$/;

  function quote(s: string): string {
    const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') ? '`' : "'";
    const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
      .replace(new RegExp(q, 'g'), '\\' + q);
    return q + body + q;
  }

  function fnLabel(f: Function): string {
    const src = Function.prototype.toString.call(f);
    if (/^class[\s{]/.test(src)) return `[class ${f.name || '(anonymous)'}]`;
    const kind = f.constructor && f.constructor.name !== 'Function' ? f.constructor.name : 'Function';
    return `[${kind}${f.name ? ': ' + f.name : ' (anonymous)'}]`;
  }

  function primitive(v: unknown, top: boolean): string | undefined {
    switch (typeof v) {
      case 'string': return top ? v : quote(v);
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return `${v}n`;
      case 'boolean': case 'undefined': return String(v);
      case 'symbol': return v.toString();
      case 'function': return undefined;
      default: return v === null ? 'null' : undefined;
    }
  }

  function key(k: string | symbol): string {
    if (typeof k === 'symbol') return `[${k.toString()}]`;
    return IDENT.test(k) ? k : quote(k);
  }

  // ctx.lastDepth mirrors Node's rule: an object prints on one line only when its entries fit in
  // 80 columns and it holds at most 3 levels of nested objects.
  function fmt(v: any, depth: number, ctx: { seen: any[]; indent: number; lastDepth: number; maxDepth: number }): string {
    const p = primitive(v, false);
    if (p !== undefined) return p;
    if (typeof v === 'function' && Object.keys(v).length === 0) return fnLabel(v);
    if (ctx.seen.includes(v)) return '[Circular *1]';
    if (v && typeof v[CUSTOM] === 'function') return String(v[CUSTOM](depth, {}));
    if (v instanceof Error) return errorText(v);
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    if (v instanceof RegExp) return String(v);
    if (v instanceof Promise) return 'Promise { <pending> }';
    const isArr = Array.isArray(v);
    const ctorName = v.constructor && v.constructor.name;
    const plain = ctorName === 'Object' || ctorName === 'Array';
    if (plain && Object.keys(v).length === 0 && Object.getOwnPropertySymbols(v).length === 0) return isArr ? '[]' : '{}';
    if (depth > ctx.maxDepth) return isArr ? '[Array]' : `[${ctorName && ctorName !== 'Object' ? ctorName : 'Object'}]`;
    ctx.seen.push(v);
    ctx.indent += 2;
    ctx.lastDepth = depth;
    const out: string[] = [];
    let braces: [string, string] = ['{', '}'];
    let prefix = '';
    if (isArr) {
      braces = ['[', ']'];
      const n = Math.min(v.length, 100);
      for (let i = 0; i < n; i++) out.push(i in v ? fmt(v[i], depth + 1, ctx) : '<1 empty item>');
      if (v.length > 100) out.push(`... ${v.length - 100} more item${v.length - 100 > 1 ? 's' : ''}`);
    } else if (v instanceof Map) {
      prefix = `Map(${v.size}) `;
      for (const [k, val] of v) out.push(`${fmt(k, depth + 1, ctx)} => ${fmt(val, depth + 1, ctx)}`);
    } else if (v instanceof Set) {
      prefix = `Set(${v.size}) `;
      for (const val of v) out.push(fmt(val, depth + 1, ctx));
    } else if (ArrayBuffer.isView(v)) {
      braces = ['[', ']'];
      prefix = `${ctorName}(${(v as any).length}) `;
      for (const x of Array.from(v as any).slice(0, 100)) out.push(String(x));
    } else {
      if (typeof v === 'function') prefix = fnLabel(v) + ' ';
      else if (ctorName === undefined || v.constructor === undefined) prefix = '[Object: null prototype] ';
      else if (ctorName !== 'Object') prefix = `${ctorName} `;
    }
    for (const k of Object.keys(v)) {
      if ((isArr || ArrayBuffer.isView(v)) && /^\d+$/.test(k)) continue;
      out.push(`${key(k)}: ${fmt(v[k], depth + 1, ctx)}`);
    }
    for (const s of Object.getOwnPropertySymbols(v)) {
      if (Object.prototype.propertyIsEnumerable.call(v, s)) out.push(`${key(s)}: ${fmt(v[s], depth + 1, ctx)}`);
    }
    ctx.seen.pop();
    ctx.indent -= 2;
    const nestedLevels = ctx.lastDepth - depth;
    if (out.length === 0) return prefix + (isArr ? '[]' : '{}');
    const entries = isArr && out.length > 6 ? columns(out, v, ctx.indent) : out;
    const start = entries.length + ctx.indent + braces[0].length + prefix.length + 10;
    const total = entries.reduce((n, s) => n + s.length, start + entries.length);
    if (entries === out && nestedLevels < 3 && total <= BREAK && !out.some((s) => s.includes('\n'))) {
      return `${prefix}${braces[0]} ${out.join(', ')} ${braces[1]}`;
    }
    const pad = '\n' + ' '.repeat(ctx.indent);
    return `${prefix}${braces[0]}${pad}  ${entries.join(`,${pad}  `)}${pad}${braces[1]}`;
  }

  // Long arrays of short items print in aligned columns, as Node's inspect does: numbers are
  // right-aligned, anything else left-aligned; about 2.5 times as many rows as columns.
  function columns(out: string[], arr: unknown[], indent: number): string[] {
    const more = out.length > 100 ? out[out.length - 1] : undefined;
    const items = more === undefined ? out : out.slice(0, -1);
    const widths = items.map((s) => s.length);
    const widest = Math.max(...widths) + 2;
    const sum = widths.reduce((n, w) => n + w + 2, 0);
    if (widest * 3 + indent >= BREAK || !(sum / widest > 5 || widest - 2 <= 6)) return out;
    const bias = Math.sqrt(widest - sum / out.length);
    const cell = Math.max(widest - 3 - bias, 1);
    const cols = Math.min(Math.round(Math.sqrt(2.5 * cell * items.length) / cell), Math.floor((BREAK - indent) / widest), 12, 15);
    if (cols <= 1) return out;
    const colWidth: number[] = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let j = c; j < items.length; j += cols) w = Math.max(w, widths[j]);
      colWidth.push(w + 2);
    }
    const numeric = arr.slice(0, items.length).every((x) => typeof x === 'number' || typeof x === 'bigint');
    const rows: string[] = [];
    for (let i = 0; i < items.length; i += cols) {
      const last = Math.min(i + cols, items.length) - 1;
      let row = '';
      for (let j = i; j < last; j++) row += numeric ? `${items[j]}, `.padStart(colWidth[j - i]) : `${items[j]}, `.padEnd(colWidth[j - i]);
      row += numeric ? items[last].padStart(colWidth[last - i] - 2) : items[last];
      rows.push(row);
    }
    if (more !== undefined) rows.push(more);
    return rows;
  }

  function errorText(e: any): string {
    const stack = typeof e.stack === 'string' && e.stack ? e.stack : `${e.name}: ${e.message}`;
    const extra = Object.keys(e).filter((k) => k !== 'stack' && k !== 'message');
    if (extra.length === 0) return stack;
    const ctx = { seen: [e], indent: 0, lastDepth: 0, maxDepth: 2 };
    return `${stack} {\n${extra.map((k) => `  ${key(k)}: ${fmt(e[k], 1, ctx)}`).join(',\n')}\n}`;
  }

  function inspect(v: unknown, opts?: { depth?: number | null }): string {
    const d = opts && 'depth' in opts ? (opts.depth === null ? Infinity : Number(opts.depth)) : 2;
    return fmt(v, 0, { seen: [], indent: 0, lastDepth: 0, maxDepth: d });
  }

  function format(...args: any[]): string {
    if (args.length === 0) return '';
    const first = args[0];
    let rest = args.slice(1);
    let head: string;
    if (typeof first === 'string' && rest.length > 0 && /%[sdifjoOc%]/.test(first)) {
      head = first.replace(/%([sdifjoOc%])/g, (m, c) => {
        if (c === '%') return '%';
        if (rest.length === 0) return m;
        const a = rest.shift();
        switch (c) {
          case 's': return typeof a === 'string' ? a : typeof a === 'bigint' ? `${a}n` : typeof a === 'object' && a !== null ? inspect(a, { depth: 1 }) : String(a);
          case 'd': case 'i': return typeof a === 'bigint' ? `${a}n` : String(c === 'i' ? parseInt(a) : Number(a));
          case 'f': return String(parseFloat(a));
          case 'j': try { return JSON.stringify(a); } catch { return '[Circular]'; }
          case 'c': return '';
          default: return inspect(a, { depth: c === 'O' ? 2 : 4 });
        }
      });
    } else {
      head = primitive(first, true) ?? inspect(first);
    }
    for (const a of rest) head += ' ' + (primitive(a, true) ?? inspect(a));
    return head;
  }

  function promisify(fn: Function): Function {
    return (...args: unknown[]) => new Promise((resolve, reject) => {
      fn(...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
  }

  function isDeepStrictEqual(a: any, b: any): boolean {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => isDeepStrictEqual(a[k], b[k]));
  }

  const types = {
    isPromise: (v: unknown) => v instanceof Promise,
    isDate: (v: unknown) => v instanceof Date,
    isRegExp: (v: unknown) => v instanceof RegExp,
    isNativeError: (v: unknown) => v instanceof Error,
    isUint8Array: (v: unknown) => v instanceof Uint8Array,
  };
  return {
    format, inspect, promisify, isDeepStrictEqual, types,
    TextEncoder, TextDecoder,
    inherits(ctor: any, superCtor: any) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); },
    deprecate: (fn: Function) => fn,
  };
}
