import { defineConfig } from 'vitest/config';
import { workerRuntime } from './build/worker-runtime.mjs';

// Unit and property tests sit next to the code they test; tests/sim holds seed sweeps.
export default defineConfig({
  plugins: [workerRuntime()], // bundles the handler realm's runtime before any test imports it
  test: {
    include: ['simulator/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/sim/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
