// A growable, sorted array of times (ms) with count-at-or-before queries; appends are nearly ordered.

export class SortedTimes {
  private data = new Float64Array(1024);
  private size = 0;
  /** How many values were forgotten by dropBefore(); they still count in countAtOrBefore(). */
  dropped = 0;

  /** Values held (not counting dropped ones). */
  get length(): number {
    return this.size;
  }

  clear(): void {
    this.size = 0;
    this.dropped = 0;
  }

  /** Forget values < t, keeping their count: later queries must be for times >= t. */
  dropBefore(t: number): number {
    let n = 0;
    while (n < this.size && this.data[n] < t) n++;
    this.data.copyWithin(0, n, this.size);
    this.size -= n;
    this.dropped += n;
    return n;
  }

  /** Insert keeping order; cheap when values arrive nearly in order (the trace grows in time). */
  insert(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    let i = this.size;
    while (i > 0 && this.data[i - 1] > value) {
      this.data[i] = this.data[i - 1];
      i--;
    }
    this.data[i] = value;
    this.size++;
  }

  /** How many values are <= t, dropped ones included. */
  countAtOrBefore(t: number): number {
    return this.dropped + this.localCountAtOrBefore(t);
  }

  /** How many held values are <= t: an index for at(). */
  localCountAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(i: number): number {
    return this.data[i];
  }
}
