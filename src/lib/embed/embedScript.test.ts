// What /embed.js hands to other people's pages: one small classic script, compiled from
// loader.ts by the endpoint src/pages/embed.js.ts.
import { describe, expect, it } from 'vitest';
import { GET } from '../../pages/embed.js.ts';

const served = async () => {
  const response = await GET();
  return { type: response.headers.get('Content-Type'), code: await response.text() };
};

describe('/embed.js as served', () => {
  it('is JavaScript a classic <script> can run: no import or export, no TypeScript left', async () => {
    const { type, code } = await served();
    expect(type).toBe('text/javascript; charset=utf-8');
    expect(() => new Function(code)).not.toThrow(); // a SyntaxError here means a host page breaks
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
  });

  it('declares nothing at the top level, so it leaves no globals on the host page', async () => {
    const { code } = await served();
    const body = code.replace(/^\/\*[^]*?\*\/\s*/, ''); // after the banner comment
    expect(body).toMatch(/^\(\(\)=>\{[^]*\}\)\(\);?\s*$/);
  });

  it('stays small: under 4 KB before compression', async () => {
    const { code } = await served();
    expect(code.length).toBeLessThan(4096);
  });
});
