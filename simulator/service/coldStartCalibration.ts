// Cold-start (Init Duration) calibration per runtime, architecture and memory size.
// Numbers are p50 (p90) ms of hello-world zip functions, lambda-facts.md §2a (F22, F23, F26).
// Memory hardly moves init (F23), so sizes between columns take the nearest lower column.

type Cell = readonly [p50Ms: number, p90Ms: number];
/** Columns: 128, 256, 512, 1024 MB. */
type Row = readonly [Cell, Cell, Cell, Cell];

const MEMORY_COLUMNS_MB = [128, 256, 512, 1024] as const;

// §2a, ZIP packages, 2026-07-23 … 2026-08-22.
const TABLE: Record<string, { x86_64: Row; arm64: Row }> = {
  'nodejs20.x': {
    x86_64: [[142, 158], [142, 158], [141, 159], [142, 159]],
    arm64: [[131, 139], [130, 139], [132, 140], [132, 140]],
  },
  'nodejs22.x': {
    x86_64: [[140, 159], [142, 158], [140, 160], [140, 157]],
    arm64: [[128, 136], [128, 136], [130, 139], [130, 137]],
  },
  'nodejs24.x': {
    x86_64: [[135, 157], [134, 149], [134, 152], [133, 149]],
    arm64: [[120, 129], [121, 128], [124, 132], [125, 132]],
  },
  'python3.12': {
    x86_64: [[85, 97], [84, 97], [84, 98], [84, 100]],
    arm64: [[81, 86], [81, 87], [81, 90], [82, 86]],
  },
  'python3.13': {
    x86_64: [[85, 103], [85, 99], [84, 98], [83, 96]],
    arm64: [[80, 87], [80, 86], [80, 87], [80, 86]],
  },
  'python3.14': {
    x86_64: [[106, 140], [107, 137], [107, 135], [107, 135]],
    arm64: [[100, 111], [102, 111], [101, 113], [102, 114]],
  },
  java21: {
    x86_64: [[239, 266], [238, 267], [239, 276], [238, 275]],
    arm64: [[248, 267], [249, 266], [250, 270], [247, 270]],
  },
  java25: {
    x86_64: [[191, 301], [189, 292], [190, 261], [191, 366]],
    arm64: [[196, 241], [198, 225], [199, 225], [199, 230]],
  },
  dotnet8: {
    x86_64: [[251, 332], [254, 319], [251, 330], [252, 331]],
    arm64: [[298, 407], [297, 613], [299, 604], [303, 615]],
  },
  dotnet10: {
    x86_64: [[252, 369], [247, 565], [250, 361], [252, 370]],
    arm64: [[246, 542], [248, 398], [251, 582], [250, 565]],
  },
  'ruby3.4': {
    x86_64: [[228, 389], [225, 379], [229, 398], [224, 376]],
    arm64: [[228, 390], [226, 389], [250, 405], [245, 408]],
  },
  // 'provided.al2023' stands for a Go binary, the common custom runtime (§2a go row).
  'provided.al2023': {
    x86_64: [[50, 52], [50, 52], [50, 53], [50, 52]],
    arm64: [[43, 44], [42, 44], [43, 45], [43, 45]],
  },
};

export const KNOWN_RUNTIMES: readonly string[] = Object.keys(TABLE);
/** Runtimes a code handler can run on: the current Node managed runtimes (F139). */
export const CODE_RUNTIMES: readonly string[] = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'];

export interface InitCalibration {
  p50Ms: number;
  p90Ms: number;
}

export function initCalibration(runtime: string, architecture: 'x86_64' | 'arm64', memoryMB: number): InitCalibration {
  const rows = TABLE[runtime];
  if (!rows) throw new Error(`no cold-start calibration for runtime ${runtime}`);
  let column = 0;
  for (let i = 0; i < MEMORY_COLUMNS_MB.length; i++) if (memoryMB >= MEMORY_COLUMNS_MB[i]) column = i;
  const [p50Ms, p90Ms] = rows[architecture][column];
  return { p50Ms, p90Ms };
}

/**
 * A lognormal through the calibrated p50 and p90: ln(init) ~ N(ln p50, sigma) with
 * sigma = ln(p90 / p50) / z0.9. Keeps the long right tail the benchmark shows.
 */
export function initLognormal(cal: InitCalibration): { mu: number; sigma: number } {
  const Z90 = 1.2815515655446004;
  return { mu: Math.log(cal.p50Ms), sigma: Math.max(0, Math.log(cal.p90Ms / cal.p50Ms) / Z90) };
}

/** One Init (or any calibrated) duration drawn from the lognormal, kept to 0.01 ms like REPORT. */
export function drawLognormalMs(dist: { mu: number; sigma: number }, normal: number): number {
  return Math.round(Math.exp(dist.mu + dist.sigma * normal) * 100) / 100;
}

/**
 * F141: the runtime's own work per invoke (reading the event, writing the response) makes a
 * warm Node.js hello-world report about 1-2 ms at 128 MB. A lognormal through p50 1.4 ms and
 * p90 1.8 ms at 128 MB; it is CPU work, so it shrinks with the CPU share of memory (F28).
 */
export const RUNTIME_OVERHEAD_128MB: InitCalibration = { p50Ms: 1.4, p90Ms: 1.8 };
