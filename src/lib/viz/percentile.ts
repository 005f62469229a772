// Nearest-rank percentile over an unsorted sample (CloudWatch-style pNN of Duration).

export function percentile(values: ArrayLike<number>, p: number): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(n, rank) - 1];
}
