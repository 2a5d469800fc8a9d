import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, studentAdvisors } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The advisors' page of a student's experience record (`GET /api/experiences/students/:personId`):
 * read by the student's assigned advisors, advisors with the school-wide scope and the office,
 * each read audited; refused to everyone else. The student reads their own at /api/experiences/mine.
 */
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let s: Account
let admin: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
  const person = await t.insertAccount(['student'], { name: 'Jordan Lee', student: { classYear: 'M3' } })
  s = { person, cookie: await t.sessionCookie(person.id) }
  admin = await t.signedInAs(['admin'])
  const entry = await t.request('POST', '/api/experiences', {
    cookie: s.cookie,
    body: { kind: 'research', title: 'Stroke registry', organization: 'Neurology', hours: 120, startDate: '2026-06-01', endDate: '2026-08-15' },
  })
  expect(entry.status, entry.text).toBe(201)
  const output = await t.request('POST', `/api/experiences/${entry.json.id}/outputs`, {
    cookie: s.cookie,
    body: { kind: 'poster', citation: 'Lee J, Park S. Door-to-needle times. Regional Stroke Meeting; 2026.', date: '2026-10-02' },
  })
  expect(output.status, output.text).toBe(201)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const recordOf = (by: Account, id = s.person.id) => t.request('GET', `/api/experiences/students/${id}`, { cookie: by.cookie })
const readsBy = async (actorId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.objectId, s.person.id), eq(auditLog.action, 'student-record.read.experiences')))

describe('a student’s experience record, as advisors read it', () => {
  it('gives an assigned advisor the record with whose it is, the hours, dates and citations, and audits the read', async () => {
    const assigned = await t.signedInAs(['advisor'])
    await t.db.insert(studentAdvisors).values({ studentId: s.person.id, advisorId: assigned.person.id, assignedAt: t.clock.now(), assignedBy: null })
    const read = await recordOf(assigned)
    expect(read.status, read.text).toBe(200)
    expect(read.json.student).toEqual({ id: s.person.id, name: 'Jordan Lee', classYear: 'M3' })
    expect(read.json.experiences).toEqual([
      expect.objectContaining({
        kind: 'research',
        title: 'Stroke registry',
        hours: 120,
        startDate: '2026-06-01',
        endDate: '2026-08-15',
        confirmedBy: null,
        outputs: [expect.objectContaining({ kind: 'poster', citation: 'Lee J, Park S. Door-to-needle times. Regional Stroke Meeting; 2026.' })],
      }),
    ])
    expect(await readsBy(assigned.person.id)).toHaveLength(1)
  })

  it('gives it to an advisor with the school-wide scope and to the office, audited alike', async () => {
    const dean = await t.signedInAs(['advisor'])
    expect((await recordOf(dean)).status).toBe(404)
    const granted = await t.request('PUT', `/api/admin/people/${dean.person.id}/school-wide`, { cookie: admin.cookie, body: { schoolWide: true } })
    expect(granted.status, granted.text).toBe(200)
    expect((await recordOf(dean)).status).toBe(200)
    expect((await recordOf(admin)).status).toBe(200)
    expect(await readsBy(dean.person.id)).toHaveLength(1)
    expect(await readsBy(admin.person.id)).toHaveLength(1)
  })

  it('refuses an unassigned advisor (404), a mentor and another student (403), and writes no audit row for them', async () => {
    const stranger = await t.signedInAs(['advisor'])
    const mentor = await t.signedInAs(['mentor'])
    const other = await t.signedInAs(['student'])
    const refused = await recordOf(stranger)
    expect(refused.status).toBe(404)
    expect(refused.text).not.toContain('Stroke registry')
    expect((await recordOf(mentor)).status).toBe(403)
    expect((await recordOf(other)).status).toBe(403)
    for (const a of [stranger, mentor, other]) expect(await readsBy(a.person.id)).toEqual([])
  })

  it('lets the student read their own record (their own page), unaudited, and not through the advisors’ route', async () => {
    const mine = await t.request('GET', '/api/experiences/mine', { cookie: s.cookie })
    expect(mine.status).toBe(200)
    expect(mine.json.experiences.map((e: { title: string }) => e.title)).toEqual(['Stroke registry'])
    expect((await recordOf(s)).status).toBe(403)
    expect(await readsBy(s.person.id)).toEqual([])
  })

  it('answers 404 to the office for an id that is not a student', async () => {
    expect((await recordOf(admin, admin.person.id)).status).toBe(404)
  })
})
