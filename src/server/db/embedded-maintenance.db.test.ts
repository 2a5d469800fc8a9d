import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { testDatabaseKind } from '#tests/setup/test-database.ts'
import { vacuumEmbedded } from './embedded-maintenance.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 60_000)
afterAll(async () => {
  await t?.close()
})

// On PostgreSQL its own autovacuum may have been first, and the server never calls this there.
it.skipIf(testDatabaseKind !== 'pglite')('vacuums and analyzes every table, which nothing else does on the embedded database', async () => {
  const lastVacuum = async () => {
    const result = await t.db.execute(sql`select last_vacuum, last_analyze from pg_stat_user_tables where relname = 'community_questions'`)
    return (result as unknown as { rows: { last_vacuum: unknown; last_analyze: unknown }[] }).rows[0]
  }
  expect(await lastVacuum()).toMatchObject({ last_vacuum: null, last_analyze: null })
  await vacuumEmbedded(t.db)
  const after = await lastVacuum()
  expect(after?.last_vacuum).not.toBeNull()
  expect(after?.last_analyze).not.toBeNull()
})
