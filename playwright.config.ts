import { availableParallelism } from 'node:os'
import { defineConfig, devices } from '@playwright/test'

// Each worker starts the built app on its own port and data folder (tests/e2e/app-server.ts),
// so the workers do not queue on one server process. Two workers use both cores of a small CI
// machine; E2E_WORKERS overrides.
const WORKERS = Number(process.env.E2E_WORKERS ?? Math.max(2, Math.min(4, availableParallelism())))

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Journeys run many steps with an axe scan on each page; a loaded 2-core machine needs the room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium, never `playwright install`: it is installed by npm test (apt) and
      // kept up to date by the system.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
