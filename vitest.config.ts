import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report gives .ci/run its "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // End-to-end tests spawn the built CLI and git; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
