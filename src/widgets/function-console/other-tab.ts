// Another tab of the site editing the same console: the browser's `storage` event tells this tab
// when the other one autosaves. The last write wins; this tab only says so and offers the text.
import { consoleStateSchema, type ConsoleState } from './state';

/** Calls `onChange` with the other tab's saved state, or `null` when it reset the console. */
export function watchOtherTabs(key: string, onChange: (state: ConsoleState | null) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key !== key) return; // also null: the whole storage was cleared, nothing to offer
    if (e.newValue === null) {
      onChange(null);
      return;
    }
    try {
      const parsed = consoleStateSchema.safeParse(JSON.parse(e.newValue));
      if (parsed.success) onChange(parsed.data);
    } catch {
      /* not ours to read: ignore */
    }
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
