// Helpers for lessons with <Challenge> and players: solve a challenge the way a learner does
// (knobs, the editor, the Run button) and check that every simulation on a page plays.
import { expect, type Locator, type Page } from '@playwright/test';
import { watchConsole } from './console';
import { scrollToWidgets, widgetReady } from './widgets';

export function challengeWidget(page: Page, id: string): Locator {
  return page.locator(`lambda-challenge:has(#chl-${id}-title)`);
}

/** The state of each goal line: 'unknown', 'met' or 'not-met'. */
export async function goalStates(widget: Locator): Promise<string[]> {
  return widget.locator('[data-goal]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.state ?? ''));
}

/** Each goal line's verdict text, e.g. "Not met: measured 1525.69 ms". */
export async function verdicts(widget: Locator): Promise<string[]> {
  return widget.locator('[data-part="verdict"]').allTextContents();
}

/** Presses Run (keyboard) and waits for the live region's sentence for that run. */
export async function runAttempt(widget: Locator, runNumber: number): Promise<string> {
  await expect(widget).toHaveAttribute('data-ready', '');
  await widget.locator('[data-action="run"]').focus();
  await widget.page().keyboard.press('Enter');
  const status = widget.locator('[data-part="status"]');
  await expect(status).toContainText(`Run ${runNumber}:`, { timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

/** Types a knob's value and commits it with Enter, as a learner would. */
export async function setKnob(widget: Locator, label: string, value: number): Promise<void> {
  const input = widget.getByLabel(label);
  await input.fill(String(value));
  await input.press('Enter');
}

/** Plays every simulation player on the page until its virtual clock has moved. */
export async function playEveryPlayer(page: Page): Promise<number> {
  const players = page.locator('lambda-simulation-player');
  const count = await players.count();
  for (let i = 0; i < count; i++) {
    const player = players.nth(i);
    await widgetReady(player);
    await player.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => player.evaluate((el) => (el as unknown as { player: { viewMs: number } }).player.viewMs), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await player.getByRole('button', { name: 'Pause' }).click();
  }
  return count;
}

/** Replaces the challenge's code the way a learner pastes a fix: click in Monaco, select all, paste. */
export async function pasteCode(widget: Locator, code: string): Promise<void> {
  const page = widget.page();
  await expect(widget).toHaveAttribute('data-editor', 'monaco', { timeout: 60_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await widget.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Watches the console, opens the lesson and scrolls to one challenge. */
export async function openChallenge(page: Page, path: string, id: string): Promise<{ problems: ReturnType<typeof watchConsole>; widget: Locator }> {
  const problems = watchConsole(page);
  await page.goto(path);
  await scrollToWidgets(page);
  const widget = challengeWidget(page, id);
  await widget.scrollIntoViewIfNeeded();
  return { problems, widget };
}
