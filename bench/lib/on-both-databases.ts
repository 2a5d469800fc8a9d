import pg from 'pg'
import { openPglite, openPostgres, type DatabaseHandle } from '#server/db/client.ts'

/**
 * Runs a benchmark on a fresh, migrated PGlite, then — when DATABASE_URL is set — on a throwaway
 * database of that PostgreSQL server, dropped afterwards. `name` names the throwaway database.
 */
export async function onBothDatabases<T>(
  name: string,
  measure: (handle: DatabaseHandle, label: 'PGlite' | 'PostgreSQL') => Promise<T>,
): Promise<{ pglite: T; postgres: T | null }> {
  const embedded = await openPglite(undefined)
  await embedded.migrate()
  const pglite = await measure(embedded, 'PGlite')
  await embedded.close()

  if (!process.env.DATABASE_URL) return { pglite, postgres: null }
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  const database = `preceptor_bench_${name}_${process.pid}`
  await admin.query(`create database ${database}`)
  try {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${database}`
    const handle = await openPostgres(url.toString(), 4)
    await handle.migrate()
    const postgres = await measure(handle, 'PostgreSQL')
    await handle.close()
    return { pglite, postgres }
  } finally {
    await admin.query(`drop database if exists ${database}`)
    await admin.end()
  }
}
