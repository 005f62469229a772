// The lesson part of the content schema. A lesson page carries it under `lesson:` in its
// frontmatter; pages that are not lessons (the home page) leave it out. The build fails on a
// lesson whose fields are missing or malformed (see src/route-data.ts for the cross-checks).
import { z } from 'astro/zod';

/** An exercise id: lower-case words joined by dashes, e.g. "quiz" or "cold-start-hunt". */
export const exerciseIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'exercise ids are kebab-case');

export const lessonFieldsSchema = z.object({
  /** The curriculum module (1..12) this lesson belongs to; must match src/lib/curriculum.ts. */
  module: z.number().int().min(1).max(12),
  /** Position inside its module, from 1. */
  order: z.number().int().min(1),
  /** One or two sentences for the home page and the lesson header. */
  summary: z.string().min(20).max(300),
  /** What the learner can do after the lesson; shown at the top of the page. */
  objectives: z.array(z.string().min(5)).min(1).max(8),
  estimatedMinutes: z.number().int().min(1).max(120),
  /** Exercises that must all be solved for the lesson to count as completed. */
  exercises: z.array(exerciseIdSchema).default([]),
});

export type LessonFields = z.infer<typeof lessonFieldsSchema>;

/** Extension passed to Starlight's docsSchema. */
export const lessonExtension = z.object({ lesson: lessonFieldsSchema.optional() });
