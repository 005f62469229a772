// Test-event JSON checking: where the error is, in words a learner can act on.
export type EventCheck = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function checkEventJson(text: string): EventCheck {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const { line, column } = locate(text, raw);
    // V8 appends its own position; ours is shown separately.
    const message = raw.replace(/\s*\(line \d+ column \d+\)\s*$/, '').replace(/ in JSON at position \d+/, '');
    return { ok: false, line, column, message };
  }
}

function locate(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
