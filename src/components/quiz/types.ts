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
}
