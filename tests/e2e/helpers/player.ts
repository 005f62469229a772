// Helpers for specs that drive a <lambda-simulation-player> (in the page or in an embed's frame).
import type { Locator } from '@playwright/test';
import { widgetReady } from './widgets';

type PlayerHandle = { player: { seek(t: number): void; settled(): Promise<void> } };

/**
 * Sends the player's cursor to `t` (virtual ms; 1e9 for the end of the run) and waits until the
 * simulation has delivered that far and a frame has drawn it.
 */
export async function seekPlayer(player: Locator, t: number): Promise<void> {
  await widgetReady(player); // a player's code loads as it nears the viewport
  await player.evaluate(async (el, to) => {
    const { player: p } = el as unknown as PlayerHandle;
    p.seek(to);
    await p.settled();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, t);
}
