import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built test extension (dist/chrome-test, `npm run build` first) in Debian
 * Chromium, driving pages of test/fixtures/ served from localhost by the harness
 * (test/e2e/harness.ts starts the server on a random port and the browser per test).
 */
// Locally several people may run the suite at once in one working tree, and Playwright empties its
// output folder when a run starts: give each run a folder of its own (workers inherit the variable).
process.env.CLEARPAGE_E2E_RUN ??= new Date().toISOString().replace(/[:.]/g, '-');
const outputDir = process.env.CI ? 'test-results/artifacts' : `test-results/artifacts/run-${process.env.CLEARPAGE_E2E_RUN}`;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir,
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
