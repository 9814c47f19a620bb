import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built test extension (dist/chrome-test, `npm run build` first) in Debian
 * Chromium, driving pages of test/fixtures/ served from localhost by the harness
 * (test/e2e/harness.ts starts the server on a random port and the browser per test).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
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
