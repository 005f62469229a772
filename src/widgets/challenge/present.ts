// The words a challenge shows around a run: the committed prediction, the prediction against
// the outcome, and the one sentence the live region speaks after each run.
import { choiceIndex } from './attempt';
import { formatMeasured } from './measures';
import type { ChallengeSpec, GoalCheck, Prediction } from './types';
import type { SavedChallenge } from './saved';

/** The learner's prediction from the form, or undefined when none is given yet. */
export function readPrediction(prediction: Prediction, fieldset: HTMLElement): SavedChallenge['prediction'] {
  if (prediction.choices) {
    const picked = fieldset.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    return picked ? { choice: Number(picked.value) } : undefined;
  }
  const raw = fieldset.querySelector<HTMLInputElement>('input[type="number"]')?.value.trim() ?? '';
  const value = Number(raw);
  return raw !== '' && Number.isFinite(value) ? { value } : undefined;
}

/** "You predicted 1 cold start; the first run measured 10." */
export function versusText(spec: ChallengeSpec, committed: SavedChallenge['prediction']): string {
  const prediction = spec.prediction;
  if (!prediction || !committed || committed.measured === undefined) return '';
  const measured = formatMeasured(prediction, committed.measured);
  if (prediction.choices) {
    const picked = prediction.choices[committed.choice ?? -1]?.label ?? '?';
    const actual = choiceIndex(prediction, committed.measured);
    const verdict = actual === committed.choice ? 'Your prediction was right.' : `That is “${prediction.choices[actual]?.label ?? 'none of the choices'}”.`;
    return `You predicted “${picked}”. The first run measured ${measured}. ${verdict}`;
  }
  const unit = prediction.unit ? ` ${prediction.unit}` : '';
  const same = committed.value === committed.measured;
  return `You predicted ${committed.value}${unit}. The first run measured ${measured}.${same ? ' Exactly right.' : ''}`;
}

/** Spoken once per run: how many goals are met, and each goal's line. */
export function runSummary(run: number, checks: readonly GoalCheck[], solved: boolean): string {
  const met = checks.filter((c) => c.met).length;
  const lines = checks.map((c) => `${c.label}: ${c.met ? 'met' : 'not met'}, measured ${formatMeasured(c.goal, c.measured)}.`);
  const head = solved ? `Run ${run}: every goal met. Challenge solved.` : `Run ${run}: ${met} of ${checks.length} goals met.`;
  return [head, ...lines].join(' ');
}
