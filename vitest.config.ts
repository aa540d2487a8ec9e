import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs nothing running; `integration` (integration and browser tests)
 * shares one real stack — Temporal dev server, FerretDB, worker and API — started once by
 * test/support/globalSetup.ts. Test files that start their own servers (the stack's own
 * tests, worker and API suites) live in the integration project too, and run one file at a
 * time there: the machine has two cores. The fault tests (test/fault) start their own servers
 * and worker processes too, and kill them.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['flows/**/*.test.ts', 'builder-ui/src/**/*.test.ts', '**/src/**/*.unit.test.ts', 'test/bench/**/*.unit.test.ts'],
          exclude: ['**/node_modules/**', 'flows/**/*.integration.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.ts',
            'test/browser/**/*.test.ts',
            'test/fault/**/*.test.ts',
            'worker/src/**/*.test.ts',
            'api/src/**/*.test.ts',
            'stack/src/**/*.test.ts',
            'flows/**/*.integration.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.unit.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
