// The unfinished requests of a RequestColumns batch, by slot. Slots are handed out in order
// and most requests finish soon after they arrive, so only the window from the oldest
// unfinished slot on is kept: a slot per request would make a million-entry array that every
// scavenge scans while it holds young records.
import type { RequestRecord } from './records';

export class LiveRequests {
  private items: (RequestRecord | undefined)[] = [];
  /** The slot of items[0]. */
  private base = 0;
  /** items before this index are all finished. */
  private head = 0;

  /** The request in the next slot (slots are consecutive from 0). */
  push(r: RequestRecord | undefined): void {
    this.items.push(r);
    this.dropFinished();
  }

  get(slot: number): RequestRecord | undefined {
    const i = slot - this.base;
    return i >= 0 ? this.items[i] : undefined;
  }

  delete(slot: number): void {
    const i = slot - this.base;
    if (i < 0 || i >= this.items.length) return;
    this.items[i] = undefined;
    if (i === this.head) this.dropFinished();
  }

  /** r's slot if it is among the few oldest unfinished requests, else -1 (then look it up by id). */
  slotNearHead(r: RequestRecord): number {
    const end = Math.min(this.items.length, this.head + 8);
    for (let i = this.head; i < end; i++) if (this.items[i] === r) return this.base + i;
    return -1;
  }

  /** Every unfinished request with its slot, in slot order. */
  *entries(): Iterable<[RequestRecord, number]> {
    for (let i = this.head; i < this.items.length; i++) {
      const r = this.items[i];
      if (r) yield [r, this.base + i];
    }
  }

  private dropFinished(): void {
    const items = this.items;
    while (this.head < items.length && items[this.head] === undefined) this.head++;
    if (this.head >= 1024 && this.head * 2 >= items.length) {
      this.items = items.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }
}
