// Nearest-rank percentile over an unsorted sample (CloudWatch-style pNN of Duration).
// Quickselect on a copy: linear time, so the summary stays cheap on long runs.

export function percentile(values: ArrayLike<number>, p: number): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return select(Float64Array.from(values as ArrayLike<number>), rank - 1);
}

/** The k-th smallest value (0-based); reorders `a`. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
