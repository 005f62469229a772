// An exercise widget belongs to the lesson it is on: its id must be listed in that lesson's
// frontmatter (lesson.exercises), or the lesson could never count as completed. Checked at build.
interface LessonLocals {
  starlightRoute: { entry: { id: string; data: { lesson?: { exercises: readonly string[] } } } };
}

/** The lesson's slug (its progress key); throws, failing the build, when `id` is not declared. */
export function exerciseLesson(locals: LessonLocals, id: string, component: string): string {
  const { entry } = locals.starlightRoute;
  if (!entry.data.lesson?.exercises.includes(id)) throw new Error(`content/${entry.id}: <${component} id="${id}"> needs "${id}" in lesson.exercises`);
  return entry.id;
}
