import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { verifyAuditChain } from '../modules/audit/audit.service.ts'
import { openPglite, type Database } from './client.ts'
import { lockDataDir } from './data-dir-lock.ts'

/**
 * Backups of the embedded database: the whole PGlite data folder as one gzipped tar file
 * (PGlite's own `dumpDataDir`), taken under the data folder's lock so no server writes while it
 * is read, and restored into an empty data folder. PostgreSQL has its own tools (docs/deploy.md).
 */

/** What a backup holds, to print and to compare: rows per table, and the audit chain checked. */
export type BackupSummary = {
  tables: number
  rows: number
  rowsByTable: Record<string, number>
  audit: { ok: boolean; checked: number }
}

export async function summarizeDatabase(db: Database): Promise<BackupSummary> {
  const tables = await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
  const rowsByTable: Record<string, number> = {}
  for (const { name } of (tables as unknown as { rows: { name: string }[] }).rows) {
    const counted = await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`)
    rowsByTable[name] = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
  }
  const audit = await verifyAuditChain(db)
  return {
    tables: Object.keys(rowsByTable).length,
    rows: Object.values(rowsByTable).reduce((sum, n) => sum + n, 0),
    rowsByTable,
    audit: { ok: audit.ok, checked: audit.checked },
  }
}

const pgliteFolder = (dataDir: string) => join(resolve(dataDir), 'pglite')
const holdsDatabase = (dataDir: string) => existsSync(join(pgliteFolder(dataDir), 'PG_VERSION'))

/** A refusal the operator can act on: one sentence, no stack. */
export class BackupRefused extends Error {}

/** Writes the data folder's database to `file` (refusing to overwrite one); returns what it holds. */
export async function backupDataDir(dataDir: string, file: string): Promise<BackupSummary> {
  if (existsSync(file)) throw new BackupRefused(`${file} already exists: choose a new file name, so an earlier backup is never overwritten.`)
  const release = lockDataDir(resolve(dataDir))
  try {
    if (!holdsDatabase(dataDir)) throw new BackupRefused(`${resolve(dataDir)} holds no database to back up.`)
    const handle = await openPglite(pgliteFolder(dataDir))
    try {
      const summary = await summarizeDatabase(handle.db)
      const dump = await (handle.pglite as NonNullable<typeof handle.pglite>).dumpDataDir('gzip')
      // Written beside and renamed: a backup cut short never looks like a whole one.
      const partial = `${file}.partial`
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
      renameSync(partial, file)
      return summary
    } finally {
      await handle.close()
    }
  } finally {
    release()
  }
}

/**
 * Restores `file` into `dataDir`, which must hold no database yet, then brings it up to this
 * version's migrations (a backup taken by an older version is upgraded as a start would).
 */
export async function restoreDataDir(file: string, dataDir: string): Promise<BackupSummary> {
  if (!existsSync(file)) throw new BackupRefused(`${file} does not exist.`)
  const release = lockDataDir(resolve(dataDir))
  try {
    if (holdsDatabase(dataDir)) {
      throw new BackupRefused(`${resolve(dataDir)} already holds a database: restore into an empty data folder (set DATA_DIR), or move this one away first.`)
    }
    let handle: Awaited<ReturnType<typeof openPglite>>
    try {
      handle = await openPglite(pgliteFolder(dataDir), new Blob([readFileSync(file)]))
    } catch (error) {
      throw new BackupRefused(`${file} is not a Preceptor backup that can be read (${error instanceof Error ? error.message : String(error)}).`)
    }
    try {
      await handle.migrate()
      return await summarizeDatabase(handle.db)
    } finally {
      await handle.close()
    }
  } finally {
    release()
  }
}
