// F24: a bigger package gives a longer cold start. The series is A. Tanasa's benchmark (Node 20,
// 256 MB, x86, us-east-1, 100 iterations, 2023-11-20): average Init by package size in KB.
// lambda-facts §2d reads it as roughly 40-50 ms per MB. The calibration table (§2a) measures a
// hello world of about 1 KB, so only the growth above the series' 1 KB point is added to it.

/** [package KB, average Init ms] (F24). */
export const PACKAGE_INIT_SERIES: readonly (readonly [number, number])[] = [
  [1, 242], [1024, 297], [4096, 374], [8192, 474], [16384, 703], [32768, 1354], [65536, 3184],
];

/**
 * Virtual ms a package of `bytes` (function code plus layers, unzipped) adds to Init: linear
 * between the measured points, and held at the last point (64 MB) above it, since the series
 * has nothing larger and extrapolating would invent a number.
 */
export function packageInitMs(bytes: number): number {
  const kb = Math.max(0, bytes) / 1024;
  const [firstKb, base] = PACKAGE_INIT_SERIES[0];
  if (kb <= firstKb) return 0;
  for (let i = 1; i < PACKAGE_INIT_SERIES.length; i++) {
    const [k0, ms0] = PACKAGE_INIT_SERIES[i - 1];
    const [k1, ms1] = PACKAGE_INIT_SERIES[i];
    if (kb <= k1) return Math.round((ms0 + ((kb - k0) / (k1 - k0)) * (ms1 - ms0) - base) * 100) / 100;
  }
  return PACKAGE_INIT_SERIES[PACKAGE_INIT_SERIES.length - 1][1] - base;
}
