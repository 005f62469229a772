export { default as Quiz } from './Quiz.astro';
export type { QuizAnswer, QuizQuestion } from './types';
