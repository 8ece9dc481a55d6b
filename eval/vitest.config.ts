// Developer probe over the public corpus (not part of `npm test`):
//   PROBE=github,gitlab npx vitest run --config eval/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['eval/**/*.probe.ts'], testTimeout: 600_000 },
});
