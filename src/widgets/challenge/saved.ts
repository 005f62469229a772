// The learner's attempt, prediction and hints, kept across reloads under one versioned key per
// challenge. Anything unreadable in storage (garbage, an old shape, a knob the challenge no
// longer has) is dropped and the challenge starts from its starting state.
import { z } from 'zod';
import { clearSaved, loadSaved, save } from '../../lib/share/storage';
import type { Attempt, ChallengeSpec } from './types';

export const SAVED_VERSION = 1;

export const savedSchema = z.object({
  version: z.literal(SAVED_VERSION),
  attempt: z.object({
    knobs: z.record(z.string(), z.union([z.number(), z.string().max(200)]).nullable()),
    code: z.string().max(200_000).optional(),
  }),
  /** The committed prediction: a number, or the index of a choice. */
  prediction: z.object({
    value: z.number().optional(),
    choice: z.number().int().min(0).optional(),
    /** What the first run measured, kept so the comparison survives a reload. */
    measured: z.number().optional(),
  }).optional(),
  /** Runs so far (the solution is offered after the first). */
  runs: z.number().int().min(0),
  hintsShown: z.number().int().min(0),
});

export type SavedChallenge = z.infer<typeof savedSchema>;

export const savedKey = (lesson: string, id: string) => `lambda-lab:challenge:v${SAVED_VERSION}:${lesson}:${id}`;

/** The saved state, with only the knobs this challenge offers and code only if it has an editor. */
export function loadChallenge(key: string, spec: ChallengeSpec, start: Attempt): SavedChallenge {
  const fresh: SavedChallenge = { version: SAVED_VERSION, attempt: start, runs: 0, hintsShown: 0 };
  const saved = loadSaved(key, savedSchema);
  if (!saved) return fresh;
  const knobs = { ...start.knobs };
  for (const knob of spec.knobs ?? []) {
    const v = saved.attempt.knobs[knob.path];
    if (v === null || typeof v === 'number') knobs[knob.path] = v;
  }
  // A choice is kept only while the challenge still offers it.
  for (const knob of spec.choiceKnobs ?? []) {
    const v = saved.attempt.knobs[knob.path];
    if (knob.choices.some((c) => c.value === v)) knobs[knob.path] = v!;
  }
  const code = spec.code ? (saved.attempt.code ?? start.code) : undefined;
  return {
    ...saved,
    attempt: code === undefined ? { knobs } : { knobs, code },
    hintsShown: Math.min(saved.hintsShown, spec.hints.length),
  };
}

export const storeChallenge = (key: string, state: SavedChallenge): boolean => save(key, state);
export const forgetChallenge = (key: string): void => clearSaved(key);
