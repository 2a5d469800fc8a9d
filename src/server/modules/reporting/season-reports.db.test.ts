import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applicationProfiles,
  classSimulations,
  letterRequests,
  materialDocuments,
  materialReviewRequests,
  materialVersions,
  mentorshipRequests,
  mentorships,
  mockInterviewBookings,
  mockInterviewSlots,
  rankLists,
  studentAdvisors,
  studentProgramLists,
} from '#server/db/schema/index.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { insertResidencyProgram } from '#tests/factories/student-records.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The letters and residency-season dashboards on real rows (decision 039): an assigned advisor's
 * figures and lists cover their own students only, the school-wide scope every student; each
 * figure's drill-down lists exactly what it counts; a letter's content, talking points and the
 * writer's message never reach a response; students, mentors and admins are refused.
 */
let t: TestApp
const ids: Record<string, string> = {}
const cookies: Record<string, string> = {}
const DAY = 86_400_000
const CANARY = 'CANARY-talking-points-7f3a'
const date = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString().slice(0, 10)

async function letter(
  student: string,
  writer: { person?: string; outside?: string },
  dueInDays: number,
  status: 'requested' | 'accepted' | 'submitted' = 'requested',
) {
  const at = new Date(t.clock.now().getTime() - 30 * DAY)
  await t.db.insert(letterRequests).values({
    studentId: ids[student]!,
    writerPersonId: writer.person ? ids[writer.person]! : null,
    writerName: writer.outside ?? null,
    writerEmail: writer.outside ? 'writer@hospital.example.org' : null,
    purpose: 'general',
    letterType: 'standard',
    dueDate: date(dueInDays),
    talkingPoints: CANARY,
    writerMessage: `${CANARY}-message`,
    waivedRightOfAccess: true,
    waiverRecordedAt: at,
    waiverRecordedBy: ids[student]!,
    status,
    statusChangedAt: at,
    createdAt: at,
  })
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  const account = async (key: string, roles: Parameters<TestApp['insertAccount']>[0], overrides: Parameters<TestApp['insertAccount']>[1] = {}) => {
    const person = await t.insertAccount(roles, { name: key, ...overrides })
    ids[key] = person.id
    cookies[key] = await t.sessionCookie(person.id)
  }
  await account('Ann Applicant', ['student'], { student: { classYear: 'M4' } })
  await account('Bo Behind', ['student'], { student: { classYear: 'M4' } })
  await account('Cy Other', ['student'], { student: { classYear: 'M3' } })
  await account('Writer Mentor', ['mentor'], { mentor: { capacity: 3, kind: 'faculty' } })
  await account('Advisor A', ['advisor'])
  await account('Advisor B', ['advisor'])
  await account('Dean', ['advisor'])
  await account('Admin', ['admin'])
  await t.insertAccount(['admin'])
  await t.request('PUT', `/api/admin/people/${ids.Dean}/school-wide`, { cookie: cookies.Admin, body: { schoolWide: true } })
  const assign = (student: string, advisor: string) =>
    t.db.insert(studentAdvisors).values({ studentId: ids[student]!, advisorId: ids[advisor]!, assignedAt: t.clock.now(), assignedBy: null })
  await assign('Ann Applicant', 'Advisor A')
  await assign('Bo Behind', 'Advisor A')
  await assign('Cy Other', 'Advisor B')

  // Letters: Ann's overdue (writer in the app), Ann's due soon (outside writer), Bo's due later,
  // Cy's overdue (Advisor B's student), and Bo's submitted one (not outstanding).
  await letter('Ann Applicant', { person: 'Writer Mentor' }, -3)
  await letter('Ann Applicant', { outside: 'Dr. Outside Writer' }, 5, 'accepted')
  await letter('Bo Behind', { person: 'Writer Mentor' }, 40)
  await letter('Cy Other', { person: 'Writer Mentor' }, -1)
  await letter('Bo Behind', { person: 'Writer Mentor' }, -10, 'submitted')

  // A CV review Bo asked of the mentor, overdue; a mock Ann held yesterday, not scored.
  const [doc] = await t.db
    .insert(materialDocuments)
    .values({ studentId: ids['Bo Behind']!, kind: 'cv', title: `${CANARY} CV`, createdAt: t.clock.now(), updatedAt: t.clock.now() })
    .returning({ id: materialDocuments.id })
  const [version] = await t.db
    .insert(materialVersions)
    .values({ documentId: doc!.id, number: 1, body: CANARY, characters: CANARY.length, note: 'Written', createdAt: t.clock.now() })
    .returning({ id: materialVersions.id })
  await t.db
    .insert(materialReviewRequests)
    .values({ versionId: version!.id, reviewerId: ids['Writer Mentor']!, question: CANARY, dueDate: date(-2), createdAt: t.clock.now() })
  const held = new Date(t.clock.now().getTime() - DAY)
  const [slot] = await t.db
    .insert(mockInterviewSlots)
    .values({
      interviewerId: ids['Writer Mentor']!,
      specialtyId: 'internal-medicine',
      kind: 'traditional',
      startAt: held,
      endAt: new Date(held.getTime() + 1_800_000),
      timeZone: 'UTC',
      place: 'online',
      onlineLink: 'https://video.example.org/x',
      createdAt: held,
    })
    .returning({ id: mockInterviewSlots.id })
  await t.db.insert(mockInterviewBookings).values({ slotId: slot!.id, studentId: ids['Ann Applicant']!, season: '2026-27', bookedAt: held })

  // The season: Ann complete, 3 programs, list signed off, flagged at risk; Bo nothing yet.
  await t.db.insert(applicationProfiles).values({ studentId: ids['Ann Applicant']!, preferredSpecialtyId: 'internal-medicine', step2: 245 })
  for (const id of ['SR-1', 'SR-2', 'SR-3']) {
    await insertResidencyProgram(t.db, { id })
    await t.db.insert(studentProgramLists).values({ studentId: ids['Ann Applicant']!, programId: id })
  }
  await t.db.insert(rankLists).values({ studentId: ids['Ann Applicant']!, version: 2, status: 'signed-off', signedOffVersion: 2, signedOffAt: t.clock.now() })
  await t.db.insert(classSimulations).values({
    createdBy: ids['Advisor A']!,
    status: 'done',
    runs: 10,
    seed: 1,
    params: { classYear: 'M4', studentIds: [ids['Ann Applicant']!], sources: {}, skipped: [] },
    result: { students: [{ id: ids['Ann Applicant']!, flags: [{ reason: 'short-list', message: 'Ranks 3 programs' }] }] },
    finishedAt: new Date(t.clock.now().getTime() - 2 * DAY),
  })

  // Engagement: a mentorship and a coffee chat Ann started this month.
  for (const kind of ['ongoing', 'coffee-chat'] as const) {
    const at = new Date(t.clock.now().getTime() - 2 * DAY)
    const [request] = await t.db
      .insert(mentorshipRequests)
      .values({
        studentId: ids['Ann Applicant']!,
        mentorId: ids['Writer Mentor']!,
        initiatedBy: 'student',
        kind,
        message: 'Hi',
        status: 'accepted',
        statusChangedAt: at,
        createdAt: at,
        expiresAt: at,
      })
      .returning({ id: mentorshipRequests.id })
    await t.db
      .insert(mentorships)
      .values({ requestId: request!.id, studentId: ids['Ann Applicant']!, mentorId: ids['Writer Mentor']!, kind, status: 'active', startedAt: at })
  }
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const get = (path: string, who: string) => t.request('GET', path, { cookie: cookies[who]! })
const students = (items: { studentName: string }[]) => items.map((i) => i.studentName)

describe('the letters dashboard', () => {
  it('counts every student’s open letters for the school-wide scope, by due date and writer', async () => {
    const response = await get('/api/reports/letters', 'Dean')
    expect(response.status, response.text).toBe(200)
    expect(response.json.scope).toBe('school')
    expect(response.json.letters).toEqual({ outstanding: 4, overdue: 2, dueSoon: 1, dueLater: 1, students: 3 })
    expect(response.json.byWriter[0]).toMatchObject({ name: 'Writer Mentor', hasAccount: true, outstanding: 3, overdue: 2 })
    expect(response.json.byWriter[1]).toMatchObject({ name: 'Dr. Outside Writer', hasAccount: false, outstanding: 1, overdue: 0 })
    expect(response.json.reviews).toEqual({ open: 1, overdue: 1 })
    expect(response.json.mockInterviews).toEqual({ upcoming: 0, awaitingFeedback: 1 })
  })

  it('covers only an assigned advisor’s students: another advisor’s overdue letter is in no figure and no list', async () => {
    const response = await get('/api/reports/letters', 'Advisor A')
    expect(response.json.scope).toBe('assigned')
    expect(response.json.letters).toMatchObject({ outstanding: 3, overdue: 1 })
    const overdue = await get('/api/reports/letters/items?measure=overdue', 'Advisor A')
    expect(students(overdue.json.items)).toEqual(['Ann Applicant'])
    const other = await get('/api/reports/letters/items?measure=overdue', 'Advisor B')
    expect(students(other.json.items)).toEqual(['Cy Other'])
    const csv = await get('/api/reports/letters/items.csv?measure=outstanding', 'Advisor A')
    expect(csv.text).not.toContain('Cy Other')
  })

  it('drills into overdue, one writer, reviews and mocks, and audits each read', async () => {
    const overdue = await get('/api/reports/letters/items?measure=overdue', 'Dean')
    expect(
      overdue.json.items.map((i: { studentName: string; withName: string; status: string; due: string }) => [i.studentName, i.withName, i.status, i.due]),
    ).toEqual([
      ['Ann Applicant', 'Writer Mentor', 'requested', date(-3)],
      ['Cy Other', 'Writer Mentor', 'requested', date(-1)],
    ])
    const writer = (await get('/api/reports/letters', 'Dean')).json.byWriter[1].writer
    const outside = await get(`/api/reports/letters/items?measure=outstanding&writer=${encodeURIComponent(writer)}`, 'Dean')
    expect(outside.json.items).toEqual([expect.objectContaining({ studentName: 'Ann Applicant', withName: 'Dr. Outside Writer', status: 'accepted' })])
    const reviews = await get('/api/reports/letters/items?measure=reviews-overdue', 'Dean')
    expect(reviews.json.items).toEqual([expect.objectContaining({ studentName: 'Bo Behind', documentKind: 'cv', status: null })])
    const mocks = await get('/api/reports/letters/items?measure=mocks-awaiting-feedback', 'Dean')
    expect(students(mocks.json.items)).toEqual(['Ann Applicant'])
    const audit = await t.request('GET', '/api/admin/audit-log?action=report.letters', { cookie: cookies.Admin! })
    expect(audit.json.items.map((e: { objectId: string }) => e.objectId)).toContain('overdue:all')
  })

  it('shows status and dates only: no letter, talking points, writer’s message, document title or question', async () => {
    for (const path of [
      '/api/reports/letters',
      '/api/reports/letters/items?measure=outstanding',
      '/api/reports/letters/items?measure=reviews-open',
      '/api/reports/letters/items.csv?measure=outstanding',
      '/api/reports/letters/items.csv?measure=reviews-open',
    ]) {
      const response = await get(path, 'Dean')
      expect(response.status).toBe(200)
      expect(response.text).not.toContain('CANARY')
      expect(response.text).not.toContain('writer@hospital.example.org')
    }
    const item = (await get('/api/reports/letters/items?measure=outstanding', 'Dean')).json.items[0]
    expect(Object.keys(item).sort()).toEqual(['classYear', 'documentKind', 'due', 'id', 'requestedAt', 'status', 'studentId', 'studentName', 'withName'])
  })

  it('exports formula-safe CSV', async () => {
    const response = await get('/api/reports/letters/items.csv?measure=overdue', 'Dean')
    expect(response.headers.get('content-disposition')).toContain('letters-overdue.csv')
    const { records } = readCsv(response.text)
    expect(records[0]).toEqual(['student', 'class_year', 'with', 'what', 'due', 'requested'])
    expect(records[1]?.slice(0, 4)).toEqual(['Ann Applicant', 'Year 4 (M4)', 'Writer Mentor', 'Letter: Requested'])
  })
})

describe('the residency-season dashboard', () => {
  it('counts profiles, lists against the guide, rank lists and at-risk students per class year', async () => {
    const response = await get('/api/reports/season', 'Dean')
    expect(response.status, response.text).toBe(200)
    const m4 = response.json.byClassYear.find((r: { classYear: string }) => r.classYear === 'M4')
    expect(m4).toEqual({
      classYear: 'M4',
      students: 2,
      profileComplete: 1,
      withList: 1,
      medianPrograms: 3,
      belowGuide: 1,
      rankListSubmitted: 1,
      rankListSignedOff: 1,
      simulated: 1,
      atRisk: 1,
    })
    expect(response.json.total.students).toBe(3)
    expect(response.json.latestSimulationAt).toBe(new Date(t.clock.now().getTime() - 2 * DAY).toISOString())
  })

  it('drills into at-risk and incomplete profiles, for an assigned advisor their own students only', async () => {
    const risk = await get('/api/reports/season/students?measure=at-risk&classYear=M4', 'Advisor A')
    expect(risk.json.items).toEqual([
      expect.objectContaining({
        name: 'Ann Applicant',
        programs: 3,
        rankList: 'signed-off',
        atRiskReasons: ['Short list'],
        preferredSpecialtyId: 'internal-medicine',
      }),
    ])
    expect(risk.json.items[0].typicalApplications).toBeGreaterThan(3)
    const incomplete = await get('/api/reports/season/students?measure=profile-incomplete', 'Advisor A')
    expect(incomplete.json.items.map((s: { name: string }) => s.name)).toEqual(['Bo Behind'])
    const csv = await get('/api/reports/season/students.csv?measure=all', 'Advisor B')
    expect(
      readCsv(csv.text)
        .records.slice(1)
        .map((r) => r[0]),
    ).toEqual(['Cy Other'])
  })
})

describe('mentorships and coffee chats started per month', () => {
  it('are on the engagement dashboard, twelve months with this one last', async () => {
    const response = await get('/api/reports/school', 'Dean')
    const months = response.json.startedByMonth
    expect(months).toHaveLength(12)
    expect(months.at(-1)).toEqual({ month: '2026-10', mentorships: 1, coffeeChats: 1 })
    expect(months[0].month).toBe('2025-11')
    const other = await get('/api/reports/school', 'Advisor B')
    expect(other.json.startedByMonth.at(-1)).toEqual({ month: '2026-10', mentorships: 0, coffeeChats: 0 })
  })
})

describe('who may read them', () => {
  it('refuses students, mentors and admins, and names a bad measure', async () => {
    for (const who of ['Ann Applicant', 'Writer Mentor', 'Admin']) {
      for (const path of ['/api/reports/letters', '/api/reports/letters/items?measure=overdue', '/api/reports/season', '/api/reports/season/students.csv']) {
        expect((await get(path, who)).status, `${who} ${path}`).toBe(403)
      }
    }
    const bad = await get('/api/reports/letters/items?measure=everything', 'Dean')
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.measure).toBeTruthy()
    const badYear = await get('/api/reports/season/students?classYear=M9', 'Dean')
    expect(badYear.status).toBe(400)
    expect(badYear.json.error.fields.classYear).toBeTruthy()
  })
})
