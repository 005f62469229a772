import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonExtension } from './lib/lesson-schema';

// Lessons live in content/ (not src/content/docs) so course text stays apart from site code.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: lessonExtension }),
  }),
};
