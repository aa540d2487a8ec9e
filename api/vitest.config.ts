import { defineConfig } from 'vitest/config';

/**
 * Runs only the API's tests (`npm test -w @threadline/api`), without the repo-wide stack of
 * test/support/globalSetup.ts: each API suite starts its own Temporal dev server and FerretDB.
 * `npm test` at the root runs these same files in its integration project.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
