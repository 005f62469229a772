// A benchmark: one named workload that reports how many invocations it simulated.
// bench/index.ts runs each in its own process (fresh heap) and prints the figures.
export interface Benchmark {
  name: string;
  /** Runs the workload; `sampleHeap` may be called between chunks of work to catch the peak. */
  run(sampleHeap: () => void): Promise<{ invocations: number; note?: string }>;
}
