import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

// npm test passes a free port; run directly, Playwright uses this fixed one.
const PORT = Number(process.env.E2E_PORT ?? 4173)
const BASE_URL = `http://127.0.0.1:${PORT}`

// Every run starts the app on an empty data folder. The config is also loaded by each worker,
// which inherit the environment: only the first process to load it creates (and removes) the folder.
if (!process.env.E2E_DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'preceptor-e2e-'))
  process.env.E2E_DATA_DIR = dir
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
}

// The app must use its own PGlite folder and must not send real e-mail, whatever the shell has.
const serverEnv: Record<string, string | undefined> = {}
for (const name of Object.keys(process.env)) {
  if (/^(SMTP_|DATABASE_URL$|TEST_DATABASE_URL$)/.test(name)) serverEnv[name] = undefined
}
Object.assign(serverEnv, {
  PORT: String(PORT),
  DATA_DIR: process.env.E2E_DATA_DIR,
  DEMO_MODE: 'true',
})

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The tests share one server and one database; two workers keep a 2-core CI machine busy
  // without starving the server.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Journeys run many steps with an axe scan on each page; a loaded 2-core machine needs the room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
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
  webServer: {
    command: 'node dist/server/main.js',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server's stderr is always shown; E2E_SERVER_LOG=1 shows its stdout too.
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    // Undefined values remove the variable from the server's environment.
    env: serverEnv as Record<string, string>,
  },
})
