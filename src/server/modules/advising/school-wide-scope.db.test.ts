import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** Decision 015: an advisor with the school-wide scope reads any student's record, audited as an assigned advisor's read. */
let t: TestApp
let adminCookie = ''
beforeAll(async () => {
  t = await createTestApp()
  adminCookie = (await t.signedInAs(['admin'])).cookie
  await t.insertAccount(['admin'])
})
afterAll(async () => {
  await t?.close()
})

const boardOf = (studentId: string, cookie: string) => t.request('GET', `/api/advising/students/${studentId}/board`, { cookie })

describe('the school-wide scope', () => {
  it('lets an admin give it to an advisor, who then reads any student’s board, each read audited', async () => {
    const student = await t.insertAccount(['student'], { student: { classYear: 'M3' } })
    const dean = await t.insertAccount(['advisor'], { name: 'Dean Whole School' })
    const deanCookie = await t.sessionCookie(dean.id)
    expect((await boardOf(student.id, deanCookie)).status).toBe(404)

    const granted = await t.request('PUT', `/api/admin/people/${dean.id}/school-wide`, { cookie: adminCookie, body: { schoolWide: true } })
    expect(granted.status).toBe(200)
    expect(granted.json.schoolWide).toBe(true)

    const read = await boardOf(student.id, deanCookie)
    expect(read.status, read.text).toBe(200)
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, dean.id), eq(auditLog.objectId, student.id)))
    expect(audits.map((a) => a.action)).toEqual(['student-record.read.advising-board'])

    const withdrawn = await t.request('PUT', `/api/admin/people/${dean.id}/school-wide`, { cookie: adminCookie, body: { schoolWide: false } })
    expect(withdrawn.json.schoolWide).toBe(false)
    expect((await boardOf(student.id, deanCookie)).status).toBe(404)
  })

  it('is refused to someone without the advisor role, and an admin holding the flag reads nothing', async () => {
    const student = await t.insertAccount(['student'])
    const otherAdmin = await t.insertAccount(['admin'])
    const refused = await t.request('PUT', `/api/admin/people/${otherAdmin.id}/school-wide`, { cookie: adminCookie, body: { schoolWide: true } })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.schoolWide).toBeTruthy()

    // An advisor-and-admin given the scope, who then loses the advisor role, reads no student's record.
    const both = await t.insertAccount(['advisor', 'admin'])
    await t.request('PUT', `/api/admin/people/${both.id}/school-wide`, { cookie: adminCookie, body: { schoolWide: true } })
    const cookie = await t.sessionCookie(both.id)
    expect((await boardOf(student.id, cookie)).status).toBe(200)
    await t.request('PUT', `/api/admin/people/${both.id}/roles`, { cookie: adminCookie, body: { roles: ['admin'] } })
    expect([403, 404]).toContain((await boardOf(student.id, cookie)).status)
  })
})
