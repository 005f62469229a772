// Widgets load their code as they near the viewport (src/lib/near-viewport.ts). A spec that works
// with a widget scrolls to it first, as a learner would, and waits until it is upgraded.
import { expect, type Locator, type Page } from '@playwright/test';

export const WIDGET_TAGS = [
  'lambda-simulation-player', 'lambda-challenge', 'lambda-service-map', 'lambda-service-sort', 'lambda-event-explorer',
  'lambda-runtime-loop', 'lambda-bootstrap-exercise', 'lifecycle-chart', 'power-tuning', 'function-console',
].join(', ');

export async function scrollToWidgets(page: Page, selector = WIDGET_TAGS): Promise<void> {
  for (const widget of await page.locator(selector).all()) await widgetReady(widget);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Scrolls one widget into view and waits until its code has run (its element is defined) and,
 * for a player, until it has built itself: each player waits for its own turn near the viewport
 * and keeps its server-rendered placeholder (.lsp-waiting) until then.
 */
export async function widgetReady(widget: Locator): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.evaluate((el) => el.matches(':defined') && !el.querySelector(':scope > .lsp-waiting')), { timeout: 60_000 }).toBe(true);
}

/**
 * Reloads the page and goes back to a widget, as a learner would: the players above it hold an
 * estimate of their room until each is built, so the restored scroll position can land elsewhere.
 */
export async function reloadAndScrollTo(widget: Locator): Promise<void> {
  await widget.page().reload();
  await widget.scrollIntoViewIfNeeded();
}
