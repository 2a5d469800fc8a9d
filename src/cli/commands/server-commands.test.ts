import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureIo } from '../cli-io.ts'
import { runCli } from '../main.ts'

let dataDir: string
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL }

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'preceptor-cli-'))
  process.env.DATA_DIR = dataDir
  delete process.env.DATABASE_URL
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('preceptor migrate and seed', () => {
  it('migrates an empty folder, loads the demo school once, then has nothing to do', async () => {
    const migrate = captureIo()
    expect(await runCli(['migrate'], migrate)).toBe(0)
    expect(migrate.err()).toMatch(/up to date/)

    const seed = captureIo()
    expect(await runCli(['seed'], seed)).toBe(0)
    const summary = JSON.parse(seed.out()) as { students: { total: number }; mentors: { total: number } }
    expect(summary.students.total).toBeGreaterThanOrEqual(400)
    expect(summary.mentors.total).toBeGreaterThanOrEqual(1200)

    const again = captureIo()
    expect(await runCli(['seed'], again)).toBe(0)
    expect(again.err()).toMatch(/already loaded/)
  }, 120_000)

  it('refuses a data folder held by a running server, in one line', async () => {
    // The test process itself is alive: its pid in the lock file stands for a running server.
    writeFileSync(join(dataDir, 'preceptor.lock'), String(process.ppid))
    const io = captureIo()
    expect(await runCli(['migrate'], io)).toBe(1)
    expect(io.err()).toMatch(/in use by another Preceptor process/)
    expect(io.err()).not.toMatch(/\n\s+at /)
    rmSync(join(dataDir, 'preceptor.lock'))
  })
})
