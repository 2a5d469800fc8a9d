import type { PGlite } from '@electric-sql/pglite'
import { type DatabaseHandle, wrapPglite } from '#server/db/client.ts'

/**
 * One embedded database per test worker, emptied between test files instead of opened afresh.
 * Opening a PGlite from the migrated template costs about a second of processor time (starting
 * PostgreSQL in WebAssembly and loading the folder); emptying it costs a few milliseconds. A
 * closed handle is kept for the worker's next file only if it comes back exactly as the template
 * was: every table empty, every sequence restarted, no session state, and the same schema (tables,
 * columns, triggers and whether each is enabled, functions). A file that changed the schema, or
 * left something the reset cannot undo, gets its database closed and the next file a fresh one.
 */

/** Everything a test could change in the schema, hashed: a reused database must match the template's. */
const SCHEMA_FINGERPRINT = `
  select md5(coalesce(string_agg(item, ',' order by item), '')) as fingerprint from (
    select 'relation:' || c.relname || ':' || c.relkind::text as item
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
    union all
    select 'column:' || table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '')
      from information_schema.columns where table_schema = 'public'
    union all
    select 'trigger:' || c.relname || '.' || t.tgname || ':' || t.tgenabled::text
      from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal
    union all
    select 'constraint:' || conname || ':' || convalidated::text
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public'
    union all
    select 'function:' || p.proname || ':' || md5(p.prosrc)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
  ) items`

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

async function fingerprintOf(pglite: PGlite): Promise<string> {
  const result = await pglite.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)
  return result.rows[0]?.fingerprint ?? ''
}

/** Back to the template's state: no open transaction, no session state, empty tables, sequences from the start. */
async function empty(pglite: PGlite): Promise<void> {
  // Outside a transaction ROLLBACK only warns; inside one (a test that failed half-way) it ends it.
  await pglite.exec('ROLLBACK')
  // Temporary tables, settings, session advisory locks, prepared statements, LISTEN.
  await pglite.exec('DISCARD ALL')
  const tables = await pglite.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`)
  if (tables.rows.length > 0) {
    await pglite.exec(`TRUNCATE ${tables.rows.map((t) => quoted(t.name)).join(', ')} RESTART IDENTITY CASCADE`)
  }
  // Sequences no column owns (revision counters) are not restarted by TRUNCATE.
  const sequences = await pglite.query<{ name: string }>(`select sequencename as name from pg_sequences where schemaname = 'public'`)
  for (const sequence of sequences.rows) await pglite.exec(`ALTER SEQUENCE ${quoted(sequence.name)} RESTART`)
}

let templateFingerprint: string | null = null
let idle: PGlite | null = null

/**
 * A database in the template's state: the worker's kept one when there is one, else `open()`.
 * Its `close` hands it back for the next file (or closes it, when it cannot be reused).
 */
export async function reusablePglite(open: () => Promise<DatabaseHandle>): Promise<DatabaseHandle> {
  const kept = idle
  idle = null
  let handle: DatabaseHandle
  if (kept) {
    // A new drizzle object over the kept database: what callers remember about a `db` (the test
    // factories remember which ones hold the reference data) must not outlive the rows.
    handle = wrapPglite(kept)
  } else {
    handle = await open()
    templateFingerprint ??= await fingerprintOf(handle.pglite as PGlite)
  }
  const inner = handle
  let closed = false
  return {
    ...inner,
    close: async () => {
      if (closed) return
      closed = true
      await park(inner)
    },
  }
}

async function park(handle: DatabaseHandle): Promise<void> {
  const pglite = handle.pglite as PGlite
  if (idle || pglite.closed) return handle.close()
  try {
    await empty(pglite)
    if ((await fingerprintOf(pglite)) !== templateFingerprint) return handle.close()
  } catch {
    return handle.close()
  }
  idle = pglite
}
