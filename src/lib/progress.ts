// The learner's progress: which lessons were opened and which exercises were solved. Kept in
// localStorage under one versioned key; widgets call completeExercise() when the learner solves
// something. A value that is not ours (corrupt JSON, another shape, another version) is ignored
// with a console warning and replaced on the next write — progress must never break a page.

export const PROGRESS_STORAGE_KEY = 'lambda-lab:progress:v1';

export type LessonStatus = 'not-started' | 'visited' | 'completed';

export interface LessonProgress {
  /** ISO time the lesson was first opened. */
  visitedAt?: string;
  /** ISO time the lesson counted as completed. */
  completedAt?: string;
  /** Exercises the lesson declares (recorded when it is opened); all must be solved. */
  requiredExercises: string[];
  /** Solved exercise id -> ISO time. */
  solvedExercises: Record<string, string>;
}

export interface ProgressState {
  version: 1;
  lessons: Record<string, LessonProgress>;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ProgressStoreOptions {
  warn?: (message: string) => void;
  now?: () => Date;
}

export interface ProgressStore {
  getProgress(): ProgressState;
  getLessonStatus(slug: string): LessonStatus;
  markVisited(slug: string, requiredExercises?: readonly string[]): void;
  completeExercise(slug: string, exerciseId: string): void;
  markCompleted(slug: string): void;
  resetProgress(): void;
  subscribe(listener: (state: ProgressState) => void): () => void;
}

export function emptyProgress(): ProgressState {
  return { version: 1, lessons: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptionalString = (v: unknown) => v === undefined || typeof v === 'string';

function isLessonProgress(v: unknown): v is LessonProgress {
  return (
    isRecord(v) &&
    isOptionalString(v.visitedAt) &&
    isOptionalString(v.completedAt) &&
    Array.isArray(v.requiredExercises) &&
    v.requiredExercises.every((id) => typeof id === 'string') &&
    isRecord(v.solvedExercises) &&
    Object.values(v.solvedExercises).every((t) => typeof t === 'string')
  );
}

/** Parses a stored value; returns undefined (not a throw) for anything that is not version-1 progress. */
export function parseProgress(raw: string): ProgressState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.lessons)) return undefined;
  if (!Object.values(value.lessons).every(isLessonProgress)) return undefined;
  return value as unknown as ProgressState;
}

/** Pure status rule: completed beats visited; visited needs a recorded visit. */
export function lessonStatus(state: ProgressState, slug: string): LessonStatus {
  const lesson = state.lessons[slug];
  if (!lesson) return 'not-started';
  if (lesson.completedAt) return 'completed';
  return lesson.visitedAt ? 'visited' : 'not-started';
}

function allSolved(lesson: LessonProgress): boolean {
  return lesson.requiredExercises.length > 0 && lesson.requiredExercises.every((id) => id in lesson.solvedExercises);
}

export function createProgressStore(storage: StorageLike | null, options: ProgressStoreOptions = {}): ProgressStore {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(state: ProgressState) => void>();
  let memory = emptyProgress(); // used when storage is missing or refuses writes
  let lastWarnedRaw: string | undefined; // one warning per bad value, not one per read

  function read(): ProgressState {
    if (!storage) return structuredClone(memory);
    let raw: string | null;
    try {
      raw = storage.getItem(PROGRESS_STORAGE_KEY);
    } catch {
      return structuredClone(memory);
    }
    if (raw === null) return emptyProgress();
    const parsed = parseProgress(raw);
    if (!parsed) {
      if (raw !== lastWarnedRaw) warn(`Lambda Lab: ignoring unreadable progress in localStorage["${PROGRESS_STORAGE_KEY}"]; starting fresh.`);
      lastWarnedRaw = raw;
      return emptyProgress();
    }
    return parsed;
  }

  function write(state: ProgressState): void {
    memory = state;
    try {
      storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(state));
    } catch {
      warn('Lambda Lab: could not save progress (storage full or blocked); it is kept for this page only.');
    }
    for (const listener of listeners) listener(structuredClone(state));
  }

  function update(slug: string, change: (lesson: LessonProgress, at: string) => void): void {
    const state = read();
    const lesson = state.lessons[slug] ?? { requiredExercises: [], solvedExercises: {} };
    const at = now().toISOString();
    change(lesson, at);
    if (!lesson.completedAt && allSolved(lesson)) lesson.completedAt = at;
    state.lessons[slug] = lesson;
    write(state);
  }

  return {
    getProgress: read,
    getLessonStatus: (slug) => lessonStatus(read(), slug),
    markVisited(slug, requiredExercises) {
      update(slug, (lesson, at) => {
        lesson.visitedAt ??= at;
        if (requiredExercises) lesson.requiredExercises = [...requiredExercises];
      });
    },
    completeExercise(slug, exerciseId) {
      update(slug, (lesson, at) => {
        lesson.visitedAt ??= at;
        lesson.solvedExercises[exerciseId] ??= at;
      });
    },
    markCompleted(slug) {
      update(slug, (lesson, at) => {
        lesson.visitedAt ??= at;
        lesson.completedAt ??= at;
      });
    },
    resetProgress() {
      memory = emptyProgress();
      try {
        storage?.removeItem(PROGRESS_STORAGE_KEY);
      } catch {
        /* nothing stored that we could remove; memory is already empty */
      }
      for (const listener of listeners) listener(emptyProgress());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// The page-wide store over window.localStorage. Widgets import these functions directly.
let defaultStore: ProgressStore | undefined;

function browserStorage(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser: progress lives for this page only
  }
}

function store(): ProgressStore {
  defaultStore ??= createProgressStore(browserStorage());
  return defaultStore;
}

export const getProgress = (): ProgressState => store().getProgress();
export const getLessonStatus = (slug: string): LessonStatus => store().getLessonStatus(slug);
export const markVisited = (slug: string, requiredExercises?: readonly string[]): void =>
  store().markVisited(slug, requiredExercises);
export const completeExercise = (slug: string, exerciseId: string): void => store().completeExercise(slug, exerciseId);
export const markCompleted = (slug: string): void => store().markCompleted(slug);
export const resetProgress = (): void => store().resetProgress();

/** Calls listener on every change, in this tab or (through the storage event) in another. */
export function subscribe(listener: (state: ProgressState) => void): () => void {
  const unsubscribe = store().subscribe(listener);
  if (typeof window === 'undefined') return unsubscribe;
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) listener(store().getProgress());
  };
  window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    window.removeEventListener('storage', onStorage);
  };
}
