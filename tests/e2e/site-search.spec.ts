// Search (Pagefind, built offline) finds a lesson by a word that appears only in its body.
import { expect, test, type Page } from '@playwright/test';

async function openSearch(page: Page) {
  await page.goto('/');
  const input = page.locator('dialog[open] .pagefind-ui__search-input');
  // the button works once Starlight's search script has loaded; retry the click until it has
  await expect(async () => {
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(input).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return input;
}

test('searching for a word from the lesson body finds lesson 1', async ({ page }) => {
  const input = await openSearch(page);
  await input.fill('thumbnails');
  const hit = page.locator('dialog[open] a[href*="/lessons/01-serverless-computing/"]').first();
  await expect(hit).toBeVisible({ timeout: 15_000 });
  await hit.click();
  await expect(page).toHaveURL(/\/lessons\/01-serverless-computing\//);
});

test('a word that appears nowhere finds nothing', async ({ page }) => {
  const input = await openSearch(page);
  await input.fill('xylophonequark');
  await expect(page.locator('dialog[open]').getByText(/No results for/)).toBeVisible({ timeout: 15_000 });
});
