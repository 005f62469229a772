// The data a quiz is written in: plain objects in the lesson's MDX, checked at build time.
export interface QuizAnswer {
  text: string;
  correct?: boolean;
  /** Why this answer is right or wrong; shown as soon as it is picked. */
  explanation: string;
}

export interface QuizQuestion {
  prompt: string;
  answers: QuizAnswer[];
}

/**
 * A quiz whose right answer is always in the same place, or always the longest, can be passed
 * without reading it. With three or more questions, the build refuses both patterns.
 */
function assertNoGivenAway(id: string, questions: QuizQuestion[]): void {
  if (questions.length < 3) return;
  const right = questions.map((q) => q.answers.findIndex((a) => a.correct));
  if (right.every((i) => i === right[0])) throw new Error(`quiz "${id}": the correct answer is answer ${right[0] + 1} in every question; vary its place`);
  const longest = questions.filter((q, n) => q.answers.every((a, i) => i === right[n] || a.text.length < q.answers[right[n]].text.length));
  if (longest.length > questions.length / 2) throw new Error(`quiz "${id}": the correct answer is the longest in ${longest.length} of ${questions.length} questions; at most half may be`);
}

/** Throws (failing the build) unless every question has 2+ answers and exactly one correct one. */
export function assertValidQuiz(id: string, questions: QuizQuestion[]): void {
  if (questions.length === 0) throw new Error(`quiz "${id}" has no questions`);
  questions.forEach((q, i) => {
    const where = `quiz "${id}", question ${i + 1}`;
    if (!q.prompt?.trim()) throw new Error(`${where}: empty prompt`);
    if (q.answers.length < 2) throw new Error(`${where}: needs at least two answers`);
    const correct = q.answers.filter((a) => a.correct).length;
    if (correct !== 1) throw new Error(`${where}: needs exactly one correct answer, has ${correct}`);
    if (q.answers.some((a) => !a.explanation?.trim())) throw new Error(`${where}: every answer needs an explanation`);
  });
  assertNoGivenAway(id, questions);
}
