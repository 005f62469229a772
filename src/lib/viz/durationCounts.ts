// Durations counted at 0.01 ms, the precision of the REPORT line and CloudWatch's Duration
// (F116), with add, remove and nearest-rank select in O(log n): the summary's p50/p99 follow
// the cursor both ways without keeping every duration. Memory is bounded by the range of
// durations seen (buckets of 1,024 keys, ~10 ms each, made on first use), not by their number.

const BUCKET_KEYS = 1024;
const KEYS_PER_MS = 100;

export class DurationCounts {
  private buckets = new Map<number, Int32Array>();
  private tree = new Int32Array(64); // Fenwick tree of counts per bucket, 1-based
  private total = 0;

  get size(): number {
    return this.total;
  }

  add(ms: number, times = 1): void {
    const key = Math.max(0, Math.round(ms * KEYS_PER_MS));
    const b = Math.floor(key / BUCKET_KEYS);
    this.grow(b + 1); // before counting: a rebuild sums the buckets as they are
    let counts = this.buckets.get(b);
    if (!counts) this.buckets.set(b, (counts = new Int32Array(BUCKET_KEYS)));
    if (counts[key % BUCKET_KEYS] + times < 0) throw new Error(`no duration of ${ms} ms to remove`);
    counts[key % BUCKET_KEYS] += times;
    this.total += times;
    for (let i = b + 1; i < this.tree.length; i += i & -i) this.tree[i] += times;
  }

  remove(ms: number): void {
    this.add(ms, -1);
  }

  /** The k-th smallest duration (0-based), in ms at 0.01 ms. */
  select(k: number): number | undefined {
    if (k < 0 || k >= this.total) return undefined;
    // Descend the Fenwick tree to the bucket holding rank k, then walk that bucket.
    let pos = 0;
    let rest = k;
    for (let step = highestPowerOfTwo(this.tree.length - 1); step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.tree.length && this.tree[next] <= rest) {
        pos = next;
        rest -= this.tree[next];
      }
    }
    const counts = this.buckets.get(pos)!;
    for (let i = 0; i < BUCKET_KEYS; i++) {
      if (rest < counts[i]) return (pos * BUCKET_KEYS + i) / KEYS_PER_MS;
      rest -= counts[i];
    }
    throw new Error('duration counts are inconsistent');
  }

  /** Nearest-rank percentile, as CloudWatch's pNN. */
  percentile(p: number): number | undefined {
    if (this.total === 0) return undefined;
    return this.select(Math.min(this.total, Math.max(1, Math.ceil((p / 100) * this.total))) - 1);
  }

  private grow(bucketsNeeded: number): void {
    if (bucketsNeeded < this.tree.length) return;
    let size = this.tree.length;
    while (size <= bucketsNeeded) size *= 2;
    const tree = new Int32Array(size);
    for (const [b, counts] of this.buckets) {
      let sum = 0;
      for (let i = 0; i < BUCKET_KEYS; i++) sum += counts[i];
      for (let i = b + 1; i < size; i += i & -i) tree[i] += sum;
    }
    this.tree = tree;
  }
}

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}
