// The course outline: the one list of modules and lessons that the sidebar, the home page and
// the tests read. Taken from shared/product.md ("The curriculum"). A lesson is "written" when
// its file exists at content/<slug>.mdx; until then the home page shows it as coming soon.

export interface PlannedLesson {
  /** Content collection id, also the URL path: content/<slug>.mdx -> /<slug>/ */
  slug: string;
  title: string;
}

export interface CourseModule {
  number: number;
  title: string;
  /** One line on what the module covers, shown on the home page. */
  blurb: string;
  lessons: readonly PlannedLesson[];
}

export const curriculum: readonly CourseModule[] = [
  {
    number: 1,
    title: 'Serverless computing',
    blurb: 'What “serverless” takes off your plate, what you pay for, and where it fits.',
    lessons: [{ slug: 'lessons/01-serverless-computing', title: 'Serverless computing: benefits and use cases' }],
  },
  {
    number: 2,
    title: 'The AWS serverless platform',
    blurb: 'Compute, API proxies, storage, databases, messaging, orchestration and analytics — and how each meets Lambda.',
    lessons: [{ slug: 'lessons/02-aws-serverless-platform', title: 'The AWS serverless platform' }],
  },
  {
    number: 3,
    title: 'What Lambda is',
    blurb: 'Run code without servers, pay for GB-seconds and requests, trigger it from services or call it directly.',
    lessons: [{ slug: 'lessons/03-what-is-lambda', title: 'What AWS Lambda is' }],
  },
  {
    number: 4,
    title: 'Lambda concepts',
    blurb: 'Event sources and payloads, the context object, runtimes, handlers and the Runtime API loop.',
    lessons: [{ slug: 'lessons/04-concepts', title: 'Events, context, runtime and handler' }],
  },
  {
    number: 5,
    title: 'The execution environment lifecycle',
    blurb: 'Init, Invoke, freeze and thaw, Shutdown; cold and warm starts; reusing the execution context.',
    lessons: [{ slug: 'lessons/05-execution-environment', title: 'The execution environment lifecycle' }],
  },
  {
    number: 6,
    title: 'Using Lambda',
    blurb: 'Your code and libraries, memory as the one knob, sync and async calls, execution roles and resource policies.',
    lessons: [{ slug: 'lessons/06-using-lambda', title: 'Using Lambda: code, memory and permissions' }],
  },
  {
    number: 7,
    title: 'How invocation works',
    blurb: 'Push (async with retries), request-response (sync, 429 throttles) and pull (event source mappings).',
    lessons: [
      { slug: 'lessons/07-invocation', title: 'Push and request-response: who sees the error' },
      { slug: 'lessons/07-event-source-mappings', title: 'Pull: queues, streams and event source mappings' },
    ],
  },
  {
    number: 8,
    title: 'Concurrency and scaling',
    blurb: 'Concurrency = rate × duration, scaling rate, reserved and provisioned concurrency, throttling.',
    lessons: [{ slug: 'lessons/08-concurrency-scaling', title: 'Concurrency and scaling' }],
  },
  {
    number: 9,
    title: 'Develop and deploy',
    blurb: 'Handler, function, execution role, upload, invoke, and monitor with metrics and logs.',
    lessons: [{ slug: 'lessons/09-develop-deploy', title: 'The develop and deploy workflow' }],
  },
  {
    number: 10,
    title: 'Layers',
    blurb: 'Shared code and data under /opt, the limits, and what package size does to a cold start.',
    lessons: [{ slug: 'lessons/10-layers', title: 'Layers' }],
  },
  {
    number: 11,
    title: 'Best practices',
    blurb: 'Lean handlers, context reuse, memory tuning, timeouts from load tests, concurrency vs downstream limits.',
    lessons: [{ slug: 'lessons/11-best-practices', title: 'Best practices' }],
  },
  {
    number: 12,
    title: 'Capstone',
    blurb: 'Tune an upload → S3 → function → queue → function → database pipeline to a latency and cost target.',
    lessons: [{ slug: 'lessons/12-capstone', title: 'Capstone: a pipeline under load' }],
  },
];

/** Every planned lesson in course order, with its module number. */
export function lessonsInOrder(): { module: CourseModule; lesson: PlannedLesson }[] {
  return curriculum.flatMap((module) => module.lessons.map((lesson) => ({ module, lesson })));
}

export function findLesson(slug: string): { module: CourseModule; lesson: PlannedLesson } | undefined {
  return lessonsInOrder().find((entry) => entry.lesson.slug === slug);
}

/** The site path of a lesson: '/lessons/01-x/' (Starlight's trailing-slash default). */
export function lessonHref(slug: string): string {
  return `/${slug}/`;
}

/** The inverse of lessonHref, tolerant of a missing trailing slash or a base path prefix. */
export function slugFromPath(pathname: string): string | undefined {
  const trimmed = pathname.replace(/index\.html$/, '').replace(/^\/+|\/+$/g, '');
  return lessonsInOrder().find(({ lesson }) => trimmed === lesson.slug || trimmed.endsWith(`/${lesson.slug}`))
    ?.lesson.slug;
}
