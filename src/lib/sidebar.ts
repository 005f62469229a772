// Builds Starlight's sidebar from the curriculum, in course order, after the home page and the
// workbenches. Only lessons whose file exists get an entry (a sidebar link to a missing page
// would be a dead end); the home page lists the rest as "coming soon".
import fs from 'node:fs';
import path from 'node:path';
import { curriculum } from './curriculum';
import { workbenches } from './workbenches';

type SidebarItem = { label: string; link: string } | { label: string; items: { slug: string }[] };

export function lessonFileExists(contentDir: string, slug: string): boolean {
  return ['.mdx', '.md'].some((ext) => fs.existsSync(path.join(contentDir, `${slug}${ext}`)));
}

export function courseSidebar(contentDir: string): SidebarItem[] {
  const groups = curriculum
    .map((module) => ({
      label: `${module.number}. ${module.title}`,
      items: module.lessons.filter((l) => lessonFileExists(contentDir, l.slug)).map((l) => ({ slug: l.slug })),
    }))
    .filter((group) => group.items.length > 0);
  const tools = workbenches.map((w) => ({ label: w.title, link: w.href }));
  return [{ label: 'Course home', link: '/' }, ...tools, ...groups];
}
