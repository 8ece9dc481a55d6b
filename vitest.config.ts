import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report gives .ci/run its "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // End-to-end tests spawn the built CLI and git; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Coverage of the code the tests import (end-to-end tests run the built CLI in child processes,
    // which this does not see). CI prints the summary; `npm run coverage` writes an HTML report too.
    coverage: {
      // On in CI (CI=true), where .ci/run prints the summary; `npm run coverage` turns it on locally.
      enabled: Boolean(process.env['CI']),
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: process.env['CI'] ? ['text-summary'] : ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
