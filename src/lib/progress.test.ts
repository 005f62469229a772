import { describe, expect, it, vi } from 'vitest';
import { createProgressStore, parseProgress, PROGRESS_STORAGE_KEY, type StorageLike } from './progress';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');
const lesson = 'lessons/01-serverless-computing';

describe('progress store', () => {
  it('reports a lesson as not started when nothing is stored', () => {
    const store = createProgressStore(memoryStorage());
    expect(store.getLessonStatus(lesson)).toBe('not-started');
    expect(store.getProgress()).toEqual({ version: 1, lessons: {} });
  });

  it('marks a lesson visited and keeps it under the one versioned key', () => {
    const storage = memoryStorage();
    createProgressStore(storage, { now: fixedNow }).markVisited(lesson, ['quiz']);
    expect([...storage.data.keys()]).toEqual([PROGRESS_STORAGE_KEY]);
    expect(PROGRESS_STORAGE_KEY).toBe('lambda-lab:progress:v1');
    // a second store over the same storage is what a reload sees
    const reloaded = createProgressStore(storage);
    expect(reloaded.getLessonStatus(lesson)).toBe('visited');
    expect(reloaded.getProgress().lessons[lesson].visitedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('completes a lesson only when every declared exercise is solved', () => {
    const store = createProgressStore(memoryStorage());
    store.markVisited(lesson, ['quiz', 'cold-start-hunt']);
    store.completeExercise(lesson, 'quiz');
    expect(store.getLessonStatus(lesson)).toBe('visited');
    store.completeExercise(lesson, 'cold-start-hunt');
    expect(store.getLessonStatus(lesson)).toBe('completed');
  });

  it('does not complete a lesson that declares no exercises when some other exercise is solved', () => {
    const store = createProgressStore(memoryStorage());
    store.markVisited(lesson, []);
    store.completeExercise(lesson, 'quiz');
    expect(store.getLessonStatus(lesson)).toBe('visited');
    store.markCompleted(lesson);
    expect(store.getLessonStatus(lesson)).toBe('completed');
  });

  it('keeps a completed lesson completed when it is visited again', () => {
    const store = createProgressStore(memoryStorage());
    store.markVisited(lesson, ['quiz']);
    store.completeExercise(lesson, 'quiz');
    store.markVisited(lesson, ['quiz']);
    expect(store.getLessonStatus(lesson)).toBe('completed');
  });

  it('tells subscribers about every change and stops after unsubscribe', () => {
    const store = createProgressStore(memoryStorage());
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(Object.keys(s.lessons).join(',') || 'empty'));
    store.markVisited(lesson);
    store.resetProgress();
    unsubscribe();
    store.markVisited(lesson);
    expect(seen).toEqual([lesson, 'empty']);
  });

  it('forgets everything on reset', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.markCompleted(lesson);
    store.resetProgress();
    expect(store.getLessonStatus(lesson)).toBe('not-started');
    expect(storage.data.has(PROGRESS_STORAGE_KEY)).toBe(false);
  });

  it.each([
    ['broken JSON', '{"version":1,"lessons":'],
    ['another version', JSON.stringify({ version: 2, lessons: {} })],
    ['a foreign shape', JSON.stringify({ hello: 'world' })],
    ['a lesson entry of the wrong type', JSON.stringify({ version: 1, lessons: { x: 'done' } })],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
  ])('ignores %s with one console warning and no crash', (_name, raw) => {
    const warn = vi.fn();
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: raw });
    const store = createProgressStore(storage, { warn });
    expect(store.getProgress()).toEqual({ version: 1, lessons: {} });
    expect(store.getLessonStatus(lesson)).toBe('not-started');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain(PROGRESS_STORAGE_KEY);
    // the next write replaces the bad value with real progress
    store.markVisited(lesson);
    expect(parseProgress(storage.data.get(PROGRESS_STORAGE_KEY)!)?.lessons[lesson]).toBeDefined();
  });

  it('keeps working in memory when storage throws', () => {
    const warn = vi.fn();
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createProgressStore(throwing, { warn });
    store.markVisited(lesson);
    expect(store.getLessonStatus(lesson)).toBe('visited');
    expect(warn).toHaveBeenCalled();
    expect(() => store.resetProgress()).not.toThrow();
    expect(store.getLessonStatus(lesson)).toBe('not-started');
  });

  it('works without any storage at all (server rendering)', () => {
    const store = createProgressStore(null);
    store.completeExercise(lesson, 'quiz');
    expect(store.getProgress().lessons[lesson].solvedExercises).toHaveProperty('quiz');
  });
});
