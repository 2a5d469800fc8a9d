import { availableParallelism } from 'node:os'
import { defineConfig, devices } from '@playwright/test'

// Each worker starts the built app on its own port and data folder (tests/e2e/app-server.ts).
// On a 2-core machine one worker is faster than two: each worker brings a server and a browser,
// and two of each on two cores made every journey about three times slower (40 journeys: 703 s
// with two workers; the same journeys alone ran in a third of their time). Larger machines run
// one worker per two cores. E2E_WORKERS overrides.
const WORKERS = Number(process.env.E2E_WORKERS ?? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))))

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Journeys run many steps with an axe scan on each page, beside the Vitest suites (npm test
  // runs them together); a loaded 2-core machine needs the room. The longest journey takes about
  // 30 s there, so this still stops a hung one well before CI's limit.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    // Recording a trace costs every journey about a fifth of its time (screenshots of each step),
    // to help only the rare one that fails. E2E_TRACE=1 turns it on for a re-run of that one.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    // The app honours reduced motion (styles.css): no fade is ever caught half-way by an axe
    // scan of colour contrast, e.g. a button that turns from primary to secondary in place.
    reducedMotion: 'reduce',
    launchOptions: {
      // Debian's Chromium headless shell, never `playwright install`: npm test installs it with
      // apt (package chromium-headless-shell) and the system keeps it up to date. It runs the
      // journeys on about a fifth less processor time than the full browser. E2E_BROWSER picks
      // another build, e.g. /usr/bin/chromium to watch a journey with --headed.
      executablePath: process.env.E2E_BROWSER ?? '/usr/lib/chromium/chromium-headless-shell',
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
