// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { monacoLazyCss } from './build/monaco-lazy-css.mjs';
import { workerRuntime } from './build/worker-runtime.mjs';
import { cspBuild, CSP_DIRECTIVES, CSP_SCRIPT_SOURCES, CSP_STYLE_SOURCES } from './build/csp.mjs';
import { pagefindOnOpen } from './build/pagefind-on-open.mjs';
import { courseSidebar } from './src/lib/sidebar.ts';

const contentDir = fileURLToPath(new URL('./content', import.meta.url));

export default defineConfig({
  site: 'https://lambda-lab.example',
  // The content security policy and its exceptions: build/csp.mjs.
  security: {
    csp: {
      directives: CSP_DIRECTIVES,
      scriptDirective: { resources: CSP_SCRIPT_SOURCES },
      styleDirective: { resources: CSP_STYLE_SOURCES },
    },
  },
  integrations: [
    cspBuild(),
    starlight({
      title: 'Lambda Lab',
      description: 'An interactive course on serverless computing and AWS Lambda that runs in your browser.',
      favicon: '/favicon.svg',
      // Course order comes from src/lib/curriculum.ts; Starlight derives prev/next from it.
      sidebar: courseSidebar(contentDir),
      customCss: ['./src/styles/course.css'],
      routeMiddleware: './src/route-data.ts',
      components: {
        PageTitle: './src/components/LessonHeader.astro',
        Sidebar: './src/components/ProgressSidebar.astro',
        SocialIcons: './src/components/WorkbenchLinks.astro',
        ThemeProvider: './src/components/ThemeProvider.astro',
      },
    }),
  ],
  vite: {
    plugins: [monacoLazyCss(), workerRuntime(), pagefindOnOpen()],
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 8000 }, // monaco chunks are large by design and load lazily
  },
});
