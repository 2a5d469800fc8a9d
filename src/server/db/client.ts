import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DRIZZLE_TEXT_PARSERS, withInstanceParsers } from './pglite-drizzle-parsers.ts'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
/** One type for both drivers: services and repositories never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'
/**
 * Where a query runs: the database itself or an open transaction. Repositories and services take
 * `tx: Tx = db` so a caller can fold their writes into its own transaction.
 */
export type Tx = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export type DatabaseHandle = {
  db: Database
  kind: DatabaseKind
  /** Runs the committed SQL migrations; safe to call on an up-to-date database. */
  migrate(): Promise<void>
  close(): Promise<void>
  /** The PGlite instance, for tests that clone a migrated template. */
  pglite?: PGlite
}

/** The migrations folder, found from this file both in the source tree and in the bundle. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'src', 'server', 'db', 'migrations')
    if (existsSync(candidate)) return candidate
    if (existsSync(join(dir, 'migrations', 'meta'))) return join(dir, 'migrations')
    dir = dirname(dir)
  }
  throw new Error('The database migrations folder was not found next to the application.')
}

/**
 * PGlite's own bytea conversion formats and parses one byte at a time in JavaScript: a 6 MB letter
 * took about 5 s of processor time to store (most of it garbage collection), holding the single
 * embedded connection meanwhile. Node's native hex codec does the same text format in
 * milliseconds. PostgreSQL's driver (pg) already does this.
 */
const BYTEA_OID = 17

function byteaToHex(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type')
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
}

function byteaFromHex(text: string): Uint8Array {
  const bytes = Buffer.from(text.slice(2), 'hex')
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

export type PgliteTuning = {
  /**
   * Start with 16 MB of shared buffers instead of PostgreSQL's 128 MB: for the throwaway databases
   * of the tests, which hold a few hundred rows. Setting up the larger buffer pool is about a third
   * of the processor time of opening a database, and the integration tests open one per file.
   */
  smallBufferPool?: boolean
}

export async function openPglite(dataDir: string | undefined, from?: Blob, tuning: PgliteTuning = {}): Promise<DatabaseHandle> {
  const client = await PGlite.create(dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    serializers: { [BYTEA_OID]: byteaToHex },
    parsers: { [BYTEA_OID]: byteaFromHex, ...DRIZZLE_TEXT_PARSERS },
    ...(from ? { loadDataDir: from } : {}),
    ...(tuning.smallBufferPool ? { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] } : {}),
  })
  return wrapPglite(client)
}

export function wrapPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite(withInstanceParsers(client), { schema }) as unknown as Database
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
    close: () => client.close(),
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // Fail at start-up, with the driver's words, rather than on the first request.
  const probe = await pool.connect()
  probe.release()
  const db = drizzlePostgres(pool, { schema }) as unknown as Database
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePostgres(db as never, { migrationsFolder: migrationsFolder() }),
    close: () => pool.end(),
  }
}
