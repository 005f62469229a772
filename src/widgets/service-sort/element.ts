// <lambda-service-sort>: checks the learner's sorting with checkSorting and reports a solved
// exercise to the progress API.
import { completeExercise, getProgress } from '../../lib/progress';
import { checkSorting, type SortItem, type Way } from './sorting';

class ServiceSortElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const items = JSON.parse(this.querySelector('[data-items]')?.textContent ?? '[]') as SortItem[];
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check(form, items);
    });
    const { lesson = '', exercise = '' } = this.dataset;
    if (getProgress().lessons[lesson]?.solvedExercises[exercise]) this.result('You have solved this before. Sort them again any time.');
  }

  private check(form: HTMLFormElement, items: SortItem[]): void {
    const data = new FormData(form);
    const answers: Record<string, Way | undefined> = {};
    for (const item of items) answers[item.id] = (data.get(`sort-${this.dataset.exercise}-${item.id}`) as Way | null) ?? undefined;
    const verdict = checkSorting(answers);
    for (const item of items) {
      const fieldset = this.querySelector<HTMLElement>(`[data-item="${item.id}"]`);
      const feedback = fieldset?.querySelector<HTMLElement>('[data-feedback]');
      if (!fieldset || !feedback) continue;
      const state = answers[item.id] === undefined ? 'open' : verdict.wrong.includes(item.id) ? 'wrong' : 'right';
      fieldset.dataset.state = state;
      feedback.textContent = state === 'open' ? 'Not sorted yet.' : state === 'wrong' ? 'Not quite: think about who waits for the answer, and who calls whom.' : `Right. ${item.why}`;
    }
    if (!verdict.solved) {
      this.result(`${verdict.right} of ${items.length} right${verdict.unanswered ? `, ${verdict.unanswered} not sorted yet` : ''}. Change the ones marked and check again.`);
      return;
    }
    const { lesson, exercise } = this.dataset;
    if (lesson && exercise) completeExercise(lesson, exercise);
    this.result(`All ${items.length} right. Exercise solved.`, 'solved');
  }

  private result(text: string, state = 'partial'): void {
    const node = this.querySelector<HTMLElement>('[data-result]');
    if (!node) return;
    node.textContent = text;
    node.dataset.state = state;
  }
}

if (!customElements.get('lambda-service-sort')) customElements.define('lambda-service-sort', ServiceSortElement);
