import { asc, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '#server/clock.ts'
import { auditLog } from '#server/db/schema/index.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { createAuditService, verifyAuditChain } from './audit.service.ts'

// One database for the file; each test starts from an empty log. TRUNCATE is not an UPDATE or a
// DELETE, so the append-only trigger lets it through (only the tests' database owner can run it).
let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => {
  await handle?.close()
})

async function withRows(n: number) {
  await handle.db.execute(sql`TRUNCATE audit_log RESTART IDENTITY`)
  const clock = fixedClock(new Date('2026-10-05T14:00:00Z'))
  const audit = createAuditService(handle.db, clock)
  for (let i = 0; i < n; i++) {
    clock.advance(1000)
    await audit.record(
      { actorId: null, action: `test.${i}`, objectType: 'thing', objectId: String(i) },
      { requestId: `r${i}`, ip: '127.0.0.1', userAgent: null },
    )
  }
  const ids = (await handle.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id)
  return { db: handle.db, audit, ids }
}

describe('the hash-chained audit log', () => {
  it('an untouched log verifies, rows written inside callers’ transactions included', async () => {
    const { db, audit } = await withRows(5)
    await db.transaction(async (tx) => {
      await audit.record({ actorId: null, action: 'in.transaction' }, null, tx)
      await audit.record({ actorId: null, action: 'in.transaction.again' }, null, tx)
    })
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: true,
      checked: 7,
      legacyRows: 0,
      firstBreak: null,
      newest: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
  })

  it('concurrent writers chain correctly (a transaction-scoped advisory lock)', async () => {
    const { db, audit } = await withRows(1)
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit.record({ actorId: null, action: `concurrent.${i}` }, null)))
    const report = await verifyAuditChain(db, 7)
    expect(report.ok).toBe(true)
    expect(report.checked).toBe(26)
  })

  it('detects an edited row', async () => {
    const { db, ids } = await withRows(5)
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)
    await db.execute(sql`UPDATE audit_log SET object_id = 'someone-else' WHERE id = ${ids[2]}`)
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBreak: { id: ids[2], reason: 'edited' } })
  })

  it('detects a deleted row', async () => {
    const { db, ids } = await withRows(5)
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)
    await db.execute(sql`DELETE FROM audit_log WHERE id = ${ids[1]}`)
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`)
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBreak: { id: ids[2], reason: 'link-broken' } })
  })

  it('detects a row whose hash was recomputed alone (the next link breaks)', async () => {
    const { db, ids } = await withRows(4)
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)
    await db.execute(sql`UPDATE audit_log SET hash = repeat('0', 64) WHERE id = ${ids[1]}`)
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`)
    expect((await verifyAuditChain(db)).firstBreak?.id).toBe(ids[1])
  })

  it('the trigger still refuses changes', async () => {
    const { db } = await withRows(1)
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow()
  })
})
