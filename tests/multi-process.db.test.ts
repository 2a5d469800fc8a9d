/**
 * Several server processes over one PostgreSQL, as a school behind a load balancer runs them:
 * two real processes (`src/server/main.ts` under tsx), one database, one SMTP server.
 *
 * PostgreSQL only: PGlite is one process per data folder (its lock refuses a second server).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSmtpServer, type TestSmtpServer } from './setup/smtp.ts'

const postgresUrl = process.env.TEST_DATABASE_URL
// Long enough for a market drawn on the server's own thread (from source there are no worker
// threads) on a busy machine, where renewals wait for it.
const LEASE_SECONDS = 30

type Server = { child: ChildProcess; origin: string; output: () => string }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function startServer(databaseUrl: string, smtpPort: number, dataDir: string): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DEMO_MODE: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
      SWEEP_INTERVAL_SECONDS: '1',
      SIMULATION_LEASE_SECONDS: String(LEASE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const origin = `http://localhost:${port}`
  for (const deadline = Date.now() + 240_000; ; ) {
    if (child.exitCode !== null) throw new Error(`a server process ended early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`a server process did not answer:\n${output}`)
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, origin, output: () => output }
}

async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill(signal)
  await exited
}

/** A signed-in client of one process: the cookie works on every process (sessions live in the database). */
async function signIn(server: Server, email: string): Promise<string> {
  return (await signInAs(server, email)).cookie
}

async function signInAs(server: Server, email: string): Promise<{ cookie: string; personId: string }> {
  const response = await fetch(`${server.origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ email, password: 'preceptor-demo' }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  const session = (await response.json()) as { person: { id: string } }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, personId: session.person.id }
}

async function call(server: Server, cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { cookie, origin: server.origin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

describe.skipIf(!postgresUrl)('two server processes over one PostgreSQL (PostgreSQL only: PGlite is one process per data folder)', () => {
  let databaseUrl = ''
  let databaseName = ''
  let smtp: TestSmtpServer
  let dataDir = ''
  let a: Server
  let b: Server

  async function admin(sqlText: string, url = postgresUrl as string) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await client.query(sqlText)
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    databaseName = `preceptor_multi_${randomBytes(4).toString('hex')}`
    await admin(`CREATE DATABASE ${databaseName}`)
    const parsed = new URL(postgresUrl as string)
    parsed.pathname = `/${databaseName}`
    databaseUrl = parsed.toString()
    smtp = await startTestSmtpServer()
    dataDir = mkdtempSync(join(tmpdir(), 'preceptor-multi-'))
    // The first migrates and loads the demo school; the second finds both done.
    a = await startServer(databaseUrl, smtp.port, dataDir)
    b = await startServer(databaseUrl, smtp.port, dataDir)
  }, 300_000)

  afterAll(async () => {
    for (const server of [a, b]) if (server) await stop(server)
    await smtp?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    if (databaseName) await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  }, 60_000)

  it('finds through one process a profile edited through the other, at once', async () => {
    const { cookie: mentor, personId } = await signInAs(a, 'mentor@demo.example.edu')
    const word = `zebrafish${randomBytes(3).toString('hex')}`
    const edited = await call(a, mentor, 'PATCH', '/api/profiles/me/mentor', { researchInterests: `Cardiac regeneration in ${word} models.` })
    expect(edited.status).toBe(200)
    const student = await signIn(b, 'student@demo.example.edu')
    const found = await call(b, student, 'GET', `/api/directory/mentors?q=${word}&exact=true`)
    expect(found.status).toBe(200)
    const results = found.json.results as { id: string }[]
    expect(results.map((r) => r.id)).toEqual([personId])
  })

  it('sends each e-mail of the sweeps and the outbox once, with both processes sweeping', async () => {
    // Every open mentorship request becomes due for its reminder (asked 30 days ago, not expired).
    const due = await admin(
      `update mentorship_requests set created_at = now() - interval '30 days'
         where status in ('requested', 'viewed') and expires_at > now() + interval '1 hour'
           and id not in (select request_id from mentorship_request_notices) returning id`,
      databaseUrl,
    )
    expect(due.rows.length).toBeGreaterThan(0)
    // Both processes sweep every second and deliver the outbox every 5 s: let several rounds pass.
    await new Promise((resolve) => setTimeout(resolve, 12_000))
    const reminded = await admin(`select request_id from mentorship_request_notices where kind = 'reminder'`, databaseUrl)
    const remindedIds = new Set(reminded.rows.map((r: { request_id: string }) => r.request_id))
    expect(due.rows.filter((r: { id: string }) => remindedIds.has(r.id)).length).toBeGreaterThan(0)
    const sent = await admin(`select to_address, subject, text_body from outbox where status = 'sent'`, databaseUrl)
    expect(sent.rows.length).toBeGreaterThan(0)
    // Delivery goes on meanwhile: a message may have reached the SMTP server before its row is
    // marked sent, never the other way round.
    expect(smtp.messages.length).toBeGreaterThanOrEqual(sent.rows.length)
    const keys = smtp.messages.map((m) => `${m.envelopeTo.join(',')}\n${m.subject}\n${m.text}`)
    expect(keys.length - new Set(keys).size, 'e-mails received twice').toBe(0)
  }, 60_000)

  it('leaves a class simulation to the process running it, and fails it only once that process is gone', async () => {
    const advisorOnA = await signIn(a, 'advisor@demo.example.edu')
    const started = await call(a, advisorOnA, 'POST', '/api/class-simulations', { runs: 5000 })
    expect(started.status, JSON.stringify(started.json)).toBe(201)
    const id = started.json.id as string
    // Read through the other process (which starts its own recovery) while the first works on it.
    const advisorOnB = await signIn(b, 'advisor@demo.example.edu')
    for (let i = 0; i < 3; i++) {
      const seen = await call(b, advisorOnB, 'GET', `/api/class-simulations/${id}`)
      expect(['queued', 'running'], JSON.stringify(seen.json)).toContain(seen.json.status)
      await new Promise((resolve) => setTimeout(resolve, 5_000))
    }
    const listed = await call(b, advisorOnB, 'GET', '/api/class-simulations')
    expect((listed.json.simulations as { id: string; status: string }[]).find((s) => s.id === id)?.status).not.toBe('failed')

    // The process running it is killed outright: no shutdown hook marks anything.
    await stop(a, 'SIGKILL')
    let status = ''
    for (const deadline = Date.now() + (LEASE_SECONDS + 20) * 1000; Date.now() < deadline; ) {
      status = (await call(b, advisorOnB, 'GET', `/api/class-simulations/${id}`)).json.status as string
      if (status !== 'queued' && status !== 'running') break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(status).toBe('failed')
  }, 180_000)
})
