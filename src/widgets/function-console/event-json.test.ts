import { describe, expect, it } from 'vitest';
import { checkEventJson } from './event-json';

describe('test-event JSON check', () => {
  it('accepts valid JSON and returns the value', () => {
    expect(checkEventJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('points at the line of a missing comma', () => {
    const r = checkEventJson('{\n  "a": 1\n  "b": 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBe(3);
  });

  it('reports unexpected end of input on the last line', () => {
    const r = checkEventJson('{\n  "a": 1,\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.line).toBeGreaterThanOrEqual(2);
  });
});
