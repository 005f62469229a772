// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { monacoLazyCss } from './build/monaco-lazy-css.mjs';

export default defineConfig({
  site: 'https://lambda-lab.example',
  integrations: [
    starlight({
      title: 'Lambda Lab',
      sidebar: [{ label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] }],
    }),
  ],
  vite: {
    plugins: [monacoLazyCss()],
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 8000 }, // monaco chunks are large by design and load lazily
  },
});
