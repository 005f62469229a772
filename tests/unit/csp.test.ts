// build/csp.mjs: the build step that completes each page's script hashes and writes _headers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { frameAncestorsFor, hashInlineScripts, headersFile, metaPolicy } from '../../build/csp.mjs';

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
const page = (scripts: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${sha('known()')}; style-src 'self' 'unsafe-inline' ;">${scripts}</head></html>`;

describe('the build-time policy step', () => {
  it('adds the hash of every inline script Astro left out, once, and none for external or JSON scripts', () => {
    const html = hashInlineScripts(page('<script>known()</script><script>theme()</script><script>theme()</script><script type="module" src="/a.js"></script><script type="application/json">{"a":1}</script>'));
    const policy = metaPolicy(html)!;
    expect(policy).toBe(`default-src 'self'; script-src 'self' ${sha('known()')} ${sha('theme()')}; style-src 'self' 'unsafe-inline'`);
    expect(policy).not.toContain(sha('{"a":1}'));
  });

  it('leaves a page that needs nothing added as it was', () => {
    const html = page('<script>known()</script>');
    expect(hashInlineScripts(html)).toBe(html);
  });

  it('opens framing only under /embed/, one exact rule per page', () => {
    expect(frameAncestorsFor('/embed/player/')).toBe('frame-ancestors *');
    expect(frameAncestorsFor('/lab/')).toBe("frame-ancestors 'self'");
    const file = headersFile([{ path: '/lab/', policy: "default-src 'self'" }, { path: '/embed/flows/', policy: "default-src 'self'" }, { path: '/x/', policy: null }]);
    expect(file).toContain("/embed/flows/\n  Content-Security-Policy: default-src 'self'; frame-ancestors *\n");
    expect(file).toContain("/lab/\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n");
    expect(file).not.toMatch(/^\/\*/m); // no wildcard rule: hosts would merge it into every page
    expect(file).not.toContain('/x/');
  });
});
