import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { studentAdvisors } from '#server/db/schema/index.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The audit log answers "who read this student's record?" in one step, with names, and exports it. */
let t: TestApp
let admin = ''
let studentId = ''
let advisorId = ''
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  admin = (await t.signedInAs(['admin'])).cookie
  const student = await t.insertAccount(['student'], { name: 'Maya Quintero' })
  const bystander = await t.insertAccount(['student'], { name: 'Omar Bystander' })
  const advisor = await t.insertAccount(['advisor'], { name: 'Vera Advisor' })
  studentId = student.id
  advisorId = advisor.id
  for (const s of [student.id, bystander.id])
    await t.db.insert(studentAdvisors).values({ studentId: s, advisorId: advisor.id, assignedAt: t.clock.now(), assignedBy: null })
  const cookie = await t.sessionCookie(advisor.id)
  for (const s of [student.id, bystander.id]) expect((await t.request('GET', `/api/advising/students/${s}/board`, { cookie })).status).toBe(200)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const log = (query: string) => t.request('GET', `/api/admin/audit-log?${query}`, { cookie: admin })

describe('the audit log’s filters', () => {
  it('finds who read a student’s record by the student’s name, with names instead of ids', async () => {
    const response = await log(`subject=${encodeURIComponent('maya quin')}&action=student-record.read`)
    expect(response.status, response.text).toBe(200)
    expect(response.json.items).toEqual([
      expect.objectContaining({ action: 'student-record.read.advising-board', actorName: 'Vera Advisor', objectName: 'Maya Quintero', objectId: studentId }),
    ])
    expect((await log(`subject=${studentId}`)).json.items.map((e: { objectName: string }) => e.objectName)).toEqual(['Maya Quintero'])
  })

  it('matches the action as a prefix, and the actor by name or id', async () => {
    const reads = await log(`action=student-record.&actor=${encodeURIComponent('Vera')}`)
    expect(reads.json.total).toBe(2)
    expect((await log(`actor=${advisorId}&action=student-record.read.advising-board`)).json.total).toBe(2)
    expect((await log('action=student-record.read.advising-board_')).json.total).toBe(0) // _ is a letter, not a wildcard
    expect((await log('actor=Nobody%20Named%20So')).json.total).toBe(0)
  })

  it('keeps a range of whole days, and names a range that ends before it starts', async () => {
    expect((await log('action=student-record&from=2026-10-05&to=2026-10-05')).json.total).toBe(2)
    expect((await log('action=student-record&from=2026-10-06')).json.total).toBe(0)
    expect((await log('action=student-record&to=2026-10-04')).json.total).toBe(0)
    const backwards = await log('from=2026-10-06&to=2026-10-01')
    expect(backwards.status).toBe(400)
    expect(backwards.json.error.fields.to).toBeTruthy()
    expect((await log('from=yesterday')).json.error.fields.from).toBeTruthy()
  })

  it('exports the filtered entries as CSV with names', async () => {
    const response = await t.request('GET', `/api/admin/audit-log.csv?subject=${studentId}`, { cookie: admin })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('audit-log.csv')
    const { records } = readCsv(response.text)
    expect(records[0]).toEqual(['at_utc', 'actor', 'actor_id', 'action', 'object_type', 'object_name', 'object_id', 'request_id'])
    expect(records.slice(1).map((r) => [r[1], r[3], r[5]])).toEqual([['Vera Advisor', 'student-record.read.advising-board', 'Maya Quintero']])
  })
})
