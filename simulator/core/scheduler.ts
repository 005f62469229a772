// Virtual time and the discrete-event loop. Nothing in the engine reads a wall clock: time
// moves only when the scheduler pops the next event and jumps to its due time.
import { EventQueue, TimedEvent } from './eventQueue';

const PRIORITY_SPAN = 2 ** 44;
export const PRIORITY_ARRIVAL = 0;
export const PRIORITY_NORMAL = 1;

export class Scheduler {
  private queue = new EventQueue();
  private seq = 0;
  private nowMs = 0;
  /** Pending, uncancelled foreground events: the run ends when this reaches 0. */
  private foreground = 0;
  private byId = new Map<number, TimedEvent>();
  private nextId = 1;
  /** Events run so far (a step counter for subscribers and caps). */
  stepCount = 0;

  now(): number {
    return this.nowMs;
  }

  /** Schedules fn at atMs (clamped to now); returns the event for cancelEvent. */
  at(atMs: number, fn: () => void, priority = PRIORITY_NORMAL, background = false): TimedEvent {
    return this.atWith(atMs, fn, undefined, priority, background);
  }

  /** Schedules fn(arg) at atMs: no closure per event on hot paths. */
  atWith<T>(atMs: number, fn: (arg: T) => void, arg: T, priority = PRIORITY_NORMAL, background = false): TimedEvent {
    const ev = new TimedEvent(atMs > this.nowMs ? atMs : this.nowMs, priority * PRIORITY_SPAN + this.seq++, fn, arg, background);
    this.queue.push(ev);
    if (!background) this.foreground++;
    return ev;
  }

  cancelEvent(ev: TimedEvent): void {
    if (ev.fn === null) return;
    ev.fn = null;
    if (!ev.background) this.foreground--;
  }

  /** Number-id form for plug-ins (sources, code runtime). */
  schedule(atMs: number, fn: () => void, priority = PRIORITY_NORMAL, background = false): number {
    const id = this.nextId++;
    const ev = this.at(atMs, () => {
      this.byId.delete(id);
      fn();
    }, priority, background);
    this.byId.set(id, ev);
    return id;
  }

  cancel(id: number): void {
    const ev = this.byId.get(id);
    if (!ev) return;
    this.byId.delete(id);
    this.cancelEvent(ev);
  }

  hasForeground(): boolean {
    return this.foreground > 0;
  }

  /** Due time of the next live event, or Infinity. Drops cancelled entries on the way. */
  nextTime(): number {
    for (;;) {
      const top = this.queue.peek();
      if (!top) return Infinity;
      if (top.fn !== null) return top.timeMs;
      this.queue.pop();
    }
  }

  /** Runs the next live event; false when none is left. */
  step(): boolean {
    for (;;) {
      const ev = this.queue.pop();
      if (!ev) return false;
      const fn = ev.fn;
      if (fn === null) continue;
      ev.fn = null;
      if (!ev.background) this.foreground--;
      this.nowMs = ev.timeMs;
      this.stepCount++;
      fn(ev.arg);
      return true;
    }
  }

  /** Moves the clock forward without running anything (runUntil past the last event). */
  advanceTo(timeMs: number): void {
    if (timeMs > this.nowMs) this.nowMs = timeMs;
  }
}
