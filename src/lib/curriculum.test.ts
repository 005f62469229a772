import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curriculum, findLesson, lessonHref, lessonsInOrder, slugFromPath } from './curriculum';

describe('curriculum', () => {
  it('has the twelve modules of the product brief, numbered in order', () => {
    expect(curriculum.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(curriculum.every((m) => m.lessons.length > 0)).toBe(true);
  });

  it('gives every lesson a unique slug under lessons/', () => {
    const slugs = lessonsInOrder().map(({ lesson }) => lesson.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((s) => /^lessons\/\d\d-[a-z0-9-]+$/.test(s))).toBe(true);
  });

  it('lists every lesson file that exists in content/lessons', () => {
    const files = fs.readdirSync('content/lessons').filter((f) => /\.mdx?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(findLesson(`lessons/${file.replace(/\.mdx?$/, '')}`), file).toBeDefined();
  });

  it('maps a lesson path back to its slug, with or without the trailing slash', () => {
    const slug = 'lessons/01-serverless-computing';
    expect(slugFromPath(lessonHref(slug))).toBe(slug);
    expect(slugFromPath(`/${slug}`)).toBe(slug);
    expect(slugFromPath('/')).toBeUndefined();
    expect(slugFromPath('/lessons/99-nope/')).toBeUndefined();
  });
});
