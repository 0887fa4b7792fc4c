import { defineConfig } from 'vitest/config';

// Unit tests run on their own; the site tests share one build of the example
// catalog (global setup), so they form a separate, slower project.
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**', 'test/**/*.e2e.test.ts'] } },
      // Drives the web editor in Chromium against npm run edit; needs no site build.
      { test: { name: 'e2e', include: ['test/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/site/build-site.ts'], testTimeout: 60_000, hookTimeout: 300_000 } },
    ],
  },
});
