import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './scripts/browser.mjs';

// CHROME_PATH, else the system's Chromium (a browser download fails on these machines), else
// Playwright's own browser. `npm test` checks first that one exists (scripts/browser.mjs).
const executablePath = findBrowser().path;
// Several people (or agents) may test different builds at once: E2E_PORT and E2E_DIST keep them apart.
const port = Number(process.env.E2E_PORT ?? 4321);
const outDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/${port}`,
  timeout: 60_000,
  workers: process.env.CI ? 1 : 2,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    // --ignore-lock: Astro 7 preview keeps a lock and refuses a second server for the same project.
    command: `npx astro preview --host 127.0.0.1 --port ${port} --outDir ${outDir} --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    // Never reuse: a server already on this port may be serving someone else's build.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
