// An exercise the simulation checks: plain data, so the same definition feeds the lesson's
// <Challenge> and a headless test in Node. No functions, no DOM: it must survive JSON.
import type { Scenario } from '../../../simulator/index';
import type { Knob } from '../../lib/viz/knobs';

/** What a goal measures in the engine's result (see measures.ts for each definition). */
export type MeasureName =
  | 'invocations' | 'coldStarts' | 'throttles' | 'errors' | 'p50' | 'p99' | 'maxDuration'
  | 'maxConcurrency' | 'environments' | 'cost' | 'costPerMillion' | 'latencyP99'
  | 'runCostPerMillion'
  | 'deadLettered' | 'messagesLost' | 'turnedAway' | 'iteratorAgeMax'
  | 'dbPeakConnections' | 'dbRefusedConnections'
  | 'accessDenied' | 'invokeDenied' | 'unneededGrants'
  | 'responsesMatching';

/** A measure and what it is taken over: one function, one source, or the whole run. */
export interface MeasureRef {
  measure: MeasureName;
  /** A function's name (default: the scenario's first function). */
  function?: string;
  /** A source's name: request counts (deadLettered, messagesLost, invocations) over its requests only. */
  source?: string;
  /** responsesMatching only: a regular expression tried on each response as JSON text. */
  pattern?: string;
  /** responsesMatching only: how a line names what the pattern looks for ("responses with a formatted price"). */
  patternLabel?: string;
}

export type Comparator = '<' | '<=' | '==' | '>=' | '>';

export interface Goal extends MeasureRef {
  op: Comparator;
  /** A number, or another measure of the same run ("no more connections than environments"). */
  value: number | MeasureRef;
  /** What the line says; default generated from the measure, e.g. "p99 duration of api < 300 ms". */
  label?: string;
}

/** Before the first run the learner commits a number, or picks one of these ranges. */
export interface Prediction extends MeasureRef {
  prompt: string;
  unit?: string;
  choices?: { label: string; min?: number; max?: number }[];
}

/**
 * A knob that picks one of a few named values (a destination, a queue): radio buttons, so the
 * choice is made among the options shown, not typed. `value: null` removes the field.
 */
export interface ChoiceKnob {
  path: string;
  label: string;
  choices: { label: string; value: string | null }[];
}

/** A knob's value in an attempt: a number (number knob), a string (choice knob), or null (not set). */
export type KnobValue = number | string | null;

/** What the learner may change: values at knob paths and, when `code` is set, a handler's source. */
export interface Attempt {
  knobs: Record<string, KnobValue>;
  code?: string;
}

export interface ChallengeSpec {
  /** The exercise id: listed in the lesson's `exercises`; keys progress and the saved attempt. */
  id: string;
  title: string;
  scenario: Scenario;
  knobs?: Knob[];
  /** Knobs that pick one of a few values, shown as radio groups under the number knobs. */
  choiceKnobs?: ChoiceKnob[];
  /**
   * The function whose handler code the learner edits (it must be a code handler). `alsoIn`:
   * other code functions that run the same edited module, each with its own `handler` setting
   * (one module, several entry points: an API handler, and its core logic called directly).
   */
  code?: { function: string; alsoIn?: string[] };
  goals: Goal[];
  prediction?: Prediction;
  /** Shown one at a time, on request. They point at the right knob, not its value. */
  hints: string[];
  /** One passing attempt (checked by a test) and the words shown with it after an attempt. */
  solution: { knobs?: Record<string, KnobValue>; code?: string; text: string };
}

export interface GoalCheck {
  goal: Goal;
  label: string;
  measured: number;
  /** The right-hand side, resolved when it is another measure. */
  target: number;
  met: boolean;
}
