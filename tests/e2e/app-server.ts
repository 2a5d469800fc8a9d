import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * The built app, started for one Playwright worker: its own port and its own PGlite data folder
 * (a copy of the demo school). Each worker drives its own server, so two workers use both cores
 * instead of queueing on one server process and its single embedded-database connection.
 */
export interface AppServer {
  baseURL: string
  stop(): Promise<void>
}

const root = resolve(import.meta.dirname, '..', '..')
const STARTUP_TIMEOUT_MS = 180_000

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/** The app must use its own data folder and must never send real e-mail, whatever the shell has. */
function serverEnvironment(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(SMTP_|DATABASE_URL$|TEST_DATABASE_URL$|APP_ORIGIN$|HOST$)/.test(name)) env[name] = value
  }
  return { ...env, PORT: String(port), DATA_DIR: dataDir, DEMO_MODE: 'true' }
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} while starting:\n${output()}`)
    try {
      const response = await fetch(`${baseURL}/api/health`)
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`the app did not answer ${baseURL}/api/health within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`)
}

export async function startAppServer(): Promise<AppServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'preceptor-e2e-'))
  const baseURL = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: root, env: serverEnvironment(port, dataDir), stdio: ['ignore', 'pipe', 'pipe'] })

  // Kept for the start-up error; stderr is always shown, stdout only with E2E_SERVER_LOG=1.
  let startupOutput = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    if (startupOutput.length < 20_000) startupOutput += chunk.toString()
    if (process.env.E2E_SERVER_LOG) process.stdout.write(chunk)
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    if (startupOutput.length < 20_000) startupOutput += chunk.toString()
    process.stderr.write(chunk)
  })

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(forced)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitForHealth(baseURL, child, () => startupOutput)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseURL, stop }
}
