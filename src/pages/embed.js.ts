// /embed.js, the one-tag embed loader. Written in TypeScript (src/lib/embed/loader.ts) and
// compiled here at build time with Vite's own transformer and minifier, rather than kept as a
// hand-written file in public/, so `astro check` types it like the rest of the site. The output
// is one small classic script with no dependencies: it cannot carry lz-string, so it passes the
// scenario as `#scenario-json=` (read by src/pages/embed/[widget].astro).
import { minify, transformWithOxc } from 'vite';
import source from '../lib/embed/loader.ts?raw';

export async function GET(): Promise<Response> {
  const js = await transformWithOxc(source, 'loader.ts', { lang: 'ts', sourceType: 'script', target: 'es2020' });
  const small = await minify('embed.js', js.code, { module: false, compress: true, mangle: true });
  if (small.errors.length) throw new Error(`embed.js did not minify: ${small.errors[0].message}`);
  const banner = '/* Lambda Lab embed: <script src=".../embed.js" data-widget="timeline" data-scenario=\'{...}\' async></script> */\n';
  return new Response(banner + small.code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
