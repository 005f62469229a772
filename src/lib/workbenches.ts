// The two pages beside the lessons where a learner works freely: the lab (their own handler)
// and the playground (any scenario). The header, the sidebar and the home page all list them
// from here; previous/next links skip them, since they are not steps of the course.

export interface Workbench {
  href: string;
  /** Short name for the header. */
  label: string;
  /** Name in the sidebar and on the home page. */
  title: string;
  /** One line on what a learner does there, for the home page. */
  blurb: string;
}

export const workbenches: readonly Workbench[] = [
  {
    href: '/lab/',
    label: 'Lab',
    title: 'Lab: your function',
    blurb: 'Write a handler in JavaScript or TypeScript, pick a test event, invoke it and read the REPORT lines.',
  },
  {
    href: '/playground/',
    label: 'Playground',
    title: 'Playground',
    blurb: 'Play any scenario, from a steady load to a burst or a stream, step through it and share it as a link.',
  },
];

export function isWorkbench(href: string): boolean {
  return workbenches.some((w) => w.href === href);
}
