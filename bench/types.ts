// A benchmark: one named workload that reports how many invocations it simulated.
// bench/index.ts runs each in its own process (fresh heap) and prints the figures.
export interface Benchmark {
  name: string;
  /** The yardstick others are compared with (bench/bare.ts). */
  baseline?: boolean;
  /** Print wall time and peak RSS as a multiple of the baseline's. */
  comparedToBaseline?: boolean;
  /** Runs the workload; `sampleHeap` may be called between chunks of work to catch the peak. */
  run(sampleHeap: () => void): Promise<{ invocations: number; note?: string }>;
}
