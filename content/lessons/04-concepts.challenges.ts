// The exercise of lesson 4 that the engine's simulate() checks: use the context object's
// remaining time (F111) to stop work before the timeout (F29, F133). The custom-runtime exercise
// of the same lesson is checked by the simulated Runtime API (<BootstrapExercise>).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

const STARTER = `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const handler = async (event, context) => {
  const done = [];
  for (const item of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {
    await sleep(500); // working on one item takes half a second
    done.push(item);
  }
  // Whatever is not done, the next invocation picks up.
  return { done, left: 10 - done.length };
};
`;

const SOLUTION = STARTER.replace(
  "  for (const item of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {\n",
  "  for (const item of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) {\n    if (context.getRemainingTimeInMillis() < 1000) break; // keep a second in hand\n",
);

export const remainingTime: ChallengeSpec = {
  id: 'remaining-time',
  title: 'Stop before the timeout',
  scenario: {
    seed: 4,
    durationMs: 9000,
    functions: [{ name: 'batch-job', memoryMB: 512, timeoutMs: 3000, handler: { kind: 'code', source: STARTER } }],
    sources: [{ name: 'scheduler', type: 'invoke', function: 'batch-job', invocationType: 'RequestResponse', arrivals: { at: [0, 4500] } }],
  },
  code: { function: 'batch-job' },
  goals: [
    { measure: 'errors', op: '==', value: 0, label: 'no invocation ends in an error (a timeout is one)' },
    { measure: 'p50', op: '>=', value: 1500, label: 'each invocation works for at least 1.5 s (p50 duration)' },
  ],
  prediction: {
    measure: 'errors',
    prompt: 'the timeout is 3 s and the loop needs 5 s. Of the two invocations, how many end in an error?',
    choices: [{ label: 'none', max: 0 }, { label: 'one', min: 1, max: 1 }, { label: 'both', min: 2 }],
  },
  hints: [
    'The second argument of the handler knows how much time is left.',
    'Check the time left before you start an item that takes half a second, and stop while there is still some to spare.',
  ],
  solution: {
    code: SOLUTION,
    text: 'Before each item, ask context.getRemainingTimeInMillis() and stop when less than a second is left; return what is done. A margin between about 600 ms and 1.4 s passes. With no margin the last item runs into the timeout.',
  },
};
