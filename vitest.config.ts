import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Two projects: fast unit tests (engines, domain rules, policies, routes with fakes) and
// integration tests (`*.db.test.ts`) that run on PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set (npm test runs them both ways).
// Integration files that run in a process of their own. The bad-input file sends a 1 MB body to
// every string field (about 280 requests): alone that test takes 7 s, but in CI's shared workers,
// after many other files, it took 126 s to 344 s while the file's other tests kept their usual
// speed. The likely cost is the collector: each 1 MB buffer prompts it, and a worker that ran many
// files has much more to walk. A fresh process keeps the test at its own speed.
const FRESH_PROCESS = ['tests/bad-input.db.test.ts']

export default defineConfig({
  test: {
    setupFiles: ['tests/setup/zod-openapi.ts', 'tests/setup/print-factory-seed.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // which then idles while a test waits on PostgreSQL or a child process.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
          // Unit files share their workers' module graph instead of loading it again per file:
          // nearly half the project's CPU time. They keep no state between files (no module
          // mocks; a file that sets an environment variable restores it).
          isolate: false,
          // A timeout catches a hung test, not a slow machine: the property and solver tests take
          // seconds when CI shares the machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
          exclude: [...FRESH_PROCESS, 'node_modules/**'],
          globalSetup: ['tests/setup/pglite-template.global-setup.ts'],
          environment: 'node',
          // Each file opens its own database (tests/setup/test-database.ts) and builds its own
          // services, so sharing the loaded modules loses no isolation and saves ~40 % of the CPU.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-fresh',
          include: FRESH_PROCESS,
          globalSetup: ['tests/setup/pglite-template.global-setup.ts'],
          environment: 'node',
          isolate: true,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
