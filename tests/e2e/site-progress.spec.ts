// Progress: opening a lesson marks it visited, solving its quiz completes it, both survive a
// reload and show in the sidebar and on the home page; reset clears them; a corrupt stored value
// is ignored with a warning instead of breaking the page.
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers/console';
import { challengeWidget, runAttempt, setKnob } from './helpers/challenge';
import { exerciseSolved, PROGRESS_STORAGE_KEY, seedProgress, storedProgress } from './helpers/progress';
import { sitePaths } from './helpers/pages';
import { lessonHref, lessonsInOrder } from '../../src/lib/curriculum';

// The home page counts the lessons that are written (built), however many that is today.
const built = new Set(sitePaths());
const ready = lessonsInOrder().filter(({ lesson }) => built.has(lessonHref(lesson.slug))).length;
const readyText = `${ready} ready lesson${ready === 1 ? '' : 's'} completed`;

const lesson1 = '/lessons/01-serverless-computing/';
const slug1 = 'lessons/01-serverless-computing';
const sidebarLink = (page: Page) => page.locator(`nav[aria-label="Main"] a[href="${lesson1}"]`);

async function answerAllCorrectly(page: Page) {
  const questions = page.locator('lesson-quiz fieldset');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await questions.nth(i).locator('label:has(input[data-correct="true"])').click();
  }
  return count;
}

/** Lesson 1's other exercise, the sale challenge, solved by raising the quota (F52). */
async function solveSaleChallenge(page: Page) {
  const widget = challengeWidget(page, 'sale-on-new-account');
  await widget.scrollIntoViewIfNeeded();
  await widget.getByLabel('a few dozen, at the start of the sale').check();
  await setKnob(widget, 'Account concurrency quota', 250);
  expect(await runAttempt(widget, 1)).toContain('every goal met');
  expect(await exerciseSolved(page, slug1, 'sale-on-new-account')).toBe(true);
}

test('opening a lesson marks it visited, and that survives a reload', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(lesson1);
  await expect(page.locator('lesson-visit')).toHaveText('In progress');
  await expect(sidebarLink(page)).toHaveAttribute('data-progress', 'visited');
  await expect(sidebarLink(page)).toContainText('(visited)');
  await page.reload();
  await expect(sidebarLink(page)).toHaveAttribute('data-progress', 'visited');
  await page.goto('/');
  await expect(page.locator('[data-summary]')).toContainText(`0 of ${readyText}, 1 opened`);
  await expect(page.locator('[data-continue]')).toHaveText('Continue: Serverless computing: benefits and use cases');
  problems.expectNone();
});

test('the quiz gives instant feedback with the explanation for the chosen answer', async ({ page }) => {
  await page.goto(lesson1);
  const first = page.locator('lesson-quiz fieldset').first();
  await first.getByLabel('Replacing a failed disk.').check();
  const feedback = first.locator('[data-feedback]');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  await expect(feedback).toHaveText(/^Not quite\. Hardware is entirely the provider’s problem/);
  await first.getByLabel('The handler, its memory and its timeout.').check();
  await expect(feedback).toHaveText(/^Correct\. Your code and its configuration/);
  await expect(page.locator('[data-result]')).toHaveText(/^1 of \d+ answered correctly so far\.$/);
});

test('solving the challenge and the whole quiz completes the lesson, on the home page and in the sidebar', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(lesson1);
  const count = await answerAllCorrectly(page);
  await expect(page.locator('[data-result]')).toHaveText(`All ${count} correct. Quiz solved: this lesson's exercise is marked complete.`);
  // The lesson has two exercises: the quiz alone does not complete it.
  await expect(page.locator('lesson-visit')).toHaveText('In progress');
  await solveSaleChallenge(page);
  await expect(page.locator('lesson-visit')).toHaveText('Completed');
  await expect(sidebarLink(page)).toHaveAttribute('data-progress', 'completed');
  expect(await exerciseSolved(page, slug1, 'quiz')).toBe(true);
  await page.reload();
  await expect(sidebarLink(page)).toContainText('(completed)');
  await expect(page.locator('[data-result]')).toContainText('You have solved this quiz before');
  await page.goto('/');
  await expect(page.locator('[data-summary]')).toContainText(`1 of ${readyText}`);
  await expect(page.locator('.course-map a[href="/lessons/01-serverless-computing/"]')).toHaveAttribute('data-progress', 'completed');
  await expect(page.locator('progress[data-bar]')).toHaveAttribute('value', '1');
  problems.expectNone();
});

