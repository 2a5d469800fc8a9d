import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeDatabase } from '#server/db/backup.ts'
import {
  auditLog,
  communityQuestions,
  letterContents,
  letterRequests,
  mentorships,
  people,
  personRoles,
  sessions,
  studentProfiles,
} from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import { insertStudentRecords, type StudentRecords } from '#tests/factories/student-records.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { verifyAuditChain } from '../../audit/audit.service.ts'

/**
 * Retention of graduates' records (decision 038), on a clock at 5 October 2026 with the school's
 * period at 6 years: the class of 2019 and earlier is past it. A graduate of 2018 with a full set
 * of records is anonymised; a graduate of 2024 and a current student (whose graduation year is
 * old, to show that enrolment, not the year, decides) are untouched; a graduate who mentors here
 * now is held. The dry run changes nothing; letters follow the school's rule.
 */

let t: TestApp
let old: StudentRecords
let recent: StudentRecords
let admin: { cookie: string; person: { id: string } }
let current: { id: string; name: string }
let mentorGraduate: { id: string; name: string }
const QUESTION_TITLE = 'How did you choose between two programs?'

async function graduate(personId: string, year: number, keepRoles: Role[] = []) {
  await t.db.update(studentProfiles).set({ enrollment: 'graduated', graduationYear: year }).where(eq(studentProfiles.personId, personId))
  await t.db.delete(personRoles).where(and(eq(personRoles.personId, personId), eq(personRoles.role, 'student')))
  for (const role of keepRoles) await t.db.insert(personRoles).values({ personId, role }).onConflictDoNothing()
}

const personRow = async (id: string) => (await t.db.select().from(people).where(eq(people.id, id)))[0]
const lettersOf = async (studentId: string) =>
  t.db
    .select({ id: letterRequests.id, talkingPoints: letterRequests.talkingPoints, hasContent: sql<boolean>`${letterContents.requestId} is not null` })
    .from(letterRequests)
    .leftJoin(letterContents, eq(letterContents.requestId, letterRequests.id))
    .where(eq(letterRequests.studentId, studentId))
const setRule = (body: Record<string, unknown>) => t.request('PUT', '/api/records/retention/settings', { cookie: admin.cookie, body })
const dryRun = () => t.request('POST', '/api/records/retention/dry-runs', { cookie: admin.cookie })
const apply = (dryRunId: string) => t.request('POST', '/api/records/retention/apply', { cookie: admin.cookie, body: { dryRunId } })

