// The site's content security policy, in one place. Astro writes it into every page as a
// <meta http-equiv="content-security-policy"> with a hash for each inline script it emits;
// `cspBuild()` adds the hashes of inline scripts Astro leaves out and copies each page's policy
// into dist/_headers for static hosts, with what a <meta> cannot carry (frame-ancestors). Every source beyond 'self' is an exception with its reason.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';

/** @typedef {NonNullable<Extract<NonNullable<import('astro').AstroUserConfig['security']>['csp'], object>['directives']>} CspDirectives */

/** Directives besides script-src and style-src, which Astro builds itself. @type {CspDirectives} */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // Nothing talks to another origin: fetch, XHR and WebSocket from the page and from the code
  // runtime's Blob workers (which inherit this policy) fail as with no network.
  "connect-src 'self'",
  // Exception: the code runtime runs each execution environment as a Blob module worker
  // (simulator/runtime/hosts/browser.ts); Monaco and the player load their workers from 'self'.
  "worker-src 'self' blob:",
  // Exception: data: images are Starlight's and Monaco's inline SVG icons in CSS.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** script-src sources; Astro adds a hash per inline script. */
export const CSP_SCRIPT_SOURCES = [
  "'self'",
  // Exception: the code runtime's worker imports the learner's handler as a Blob module URL;
  // a Blob worker inherits the page's policy, so blob: must be a script source here too.
  'blob:',
  // Exception: the code runtime loads a CommonJS handler the way Node does, wrapped in a
  // function by indirect eval (simulator/runtime/worker/loader.ts), and handler code may use
  // eval or new Function as it can on Lambda; the Blob worker inherits this policy. Inline and
  // injected scripts stay refused: 'unsafe-eval' runs strings only for script already running.
  "'unsafe-eval'",
  // Exception: Pagefind (search) compiles its WebAssembly index reader.
  "'wasm-unsafe-eval'",
];

/** style-src sources. */
export const CSP_STYLE_SOURCES = [
  "'self'",
  // Exception: Monaco injects <style> elements and style attributes at run time, and Starlight
  // and the widgets set style attributes; neither can carry a hash. Styles cannot run code.
  "'unsafe-inline'",
];

/** frame-ancestors per page, sent only as a header (a <meta> policy ignores it). */
export function frameAncestorsFor(pagePath) {
  // The embed routes exist to be framed by other people's pages; everything else is not.
  return pagePath.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'self'";
}

/** The policy a built page carries in its <meta>, or null. */
export function metaPolicy(html) {
  const tag = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
  return tag ? tag[1].replace(/\s+/g, ' ').replace(/\s*;\s*/g, '; ').replace(/[;\s]+$/, '') : null;
}

/** dist/_headers text: each page's own policy (its hashes differ) plus its frame-ancestors.
 *  One exact path per page, no wildcards: hosts merge every rule that matches a path, and two
 *  frame-ancestors in force at once would let the stricter one win on /embed/ too. */
export function headersFile(pages) {
  const blocks = pages
    .filter((p) => p.policy !== null)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((p) =>
      [p.path, `  Content-Security-Policy: ${p.policy}; ${frameAncestorsFor(p.path)}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin'].join('\n'),
    );
  return `# Written by build/csp.mjs at build time: the <meta> policy of each page, plus frame-ancestors.\n${blocks.join('\n\n')}\n`;
}

/** Inline scripts Astro did not hash itself (Starlight's theme and sidebar scripts are
 *  is:inline): their hashes join the page's script-src, so only the scripts we built can run. */
export function hashInlineScripts(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([^]*?)<\/script>/g)]
    .filter(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return html.replace(/(http-equiv="content-security-policy"\s+content="[^"]*?script-src )([^;]*)/i, (_m, head, sources) => {
    const missing = [...new Set(hashes)].filter((h) => !sources.includes(h));
    return `${head}${[sources.trim(), ...missing].join(' ')}`;
  });
}

/** Astro integration: completes each page's script hashes, then writes dist/_headers. */
export function cspBuild() {
  return {
    name: 'csp-build',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
        const found = await Promise.all(
          files.map(async (name) => {
            // dir/index.html is served as /dir/; 404.html as itself for missing paths.
            const path = `/${name.replaceAll('\\', '/')}`.replace(/(^|\/)index\.html$/, '$1');
            const file = new URL(name, dir);
            const html = hashInlineScripts(await readFile(file, 'utf8'));
            await writeFile(file, html);
            return { path, policy: metaPolicy(html) };
          }),
        );
        await writeFile(new URL('_headers', dir), headersFile(found));
      },
    },
  };
}
