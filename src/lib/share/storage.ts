// Autosave in localStorage. Every call survives a missing or full storage (private windows,
// quota, disabled cookies): losing autosave must never break the widget.
import type { ZodType } from 'zod';

export function loadSaved<T>(key: string, schema: ZodType<T>): T | undefined {
  let text: string | null = null;
  try {
    text = globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): boolean {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearSaved(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    /* nothing saved, nothing to clear */
  }
}
