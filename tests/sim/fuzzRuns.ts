// How many cases a fuzz test tries: a CI-sized count by default, the full count under
// `npm run fuzz` (which sets FUZZ_FULL=1). Fuzz files are named *.fuzz.test.ts / *-fuzz.spec.ts.
export function fuzzRuns(full: number, ci: number): number {
  return process.env.FUZZ_FULL === '1' ? full : ci;
}
