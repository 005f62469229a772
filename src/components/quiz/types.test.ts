import { describe, expect, it } from 'vitest';
import { assertValidQuiz, type QuizQuestion } from './types';

const good: QuizQuestion = {
  prompt: 'Who manages the servers?',
  answers: [
    { text: 'AWS', correct: true, explanation: 'The provider runs them.' },
    { text: 'You', explanation: 'Not with Lambda.' },
  ],
};

describe('quiz validation', () => {
  it('accepts questions with exactly one correct, explained answer', () => {
    expect(() => assertValidQuiz('quiz', [good])).not.toThrow();
  });

  it('rejects a question with two correct answers', () => {
    const twoRight = { ...good, answers: good.answers.map((a) => ({ ...a, correct: true })) };
    expect(() => assertValidQuiz('quiz', [twoRight])).toThrow(/exactly one correct answer, has 2/);
  });

  it('rejects a question with no correct answer, a lone answer, or a missing explanation', () => {
    expect(() => assertValidQuiz('q', [{ ...good, answers: good.answers.map((a) => ({ ...a, correct: false })) }])).toThrow(/has 0/);
    expect(() => assertValidQuiz('q', [{ ...good, answers: [good.answers[0]] }])).toThrow(/at least two/);
    expect(() => assertValidQuiz('q', [{ ...good, answers: [good.answers[0], { text: 'x', explanation: ' ' }] }])).toThrow(/explanation/);
  });

  it('rejects an empty quiz', () => {
    expect(() => assertValidQuiz('q', [])).toThrow(/no questions/);
  });
});