beforeAll(async () => {
  t = await createTestApp()
  old = await insertStudentRecords(t, 'old')
  recent = await insertStudentRecords(t, 'recent')
  admin = old.admin
  const asked = await t.request('POST', '/api/community/questions', {
    cookie: old.student.cookie,
    body: { board: 'topic:research', title: QUESTION_TITLE, body: 'Both had strong research.' },
  })
  expect(asked.status, asked.text).toBe(201)
  await t.db.update(letterRequests).set({ talkingPoints: 'Ask about my year in the lab' }).where(eq(letterRequests.studentId, old.student.person.id))
  await graduate(old.student.person.id, 2018)
  await graduate(recent.student.person.id, 2024)
  current = await t.insertAccount(['student'], { student: { classYear: 'M4', graduationYear: 2015 } })
  mentorGraduate = await t.insertAccount(['student'], { mentor: { capacity: 2, accepting: true } })
  await graduate(mentorGraduate.id, 2016, ['mentor'])
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('retention of graduates’ records', () => {
  let report: Record<string, any>

  it('starts with the default rule, applied by nobody on a schedule', async () => {
    const overview = await t.request('GET', '/api/records/retention', { cookie: admin.cookie })
    expect(overview.status, overview.text).toBe(200)
    expect(overview.json.settings).toMatchObject({ years: 6, letters: 'remove-content', scheduled: false, updatedAt: null })
  })

  it('refuses a rule outside 1–100 years, naming the field', async () => {
    const refused = await setRule({ years: 0, letters: 'remove-content', scheduled: false })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.years).toMatch(/at least 1 year/)
    const saved = await setRule({ years: 6, letters: 'remove-content', scheduled: false })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.json.updatedBy).toBeTruthy()
  })

  it('a dry run lists who is past the period and what each table would lose, and changes nothing else', async () => {
    const before = await summarizeDatabase(t.db)
    const response = await dryRun()
    expect(response.status, response.text).toBe(201)
    report = response.json
    const after = await summarizeDatabase(t.db)
    const changed = Object.keys(after.rowsByTable).filter((table) => after.rowsByTable[table] !== before.rowsByTable[table])
    expect(changed.sort()).toEqual(['audit_log', 'retention_runs'])
    expect(after.rowsByTable.audit_log).toBe((before.rowsByTable.audit_log ?? 0) + 1)

    expect(report.graduatedByYear).toBe(2019)
    expect(report.people.map((p: { id: string }) => p.id)).toEqual([old.student.person.id])
    expect(report.held.map((p: { id: string }) => p.id)).toEqual([mentorGraduate.id])
    expect(report.held[0].why).toMatch(/mentor role/)
    const line = (table: string) => report.tables.find((l: { table: string }) => l.table === table)
    expect(line('people')).toMatchObject({ action: 'anonymise', rows: 1 })
    expect(line('letter_contents')).toMatchObject({ action: 'delete', rows: 1 })
    expect(line('letter_requests')).toMatchObject({ action: 'anonymise', rows: 1 })
    expect(line('rank_list_entries')).toMatchObject({ action: 'delete', rows: 1 })
    expect(line('audit_log')).toMatchObject({ action: 'keep', rows: 0 })
    expect((await personRow(old.student.person.id))?.name).toBe(old.student.person.name)
  })

  it('applies the dry run: the graduate past the period is anonymised, their letter’s file removed and the request kept', async () => {
    const response = await apply(report.runId)
    expect(response.status, response.text).toBe(200)
    expect(response.json.kind).toBe('apply')
    const id = old.student.person.id
    const row = await personRow(id)
    expect(row).toMatchObject({ name: 'Former student', status: 'disabled', passwordHash: null, schoolId: null, pronouns: null })
    expect(row?.email).toBe(`removed-${id}@anonymised.invalid`)
    const letters = await lettersOf(id)
    expect(letters).toEqual([{ id: old.ids.letterRequestId, talkingPoints: '', hasContent: false }])
    // Others' history stays: the mentorship (now with an anonymised student), the question shown as anonymous.
    expect(await t.db.select({ id: mentorships.id }).from(mentorships).where(eq(mentorships.studentId, id))).toHaveLength(1)
    const [question] = await t.db.select().from(communityQuestions).where(eq(communityQuestions.authorId, id))
    expect(question?.isAnonymous).toBe(true)
    // Their sessions are gone.
    expect(await t.db.select().from(sessions).where(eq(sessions.personId, id))).toEqual([])
  })

  it('leaves a graduate within the period, a current student and a graduate who mentors here untouched', async () => {
    expect((await personRow(recent.student.person.id))?.name).toBe(recent.student.person.name)
    expect(await lettersOf(recent.student.person.id)).toEqual([{ id: recent.ids.letterRequestId, talkingPoints: '', hasContent: true }])
    expect((await personRow(current.id))?.name).toBe(current.name)
    expect((await personRow(mentorGraduate.id))?.name).toBe(mentorGraduate.name)
  })

  it('writes the audit rows, and the audit chain still verifies', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.objectId, old.student.person.id))
    expect(rows.some((r) => r.action === 'records.retention.anonymised' && r.actorId === admin.person.id)).toBe(true)
    const applied = await t.db.select().from(auditLog).where(eq(auditLog.action, 'records.retention.apply'))
    expect(applied).toHaveLength(1)
    // The graduate's own earlier audit rows are kept as written.
    expect(rows.length).toBeGreaterThan(1)
    const chain = await verifyAuditChain(t.db)
    expect(chain.ok, JSON.stringify(chain)).toBe(true)
  })

  it('refuses a dry run applied twice, or one whose graduates have changed since', async () => {
    const again = await apply(report.runId)
    expect(again.status).toBe(409)
    expect(again.json.error.message).toMatch(/changed since this dry run/)
    const missing = await apply('0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e12')
    expect(missing.status).toBe(404)
  })

  it('keeps letters when the school’s rule says so', async () => {
    const kept = await insertStudentRecords(t, 'kept')
    await graduate(kept.student.person.id, 2017)
    expect((await setRule({ years: 6, letters: 'keep', scheduled: false })).status).toBe(200)
    const dry = await dryRun()
    expect(dry.json.tables.find((l: { table: string }) => l.table === 'letter_contents')).toMatchObject({ action: 'keep', rows: 0 })
    expect((await apply(dry.json.runId)).status).toBe(200)
    expect((await personRow(kept.student.person.id))?.name).toBe('Former student')
    expect(await lettersOf(kept.student.person.id)).toEqual([{ id: kept.ids.letterRequestId, talkingPoints: '', hasContent: true }])
  }, 60_000)

  it('the scheduled run applies only when the school turned it on', async () => {
    const late = await t.insertAccount(['student'])
    await graduate(late.id, 2010)
    expect(await t.services.records.retention.runScheduled()).toBeNull()
    expect((await personRow(late.id))?.name).toBe(late.name)
    expect((await setRule({ years: 6, letters: 'remove-content', scheduled: true })).status).toBe(200)
    const ran = await t.services.records.retention.runScheduled()
    expect(ran?.people.map((p) => p.id)).toEqual([late.id])
    expect((await personRow(late.id))?.name).toBe('Former student')
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'records.retention.scheduled'))
    expect(row?.actorId).toBeNull()
    expect(await t.services.records.retention.runScheduled()).toBeNull()
    expect((await verifyAuditChain(t.db)).ok).toBe(true)
  })

  it.each<Role>(['student', 'mentor', 'advisor'])('a %s may not read, set, dry-run or apply retention (403)', async (role) => {
    const someone = await t.signedInAs([role])
    const calls = [
      t.request('GET', '/api/records/retention', { cookie: someone.cookie }),
      t.request('PUT', '/api/records/retention/settings', { cookie: someone.cookie, body: { years: 1, letters: 'remove-content', scheduled: true } }),
      t.request('POST', '/api/records/retention/dry-runs', { cookie: someone.cookie }),
      t.request('POST', '/api/records/retention/apply', { cookie: someone.cookie, body: { dryRunId: report.runId } }),
    ]
    for (const response of await Promise.all(calls)) expect(response.status).toBe(403)
    expect((await t.request('GET', '/api/records/retention', {})).status).toBe(401)
  })
})
