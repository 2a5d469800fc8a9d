import { desc, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The chain checked on a schedule (decision 030): each result kept, shown, and its newest hash exported. */
let t: TestApp
let admin = ''
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  admin = (await t.signedInAs(['admin'])).cookie
  for (let i = 0; i < 5; i++) await t.services.audit.record({ actorId: null, action: `test.${i}`, objectType: 'thing', objectId: String(i) }, null)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const checks = () => t.request('GET', '/api/admin/audit-log/chain-checks', { cookie: admin })

describe('checking the audit chain', () => {
  it('before any check: an empty history, and no hash to export yet', async () => {
    const response = await checks()
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({ latest: null, history: [], everyHours: 24 })
    const head = await t.request('GET', '/api/admin/audit-log/chain-head', { cookie: admin })
    expect(head.status).toBe(404)
    expect(head.json.error.message).toContain('No check')
  })

  it('a scheduled check of an intact chain is kept, with the newest row’s hash', async () => {
    const check = await t.services.audit.checkAuditChain()
    const [newest] = await t.db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(check).toMatchObject({ intact: true, breakRowId: null, breakReason: null, newestRowId: newest?.id, newestHash: newest?.hash })
    expect(check.rowsChecked).toBeGreaterThanOrEqual(5)
    const listed = (await checks()).json
    expect(listed.latest).toEqual(check)
    expect(listed.history).toHaveLength(1)
  })

  it('exports the newest hash as JSON and as text, each a download, and audits the export', async () => {
    const { check } = await t.services.audit.getAuditChainHead('json')
    const json = await t.request('GET', '/api/admin/audit-log/chain-head', { cookie: admin })
    expect(json.status).toBe(200)
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-hash-2026-10-05\.json"/)
    expect(json.json).toMatchObject({ intact: true, newestRowId: check.newestRowId, newestHash: check.newestHash, rowsChecked: check.rowsChecked })
    const text = await t.request('GET', '/api/admin/audit-log/chain-head?format=text', { cookie: admin })
    expect(text.status).toBe(200)
    expect(text.headers.get('content-type')).toContain('text/plain')
    expect(text.text).toContain(`newest hash:   ${check.newestHash}`)
    const [last] = await t.db.select({ action: auditLog.action }).from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(last?.action).toBe('audit.chain-head-exported')
  })

  it('refuses a format it does not know, naming the field', async () => {
    const response = await t.request('GET', '/api/admin/audit-log/chain-head?format=pdf', { cookie: admin })
    expect(response.status).toBe(400)
    expect(response.json.error.fields.format).toBeTruthy()
  })

  it('a tampered row: the next check records the break at that row, and the page shows it', async () => {
    const rows = await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)
    const tampered = rows[2]?.id as number
    await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)
    await t.db.execute(sql`UPDATE audit_log SET object_id = 'someone-else' WHERE id = ${tampered}`)
    await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`)
    const run = await t.request('POST', '/api/admin/audit-log/chain-checks', { cookie: admin })
    expect(run.status).toBe(201)
    expect(run.json).toMatchObject({ intact: false, breakRowId: tampered, breakReason: 'edited', newestRowId: rows[1]?.id, rowsChecked: 2 })
    const listed = (await checks()).json
    expect(listed.latest).toMatchObject({ intact: false, breakRowId: tampered })
    expect(listed.history.map((c: { intact: boolean }) => c.intact)).toEqual([false, true])
    const text = await t.request('GET', '/api/admin/audit-log/chain-head?format=text', { cookie: admin })
    expect(text.text).toContain(`BROKEN at row ${tampered} (edited)`)
  })

  it.each<Role>(['student', 'mentor', 'advisor'])('a %s may not read, run or export the checks (403)', async (role) => {
    const { cookie } = await t.signedInAs([role])
    for (const [method, path] of [
      ['GET', '/api/admin/audit-log/chain-checks'],
      ['POST', '/api/admin/audit-log/chain-checks'],
      ['GET', '/api/admin/audit-log/chain-head'],
    ] as const)
      expect((await t.request(method, path, { cookie })).status, `${method} ${path}`).toBe(403)
  })
})
