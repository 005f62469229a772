// Build-time checks on every lesson page: a page under lessons/ must carry the lesson
// frontmatter and sit in the curriculum under the module it claims. Throwing here fails the
// build, so a misfiled lesson never ships. Also: previous/next walk the course, not the
// workbenches listed beside it in the sidebar.
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { findLesson } from './lib/curriculum';
import { isWorkbench } from './lib/workbenches';

export const onRequest = defineRouteMiddleware((context) => {
  const { entry } = context.locals.starlightRoute;
  skipWorkbenches(context.locals.starlightRoute, isWorkbench(context.url.pathname));
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

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

/**
 * Previous/next never lead to or from a workbench (the lab, the playground): they step over
 * them to the neighbouring course page, and a workbench page shows neither.
 */
function skipWorkbenches(route: StarlightRouteData, onWorkbench: boolean): void {
  const { pagination } = route;
  if (onWorkbench) {
    pagination.prev = pagination.next = undefined;
    return;
  }
  const course = links(route.sidebar).filter((link) => !isWorkbench(link.href));
  const here = course.findIndex((link) => link.isCurrent);
  if (pagination.prev && isWorkbench(pagination.prev.href)) pagination.prev = here > 0 ? course[here - 1] : undefined;
  if (pagination.next && isWorkbench(pagination.next.href)) pagination.next = here >= 0 ? course[here + 1] : undefined;
}

function links(entries: SidebarEntry[]): SidebarLink[] {
  return entries.flatMap((entry) => (entry.type === 'group' ? links(entry.entries) : [entry]));
}
