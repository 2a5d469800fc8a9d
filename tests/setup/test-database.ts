import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { openPglite, openPostgres, wrapPglite, type DatabaseHandle } from '#server/db/client.ts'

/**
 * A fresh, migrated database per test file (or per test), copied from a template that is
 * migrated once: a PGlite clone in memory, or `CREATE DATABASE … TEMPLATE` on the real
 * PostgreSQL cluster when TEST_DATABASE_URL is set (npm test runs the integration suite both
 * ways). Copying beats cleaning tables: no test sees another's rows.
 */

const postgresUrl = process.env.TEST_DATABASE_URL
export const testDatabaseKind = postgresUrl ? 'postgres' : 'pglite'

let pgliteTemplate: Promise<PGlite> | null = null
let postgresTemplate: Promise<string> | null = null

async function migratedPgliteTemplate(): Promise<PGlite> {
  pgliteTemplate ??= (async () => {
    const handle = await openPglite(undefined)
    await handle.migrate()
    return handle.pglite as PGlite
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
    return wrapPglite((await template.clone()) as PGlite)
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
