import { defineConfig } from 'vitest/config'

// Two projects: fast unit tests (engines, domain rules, policies, routes with fakes) and
// integration tests (`*.db.test.ts`) that run on PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set (npm test runs them both ways).
export default defineConfig({
  test: {
    setupFiles: ['tests/setup/print-factory-seed.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
          globalSetup: ['tests/setup/pglite-template.global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
