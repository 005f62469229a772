import { describe, expect, it } from 'vitest';
import { SORT_ITEMS, checkSorting, type Way } from './sorting';

const solution = Object.fromEntries(SORT_ITEMS.map((item) => [item.id, item.way]));

describe('the module 2 sorting exercise', () => {
  it('has eight services and every way at least twice', () => {
    expect(SORT_ITEMS).toHaveLength(8);
    for (const way of ['async', 'sync', 'polled']) expect(SORT_ITEMS.filter((i) => i.way === way).length).toBeGreaterThanOrEqual(2);
  });

  it('is not solved at the start, with nothing sorted', () => {
    expect(checkSorting({})).toEqual({ right: 0, unanswered: 8, wrong: [], solved: false });
  });

  it('F92: putting Cognito and Alexa under async push (as the source notes do) is wrong', () => {
    const verdict = checkSorting({ ...solution, cognito: 'async', alexa: 'async' });
    expect(verdict.solved).toBe(false);
    expect(verdict.wrong).toEqual(['cognito', 'alexa']);
  });

  it('the right sorting solves it', () => {
    expect(checkSorting(solution as Record<string, Way>)).toMatchObject({ right: 8, solved: true });
  });
});
