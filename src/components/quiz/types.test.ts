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

  it('refuses a quiz whose correct answer is always in the same place', () => {
    const q = (n: number): QuizQuestion => ({ prompt: `Q${n}`, answers: [{ text: 'right one', correct: true, explanation: 'yes' }, { text: 'a longer wrong one', explanation: 'no' }] });
    expect(() => assertValidQuiz('q', [q(1), q(2), q(3)])).toThrow(/answer 1 in every question/);
  });

  it('refuses a quiz whose correct answer is the longest in most questions', () => {
    const first: QuizQuestion = { prompt: 'A', answers: [{ text: 'the long and right answer', correct: true, explanation: 'yes' }, { text: 'short', explanation: 'no' }] };
    const second: QuizQuestion = { prompt: 'B', answers: [{ text: 'short', explanation: 'no' }, { text: 'the long and right answer', correct: true, explanation: 'yes' }] };
    const third: QuizQuestion = { prompt: 'C', answers: [{ text: 'a long wrong answer here', explanation: 'no' }, { text: 'right', correct: true, explanation: 'yes' }] };
    expect(() => assertValidQuiz('q', [first, second, { ...first, prompt: 'D' }])).toThrow(/longest in 3 of 3/);
    expect(() => assertValidQuiz('q', [first, second, third, { ...third, prompt: 'E' }])).not.toThrow();
  });
});
