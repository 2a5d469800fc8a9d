import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createTestDatabase, testDatabaseKind } from './test-database.ts'

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

// The PGlite worker keeps its database between files (pglite-reuse.ts); these check that a kept
// database comes back as the template was, and that one whose schema changed is not kept.
describe.skipIf(testDatabaseKind !== 'pglite')('a PGlite test database reused by the next file', () => {
  it('comes back with no rows, no session state and its sequences restarted', async () => {
    const first = await createTestDatabase()
    await first.db.execute(sql`insert into departments (id, name, kind) values ('dept-reuse', 'Reuse', 'clinical')`)
    await first.db.execute(sql`create temporary table scratch (n int)`)
    await first.db.execute(sql`select nextval('directory_entries_revision_seq')`)
    await first.db.execute(sql`set search_path = pg_catalog`)
    const used = first.pglite
    const usedDb = first.db
    await first.close()

    const second = await createTestDatabase()
    try {
      expect(second.pglite, 'the same database, emptied').toBe(used)
      // …behind a new drizzle object, so nothing remembered about the first file's one carries over.
      expect(second.db).not.toBe(usedDb)
      expect(rowsOf<{ n: number }>(await second.db.execute(sql`select count(*)::int as n from public.departments`))[0]?.n).toBe(0)
      expect(rowsOf(await second.db.execute(sql`select 1 from pg_tables where tablename = 'scratch'`))).toHaveLength(0)
      expect(rowsOf<{ n: string }>(await second.db.execute(sql`select nextval('public.directory_entries_revision_seq')::text as n`))[0]?.n).toBe('1')
      expect(rowsOf<{ search_path: string }>(await second.db.execute(sql`show search_path`))[0]).toMatchObject({ search_path: 'public' })
    } finally {
      await second.close()
    }
  })

  it('is not kept when a file changed its schema: the next file gets a fresh one', async () => {
    const changed = await createTestDatabase()
    await changed.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)
    const used = changed.pglite
    await changed.close()

    const next = await createTestDatabase()
    try {
      expect(next.pglite).not.toBe(used)
      const trigger = rowsOf<{ enabled: string }>(
        await next.db.execute(sql`select tgenabled::text as enabled from pg_trigger where tgname = 'audit_log_append_only'`),
      )
      expect(trigger[0]?.enabled).toBe('O')
    } finally {
      await next.close()
    }
  })
})
