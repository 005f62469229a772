// Every challenge in the course, run headless through the same code the page runs: the starting
// state must not meet its goals (or there is nothing to do) and the author's solution must.
import { describe, expect, test } from 'vitest';
import { runAttempt } from '../../src/widgets/challenge/run';
import { solutionAttempt, startingAttempt } from '../../src/widgets/challenge/attempt';
import { challengeProblems } from '../../src/widgets/challenge/validate';
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

const modules = import.meta.glob<Record<string, unknown>>('../../content/**/*.challenges.ts', { eager: true });

const isSpec = (v: unknown): v is ChallengeSpec =>
  typeof v === 'object' && v !== null && 'id' in v && 'scenario' in v && 'goals' in v;

const challenges = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).filter(([, v]) => isSpec(v)).map(([name, spec]) => ({ name: `${file.replace('../../', '')} ${name}`, spec: spec as ChallengeSpec })),
);

describe('challenges in content/', () => {
  test('the course has challenges to check', () => {
    expect(challenges.length).toBeGreaterThan(0);
  });

  test('exercise ids are unique within each file', () => {
    const byFile = new Map<string, string[]>();
    for (const { name, spec } of challenges) {
      const file = name.split(' ')[0];
      byFile.set(file, [...(byFile.get(file) ?? []), spec.id]);
    }
    for (const ids of byFile.values()) expect(new Set(ids).size).toBe(ids.length);
  });

  for (const { name, spec } of challenges) {
    describe(name, () => {
      test('is a valid definition', () => {
        expect(challengeProblems(spec)).toEqual([]);
      });

      test('its starting state does not meet the goals, with the same verdict on every run', async () => {
        const outcome = await runAttempt(spec, startingAttempt(spec));
        expect(outcome.checks.filter((c) => !c.met).length).toBeGreaterThan(0);
        expect(outcome.solved).toBe(false);
        const again = await runAttempt(spec, startingAttempt(spec));
        expect(again.checks).toEqual(outcome.checks);
      });

      test("the author's solution meets every goal", async () => {
        const outcome = await runAttempt(spec, solutionAttempt(spec));
        expect(outcome.checks.map((c) => [c.label, c.met])).toEqual(outcome.checks.map((c) => [c.label, true]));
        expect(outcome.solved).toBe(true);
      });
    });
  }
});
