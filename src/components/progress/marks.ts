// Marks lesson links (sidebar, home page) with the learner's status: a small icon for the eye
// and words for screen readers, e.g. "Serverless computing (completed)".
import { slugFromPath } from '../../lib/curriculum';
import { getProgress, lessonStatus, type LessonStatus } from '../../lib/progress';

const spoken: Record<LessonStatus, string> = { 'not-started': '', visited: ' (visited)', completed: ' (completed)' };

export function decorateLessonLinks(root: ParentNode): void {
  const state = getProgress();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const slug = slugFromPath(new URL(link.href, location.href).pathname);
    if (!slug) continue;
    const status = lessonStatus(state, slug);
    link.dataset.progress = status;
    let mark = link.querySelector<HTMLElement>(':scope > .progress-mark');
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'progress-mark';
      link.append(mark);
    }
    mark.dataset.status = status;
    mark.innerHTML = status === 'not-started' ? '' : `<span class="sr-only">${spoken[status]}</span>`;
  }
}
