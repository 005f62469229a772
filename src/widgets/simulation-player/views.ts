// The views a player shows (data-views), read the same way by the element and by the pages that
// render its placeholder: player.css holds room for that many charts until the player is built.

export const ALL_VIEWS = 'summary timeline concurrency flows';

export function viewList(views: string | undefined): string[] {
  return (views ?? ALL_VIEWS).split(/\s+/).filter(Boolean);
}

/** How many charts the placeholder holds room for (player.css has rules for 1 to 4). */
export function chartCount(views: string | undefined): number {
  return Math.max(1, Math.min(4, new Set(viewList(views)).size));
}
