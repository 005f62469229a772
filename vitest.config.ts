import { defineConfig } from 'vitest/config';

// Unit and property tests sit next to the code they test; tests/sim holds seed sweeps.
export default defineConfig({
  test: {
    include: ['simulator/**/*.test.ts', 'src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/sim/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
