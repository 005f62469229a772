// A binary min-heap of timed events ordered by (time, priority, scheduling order).
// Hand-written rather than heap-js: comparisons are inlined on two number fields instead of
// a comparator call per sift step (measured in bench/heap.ts; see simulator/README.md).

export class TimedEvent {
  /** Cleared on cancel (lazy deletion: the entry stays in the heap until popped). */
  fn: ((arg: any) => void) | null;
  constructor(
    readonly timeMs: number,
    /** priority * 2^44 + sequence number: ties at the same ms keep priority, then FIFO. */
    readonly key: number,
    fn: (arg: any) => void,
    /** Passed to fn: lets hot paths schedule a shared function instead of a fresh closure. */
    readonly arg: unknown,
    readonly background: boolean,
  ) {
    this.fn = fn;
  }
}

export class EventQueue {
  private items: TimedEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimedEvent | undefined {
    return this.items[0];
  }

  push(ev: TimedEvent): void {
    const a = this.items;
    let i = a.length;
    a.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p];
      if (parent.timeMs < ev.timeMs || (parent.timeMs === ev.timeMs && parent.key < ev.key)) break;
      a[i] = parent;
      i = p;
    }
    a[i] = ev;
  }

  pop(): TimedEvent | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      const r = l + 1;
      if (r < n) {
        const x = a[r], y = a[l];
        if (x.timeMs < y.timeMs || (x.timeMs === y.timeMs && x.key < y.key)) c = r;
      }
      const child = a[c];
      if (last.timeMs < child.timeMs || (last.timeMs === child.timeMs && last.key < child.key)) break;
      a[i] = child;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