test('clicking through every wrong answer never completes the quiz or the lesson', async ({ page }) => {
  await page.goto(lesson1);
  const questions = page.locator('lesson-quiz fieldset');
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const wrong = questions.nth(i).locator('label:has(input[data-correct="false"])');
    for (let k = 0; k < (await wrong.count()); k++) await wrong.nth(k).click();
  }
  await expect(page.locator('[data-result]')).toHaveText(`0 of ${count} answered correctly so far.`);
  await expect(page.locator('lesson-visit')).toHaveText('In progress');
  expect(await exerciseSolved(page, slug1, 'quiz')).toBe(false);
});

test('a question answered correctly once still counts after the learner explores a wrong answer', async ({ page }) => {
  await page.goto(lesson1);
  const questions = page.locator('lesson-quiz fieldset');
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    await questions.nth(i).locator('label:has(input[data-correct="true"])').click();
    await questions.nth(i).locator('label:has(input[data-correct="false"])').first().click();
    await expect(questions.nth(i).locator('[data-feedback]')).toHaveText(/^Not quite\./);
  }
  await expect(page.locator('[data-result]')).toHaveText(`All ${count} correct. Quiz solved: this lesson's exercise is marked complete.`);
  expect(await exerciseSolved(page, slug1, 'quiz')).toBe(true);
});

test('the quiz can be answered with the keyboard alone', async ({ page }) => {
  await page.goto(lesson1);
  const first = page.locator('lesson-quiz fieldset').first();
  await first.locator('input').first().focus();
  await page.keyboard.press('Space');
  await expect(first.locator('[data-feedback]')).toHaveText(/^Not quite\./);
  // arrow keys move through a radio group and pick each answer in turn
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(first.getByLabel('The handler, its memory and its timeout.')).toBeChecked();
  await expect(first.locator('[data-feedback]')).toHaveText(/^Correct\./);
});

test('reset progress on the home page clears visited and completed lessons everywhere', async ({ page }) => {
  await page.goto(lesson1);
  await answerAllCorrectly(page);
  await solveSaleChallenge(page);
  await page.goto('/');
  await expect(page.locator('[data-summary]')).toContainText(`1 of ${readyText}`);
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.locator('[data-summary]')).toContainText(`0 of ${readyText}, 0 opened`);
  await expect(page.getByRole('status').filter({ hasText: 'Progress cleared.' })).toHaveCount(1);
  expect(await storedProgress(page)).toBeNull();
  await page.reload();
  await expect(page.locator('.course-map a[href="/lessons/01-serverless-computing/"]')).toHaveAttribute('data-progress', 'not-started');
});

for (const [name, raw] of [
  ['broken JSON', '{"version":1,"lessons":{'],
  ['a foreign value', JSON.stringify({ theme: 'dark', visited: ['a', 'b'] })],
]) {
  test(`${name} under the progress key is ignored with a warning and the lesson still works`, async ({ page }) => {
    const problems = watchConsole(page);
    await seedProgress(page, raw);
    await page.goto(lesson1);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('lesson-visit')).toHaveText('In progress');
    expect(problems.warnings.some((w) => w.includes(PROGRESS_STORAGE_KEY))).toBe(true);
    await answerAllCorrectly(page);
    expect(await exerciseSolved(page, slug1, 'quiz')).toBe(true);
    problems.expectNone();
  });
}
