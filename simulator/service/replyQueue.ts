// Replies from code runtimes (real workers) arrive in whatever order the threads happen to answer.
// While the engine waits for tracked work, every reply is queued; once all of it has settled the
// queue is applied in environment order, then in each environment's own order. The result thus
// depends on virtual time and seeded choices only, never on which worker answered first.

interface Reply {
  source: number;
  n: number;
  fn: (() => void) | null;
  /** A schedule() made by this reply: its placeholder id, mapped to the real one when applied. */
  placeholder?: number;
}

export class ReplyQueue {
  private queue: Reply[] = [];
  private n = 0;
  private sources = 0;
  private nextPlaceholder = -1;
  private readonly real = new Map<number, number>();
  private readonly queuedSchedules = new Map<number, Reply>();
  /** True while the engine awaits tracked work: calls from runtimes then queue. */
  waiting = false;

  /** An order key for one runtime (one execution environment), in creation order. */
  nextSource(): number {
    return ++this.sources;
  }

  get size(): number {
    return this.queue.length;
  }

  /** Runs fn now inside an engine step; queues it while the engine waits for workers. */
  deliver(source: number, fn: () => void): void {
    if (this.waiting) this.queue.push({ source, n: this.n++, fn });
    else fn();
  }

  /** schedule() for a runtime: while queued, the id is a placeholder that cancel() understands. */
  schedule(source: number, atMs: number, fn: () => void, schedule: (atMs: number, fn: () => void) => number): number {
    if (!this.waiting) return schedule(atMs, fn);
    const placeholder = this.nextPlaceholder--;
    const reply: Reply = { source, n: this.n++, fn: null, placeholder };
    reply.fn = () => {
      this.queuedSchedules.delete(placeholder);
      this.real.set(placeholder, schedule(atMs, () => {
        this.real.delete(placeholder);
        fn();
      }));
    };
    this.queuedSchedules.set(placeholder, reply);
    this.queue.push(reply);
    return placeholder;
  }

  cancel(id: number, cancel: (id: number) => void): void {
    if (id >= 0) return cancel(id);
    const queued = this.queuedSchedules.get(id);
    if (queued) {
      queued.fn = null;
      this.queuedSchedules.delete(id);
      return;
    }
    const realId = this.real.get(id);
    this.real.delete(id);
    if (realId !== undefined) cancel(realId);
  }

  /** Applies every queued reply in order (environment, then arrival); false when none was queued. */
  apply(): boolean {
    if (this.queue.length === 0) return false;
    const replies = this.queue.sort((a, b) => a.source - b.source || a.n - b.n);
    this.queue = [];
    for (const r of replies) r.fn?.();
    return true;
  }
}
