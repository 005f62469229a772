// Starlight follows the system colour scheme until the learner picks one in its theme select.
// These helpers set the system preference (the normal case) and read which theme is shown.
import type { Page } from '@playwright/test';

export type Theme = 'light' | 'dark';
export const themes: Theme[] = ['light', 'dark'];

/** Emulates the system setting; call before page.goto(). Clears any theme the learner picked. */
export async function useSystemTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript(() => localStorage.removeItem('starlight-theme'));
}

export async function shownTheme(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('data-theme');
}
