// The course can be found and followed: the home page shows the whole curriculum, the sidebar
// and previous/next links follow course order, and the current page is marked.
import { expect, test } from '@playwright/test';
import { curriculum, lessonHref, lessonsInOrder } from '../../src/lib/curriculum';
import { sitePaths } from './helpers/pages';

const built = new Set(sitePaths());
const written = lessonsInOrder().filter(({ lesson }) => built.has(lessonHref(lesson.slug)));
const unwritten = lessonsInOrder().filter(({ lesson }) => !built.has(lessonHref(lesson.slug)));

test('the home page shows all twelve modules, linking every written lesson and marking only unwritten ones coming soon', async ({ page }) => {
  await page.goto('/');
  const modules = page.locator('.module-card');
  await expect(modules).toHaveCount(curriculum.length);
  for (const module of curriculum) {
    await expect(page.getByRole('heading', { level: 3, name: `Module ${module.number}: ${module.title}` })).toBeVisible();
  }
  for (const { lesson } of written) {
    await expect(page.locator(`.course-map a[href="${lessonHref(lesson.slug)}"]`)).toHaveCount(1);
  }
  // With the whole course written there is nothing to mark; the count still guards the badge.
  await expect(page.locator('.lesson.soon')).toHaveCount(unwritten.length);
  for (const { lesson } of unwritten) {
    const item = page.locator('.lesson.soon', { hasText: lesson.title });
    await expect(item).toContainText('Coming soon');
    await expect(item.locator('a')).toHaveCount(0);
  }
});

test('a lesson opened from the home page marks itself as the current page in the sidebar', async ({ page }) => {
  await page.goto('/');
  await page.locator('.course-map').getByRole('link', { name: /Serverless computing: benefits and use cases/ }).click();
  await expect(page).toHaveURL(/\/lessons\/01-serverless-computing\/$/);
  await expect(page.locator('h1')).toHaveText('Serverless computing: benefits and use cases');
  const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
  await expect(current).toHaveAttribute('href', '/lessons/01-serverless-computing/');
  await expect(page.locator('.lesson-meta')).toContainText('Module 1 of 12');
});

test('the sidebar lists the written lessons in course order', async ({ page }) => {
  await page.goto('/lessons/01-serverless-computing/');
  const hrefs = await page.locator('nav[aria-label="Main"] a[href^="/lessons/"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')),
  );
  expect(hrefs).toEqual(written.map(({ lesson }) => lessonHref(lesson.slug)));
});

test('previous and next links walk the course in order and back', async ({ page }) => {
  await page.goto('/');
  const order = ['/', ...written.map(({ lesson }) => lessonHref(lesson.slug))];
  for (const href of order.slice(1)) {
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  }
  for (const href of order.slice(0, -1).reverse()) {
    await page.locator('a[rel="prev"]').click();
    await expect(page).toHaveURL(new RegExp(`${href === '/' ? '/' : href}$`));
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn AWS Lambda by watching it run');
});

test('the theme follows the system and the toggle overrides it across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/lessons/01-serverless-computing/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('starlight-theme-select select:visible').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the lesson can be read from the keyboard: skip link, then the first lesson heading', async ({ page }) => {
  await page.goto('/lessons/01-serverless-computing/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /skip to content/i });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#_top$/);
});
