// Collects everything a page reports as broken: console errors, uncaught exceptions and failed
// requests. Attach before page.goto(); assert at the end of the test.
//
//   const problems = watchConsole(page);
//   await page.goto('/lessons/01-serverless-computing/');
//   ... interact ...
//   problems.expectNone();
import { expect, type Page } from '@playwright/test';

export interface ConsoleWatch {
  errors: string[];
  warnings: string[];
  expectNone(): void;
}

export function watchConsole(page: Page): ConsoleWatch {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (msg) => {
    const where = msg.location()?.url ? ` (${msg.location().url})` : '';
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}${where}`);
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '';
    // The browser cancels in-flight requests when the test navigates away (e.g. Pagefind's
    // preloaded UI module): that is the navigation, not a broken resource.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${req.url()} ${reason}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return {
    errors,
    warnings,
    expectNone() {
      expect(errors, 'console errors, uncaught exceptions or failed requests').toEqual([]);
    },
  };
}
