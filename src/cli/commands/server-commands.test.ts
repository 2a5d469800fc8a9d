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

  it("backs the demo school up and restores it into a fresh folder: every table's rows and the audit chain come back", async () => {
    const backupFile = join(dataDir, 'demo.backup')
    const backup = captureIo()
    expect(await runCli(['backup', backupFile], backup), backup.err()).toBe(0)
    expect(backup.err()).toMatch(/wrote .*demo\.backup: \d+ tables, \d+ rows; the audit log's chain is intact \(\d+ entries\)/)

    const again = captureIo()
    expect(await runCli(['backup', backupFile], again)).toBe(1)
    expect(again.err()).toMatch(/already exists/)

    const restoredDir = mkdtempSync(join(tmpdir(), 'preceptor-cli-restored-'))
    try {
      process.env.DATA_DIR = restoredDir
      const restore = captureIo()
      expect(await runCli(['restore', backupFile], restore), restore.err()).toBe(0)
      const intoFull = captureIo()
      expect(await runCli(['restore', backupFile], intoFull)).toBe(1)
      expect(intoFull.err()).toMatch(/already holds a database/)
    } finally {
      process.env.DATA_DIR = dataDir
    }

    const { openPglite } = await import('#server/db/client.ts')
    const { summarizeDatabase } = await import('#server/db/backup.ts')
    const [original, restored] = await Promise.all([openPglite(join(dataDir, 'pglite')), openPglite(join(restoredDir, 'pglite'))])
    try {
      const [before, after] = await Promise.all([summarizeDatabase(original.db), summarizeDatabase(restored.db)])
      expect(before.rowsByTable.people, 'the demo school is in the backup').toBeGreaterThan(1000)
      expect(after.rowsByTable).toEqual(before.rowsByTable)
      expect(after.audit).toEqual({ ok: true, checked: before.audit.checked })
    } finally {
      await Promise.all([original.close(), restored.close()])
      rmSync(restoredDir, { recursive: true, force: true })
    }
  }, 120_000)

  it('sends PostgreSQL to its own tools, and a file that is not a backup gets one line', async () => {
    process.env.DATABASE_URL = 'postgres://localhost/preceptor'
    try {
      const io = captureIo()
      expect(await runCli(['backup', join(dataDir, 'x.backup')], io)).toBe(2)
      expect(io.err()).toMatch(/pg_dump/)
    } finally {
      delete process.env.DATABASE_URL
    }
    const notBackup = join(dataDir, 'not-a-backup.txt')
    writeFileSync(notBackup, 'hello')
    const emptyDir = mkdtempSync(join(tmpdir(), 'preceptor-cli-empty-'))
    try {
      process.env.DATA_DIR = emptyDir
      const io = captureIo()
      expect(await runCli(['restore', notBackup], io)).toBe(1)
      expect(io.err()).toMatch(/not a Preceptor backup/)
      expect(io.err()).not.toMatch(/\n\s+at /)
    } finally {
      process.env.DATA_DIR = dataDir
      rmSync(emptyDir, { recursive: true, force: true })
    }
  })

  it('refuses a data folder held by a running server, in one line', async () => {
    // The test process itself is alive: its pid in the lock file stands for a running server.
    writeFileSync(join(dataDir, 'preceptor.lock'), String(process.ppid))
    const io = captureIo()
    expect(await runCli(['migrate'], io)).toBe(1)
    expect(io.err()).toMatch(/in use by another Preceptor process/)
    expect(io.err()).not.toMatch(/\n\s+at /)
    const backup = captureIo()
    expect(await runCli(['backup', join(dataDir, 'while-running.backup')], backup)).toBe(1)
    expect(backup.err()).toMatch(/in use by another Preceptor process/)
    rmSync(join(dataDir, 'preceptor.lock'))
  })
})
