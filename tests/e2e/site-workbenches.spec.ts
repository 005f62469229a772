// A learner finds the lab and the playground: from the home page, and from any lesson through
// the header, the sidebar, and the menu on a phone. Previous/next stay on the course.
import { expect, test, type Page } from '@playwright/test';
import { workbenches } from '../../src/lib/workbenches';

const LESSON = '/lessons/01-serverless-computing/';
const headings: Record<string, string> = { '/lab/': 'Lab: your function', '/playground/': 'Playground' };

async function expectArrived(page: Page, href: string) {
  // The playground writes its scenario into the hash as soon as it runs.
  await expect(page).toHaveURL(new RegExp(`${href}(#.*)?$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[href]);
}

test('every workbench has a page and a heading the tests know', () => {
  expect(workbenches.map((w) => w.href).sort()).toEqual(Object.keys(headings).sort());
});

for (const w of workbenches) {
  test(`the home page links to ${w.href} with a line on what it is for`, async ({ page }) => {
    await page.goto('/');
    const section = page.getByRole('region', { name: 'Try it yourself, any time' });
    await expect(section).toContainText(w.blurb);
    await section.getByRole('link', { name: w.title }).click();
    await expectArrived(page, w.href);
  });

  test(`a lesson's header and sidebar both lead to ${w.href}`, async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole('navigation', { name: 'Workbenches' }).getByRole('link', { name: w.label, exact: true }).click();
    await expectArrived(page, w.href);
    await expect(page.getByRole('navigation', { name: 'Workbenches' }).getByRole('link', { name: w.label, exact: true }))
      .toHaveAttribute('aria-current', 'page');
    await page.goto(LESSON);
    await page.locator('nav[aria-label="Main"]').getByRole('link', { name: w.title, exact: true }).click();
    await expectArrived(page, w.href);
  });
}

test('on a phone, a lesson\'s menu leads to the lab', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'Lab: your function' }).click();
  await expectArrived(page, '/lab/');
});

test('previous and next step over the workbenches, and the workbenches show neither', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', LESSON);
  await page.goto(LESSON);
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/');
  for (const w of workbenches) {
    await page.goto(w.href);
    await expect(page.locator('a[rel="prev"], a[rel="next"]')).toHaveCount(0);
  }
});
