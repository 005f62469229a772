// Build-time checks on every lesson page: a page under lessons/ must carry the lesson
// frontmatter and sit in the curriculum under the module it claims. Throwing here fails the
// build, so a misfiled lesson never ships.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { findLesson } from './lib/curriculum';

export const onRequest = defineRouteMiddleware((context) => {
  const { entry } = context.locals.starlightRoute;
  if (!entry.id.startsWith('lessons/')) return;
  const planned = findLesson(entry.id);
  if (!planned) {
    throw new Error(`content/${entry.id}: not in src/lib/curriculum.ts; add it there (course order comes from that list)`);
  }
  const lesson = entry.data.lesson;
  if (!lesson) throw new Error(`content/${entry.id}: a lesson needs the \`lesson:\` frontmatter (see README "How to add a lesson")`);
  if (lesson.module !== planned.module.number) {
    throw new Error(`content/${entry.id}: frontmatter says module ${lesson.module}, curriculum says ${planned.module.number}`);
  }
});
