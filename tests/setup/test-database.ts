import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import { openPglite, openPostgres, type DatabaseHandle } from '#server/db/client.ts'
import { reusablePglite } from './pglite-reuse.ts'

/**
 * A migrated database in its first state for each test file (or test), from a template that is
 * migrated once: on the real PostgreSQL cluster (TEST_DATABASE_URL; npm test runs the integration
 * suite both ways) a `CREATE DATABASE … TEMPLATE` copy; on PGlite a database loaded from a dump of
 * it, which the worker's next file gets back emptied when nothing but rows changed in it
 * (pglite-reuse.ts): no test sees another's rows either way.
 */

const postgresUrl = process.env.TEST_DATABASE_URL
export const testDatabaseKind = postgresUrl ? 'postgres' : 'pglite'

let pgliteTemplate: Promise<Blob> | null = null
let postgresTemplate: Promise<string> | null = null

/**
 * The migrated data folder the integration project's global set-up dumped once for the whole
 * run (tests/setup/pglite-template.global-setup.ts). Loading it costs about a fifth of an initdb
 * and the migrations; without the set-up (a file run on its own config) it is made here.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = inject('pgliteTemplateFile')
    if (file) return new Blob([await readFile(file)])
    const handle = await openPglite(undefined, undefined, { smallBufferPool: true })
    try {
      await handle.migrate()
      return await (handle.pglite as PGlite).dumpDataDir('none')
    } finally {
      await handle.close()
    }
  })()
  return pgliteTemplate
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    await client.query(sqlText)
  } finally {
    await client.end()
  }
}

async function migratedPostgresTemplate(): Promise<string> {
  postgresTemplate ??= (async () => {
    // One template per worker process, so parallel test files never copy a template that is
    // being written.
    const name = `preceptor_template_${process.pid}_${randomBytes(3).toString('hex')}`
    await adminQuery(`CREATE DATABASE ${name}`)
    const handle = await openPostgres(withDatabase(postgresUrl as string, name), 2)
    await handle.migrate()
    await handle.close()
    return name
  })()
  return postgresTemplate
}

export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (!postgresUrl) {
    const template = await migratedPgliteTemplate()
    return reusablePglite(() => openPglite(undefined, template, { smallBufferPool: true }))
  }
  const template = await migratedPostgresTemplate()
  const name = `preceptor_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  const handle = await openPostgres(withDatabase(postgresUrl, name), 5)
  return {
    ...handle,
    close: async () => {
      await handle.close()
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`)
    },
  }
}
