// Reads and writes the learner's progress the way the site stores it (src/lib/progress.ts), so a
// widget's test can check that solving its exercise reached the progress API.
//
//   expect(await exerciseSolved(page, 'lessons/05-execution-environment', 'cold-start-hunt')).toBe(true);
import type { Page } from '@playwright/test';
import { PROGRESS_STORAGE_KEY } from '../../../src/lib/progress';

export { PROGRESS_STORAGE_KEY };

export async function storedProgress(page: Page): Promise<unknown> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  }, PROGRESS_STORAGE_KEY);
}

export async function exerciseSolved(page: Page, lessonSlug: string, exerciseId: string): Promise<boolean> {
  const state = (await storedProgress(page)) as { lessons?: Record<string, { solvedExercises?: Record<string, string> }> } | null;
  return Boolean(state?.lessons?.[lessonSlug]?.solvedExercises?.[exerciseId]);
}

/** Puts a raw string under the progress key before any page script runs. */
export async function seedProgress(page: Page, raw: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [PROGRESS_STORAGE_KEY, raw] as const,
  );
}
