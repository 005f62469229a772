// A page on another origin than the site, for testing embeds as a real blog would hold them.
//
//   await openHost(page, `<script src="${baseURL}/embed.js" data-widget="timeline"></script>`);
import { test, type Page } from '@playwright/test';

/** The other origin: localhost, where the site is served from 127.0.0.1. */
export function hostOrigin(): string {
  return `http://localhost:${new URL(test.info().project.use.baseURL!).port}`;
}

/** Serve `body` as a page on an origin of its own, so the embed is cross-origin as on a real blog.
 *  The host is localhost (the site is 127.0.0.1): Chromium's Local Network Access refuses a
 *  public or insecure page loading from a loopback address, and asks permission for a secure one. */
export async function openHost(page: Page, body: string): Promise<void> {
  const host = `${hostOrigin()}/host/`;
  await page.context().grantPermissions(['local-network-access']);
  await page.route(`${host}**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post about cold starts</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <script>window.namesBefore = Object.getOwnPropertyNames(window);</script>
        <style>body { font: 16px/1.5 Georgia, serif; max-width: 760px; margin: 0 auto; padding: 12px; }</style>
        </head><body>${body}</body></html>`,
    }),
  );
  await page.goto(host);
}
