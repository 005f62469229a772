// Every page the build produced (from its sitemap) loads cleanly in both themes.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { watchConsole } from './helpers/console';
import { waitForEditorLineNumbers } from './helpers/function-console';
import { sitePaths } from './helpers/pages';
import { shownTheme, themes, useSystemTheme } from './helpers/theme';

const paths = sitePaths();

test('the sitemap lists the home page and lesson 1', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/lessons/01-serverless-computing/');
});

for (const path of paths) {
  for (const theme of themes) {
    test(`${path} loads with no console errors and no axe violations in the ${theme} theme`, async ({ page }) => {
      test.slow(); // axe over a whole page takes tens of seconds on a busy 2-core machine
      const problems = watchConsole(page);
      await useSystemTheme(page, theme);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      // Starlight pages show the theme on <html data-theme>; standalone pages (embed/) have no
      // such attribute and follow prefers-color-scheme in CSS, which the emulation drives.
      const shown = await shownTheme(page);
      if (shown !== null) expect(shown).toBe(theme);
      await expect(page.locator('body')).not.toBeEmpty();
      // Monaco draws lazily; the check must see its line numbers, not the textarea before them.
      await waitForEditorLineNumbers(page);
      await expectNoAxeViolations(page);
      problems.expectNone();
    });
  }
}
