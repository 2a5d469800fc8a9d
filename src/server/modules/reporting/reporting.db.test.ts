import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meetings, mentorshipRequests, mentorships, studentAdvisors } from '#server/db/schema/index.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The school dashboard on real rows: an assigned advisor's figures and lists cover their students
 * only, the school-wide scope covers every student, and each figure's drill-down lists exactly the
 * students (or mentors) counted.
 */
let t: TestApp
const ids: Record<string, string> = {}
const cookies: Record<string, string> = {}
const DAY = 86_400_000

async function mentorship(studentId: string, mentorId: string, kind: 'ongoing' | 'coffee-chat' = 'ongoing') {
  const at = new Date(t.clock.now().getTime() - 200 * DAY)
  const [request] = await t.db
    .insert(mentorshipRequests)
    .values({ studentId, mentorId, initiatedBy: 'student', kind, message: 'Hello', status: 'accepted', statusChangedAt: at, createdAt: at, expiresAt: at })
    .returning({ id: mentorshipRequests.id })
  const [row] = await t.db
    .insert(mentorships)
    .values({ requestId: request!.id, studentId, mentorId, kind, status: 'active', startedAt: at })
    .returning({ id: mentorships.id })
  return row!.id
}

async function meeting(mentorshipId: string, mentorId: string, daysAgo: number, status: 'confirmed' | 'proposed' = 'confirmed') {
  const startAt = new Date(t.clock.now().getTime() - daysAgo * DAY)
  await t.db.insert(meetings).values({
    mentorshipId,
    mentorId,
    uid: `${mentorshipId}-${daysAgo}@test`,
    status,
    proposedBy: mentorId,
    startAt,
    endAt: new Date(startAt.getTime() + 1_800_000),
    locationKind: 'video',
    createdAt: startAt,
    updatedAt: startAt,
  })
}

beforeAll(async () => {
  t = await createTestApp()
  const account = async (key: string, roles: Parameters<TestApp['insertAccount']>[0], overrides: Parameters<TestApp['insertAccount']>[1] = {}) => {
    const person = await t.insertAccount(roles, { name: key, ...overrides })
    ids[key] = person.id
    cookies[key] = await t.sessionCookie(person.id)
  }
  await account('=Ada No-Mentor', ['student'], { student: { classYear: 'M3' } })
  await account('Ben Quiet', ['student'], { student: { classYear: 'M3' } })
  await account('Cy Other', ['student'], { student: { classYear: 'M1' } })
  await account('Di Unassigned', ['student'], { student: { classYear: 'M3' } })
  await account('Eve Chat', ['student'], { student: { classYear: 'M3' } })
  await account('Full Mentor', ['mentor'], { mentor: { capacity: 1, kind: 'faculty' } })
  await account('Silent Mentor', ['mentor'], { mentor: { capacity: 4, kind: 'resident' } })
  await account('Advisor A', ['advisor'])
  await account('Advisor B', ['advisor'])
  await account('Dean', ['advisor'])
  await account('Admin', ['admin'])
  await t.insertAccount(['admin'])
  await t.request('PUT', `/api/admin/people/${ids.Dean}/school-wide`, { cookie: cookies.Admin, body: { schoolWide: true } })

  const assign = (student: string, advisor: string) =>
    t.db.insert(studentAdvisors).values({ studentId: ids[student]!, advisorId: ids[advisor]!, assignedAt: t.clock.now(), assignedBy: null })
  await assign('=Ada No-Mentor', 'Advisor A')
  await assign('Ben Quiet', 'Advisor A')
  await assign('Eve Chat', 'Advisor A')
  await assign('Cy Other', 'Advisor B')

  const ben = await mentorship(ids['Ben Quiet']!, ids['Full Mentor']!)
  await meeting(ben, ids['Full Mentor']!, 100)
  await meeting(ben, ids['Full Mentor']!, 3, 'proposed') // proposed, never confirmed: not a meeting held
  const di = await mentorship(ids['Di Unassigned']!, ids['Full Mentor']!)
  await meeting(di, ids['Full Mentor']!, 5)
  await mentorship(ids['Eve Chat']!, ids['Silent Mentor']!, 'coffee-chat') // a coffee chat is not a mentor
  const asked = new Date(t.clock.now().getTime() - 10 * DAY)
  await t.db.insert(mentorshipRequests).values({
    studentId: ids['Cy Other']!,
    mentorId: ids['Silent Mentor']!,
    initiatedBy: 'student',
    kind: 'ongoing',
    message: 'Could we talk?',
    status: 'viewed',
    statusChangedAt: asked,
    createdAt: asked,
    expiresAt: new Date(asked.getTime() + 14 * DAY),
  })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const get = (path: string, who: string) => t.request('GET', path, { cookie: cookies[who]! })
const names = (items: { name: string }[]) => items.map((i) => i.name)

describe('the school dashboard', () => {
  it('covers every student for the school-wide scope', async () => {
    const response = await get('/api/reports/school', 'Dean')
    expect(response.status, response.text).toBe(200)
    expect(response.json.scope).toBe('school')
    expect(response.json.engagement.total).toEqual({ classYear: null, students: 5, noMentor: 3, emptyBoardSlots: 5, noRecentMeeting: 1 })
    const m3 = response.json.engagement.byClassYear.find((r: { classYear: string }) => r.classYear === 'M3')
    expect(m3).toMatchObject({ students: 4, noMentor: 2, noRecentMeeting: 1 })
    expect(response.json.mentors.total).toMatchObject({ mentors: 2, capacity: 5, activeMentorships: 3, overCapacity: 1, silent: 1 })
  })

  it('covers only an assigned advisor’s own students: another advisor’s student is in no figure and no list', async () => {
    const response = await get('/api/reports/school', 'Advisor A')
    expect(response.json.scope).toBe('assigned')
    expect(response.json.engagement.total).toMatchObject({ students: 3, noMentor: 2, noRecentMeeting: 1 })
    expect(response.json.engagement.byClassYear.find((r: { classYear: string }) => r.classYear === 'M1').students).toBe(0)
    const all = await get('/api/reports/school/students?measure=all', 'Advisor A')
    expect(names(all.json.items)).toEqual(['=Ada No-Mentor', 'Ben Quiet', 'Eve Chat'])
    const m1 = await get('/api/reports/school/students?measure=no-mentor&classYear=M1', 'Advisor A')
    expect(m1.json.items).toEqual([])
    const csv = await get('/api/reports/school/students.csv?measure=all', 'Advisor A')
    expect(csv.text).not.toContain('Cy Other')
    expect(csv.text).not.toContain('Di Unassigned')
  })

  it('drills into "no mentor" for a class year: the students counted, and an audited read', async () => {
    const response = await get('/api/reports/school/students?measure=no-mentor&classYear=M3', 'Dean')
    expect(response.status).toBe(200)
    expect(names(response.json.items)).toEqual(['=Ada No-Mentor', 'Eve Chat'])
    const stale = await get('/api/reports/school/students?measure=no-recent-meeting', 'Dean')
    expect(names(stale.json.items)).toEqual(['Ben Quiet'])
    expect(stale.json.items[0].lastMeetingAt.slice(0, 10)).toBe(new Date(t.clock.now().getTime() - 100 * DAY).toISOString().slice(0, 10))
    const audit = await t.request('GET', '/api/admin/audit-log?action=report.students.read', { cookie: cookies.Admin! })
    expect(audit.json.items.map((e: { objectId: string }) => e.objectId)).toContain('no-mentor:M3')
  })

  it('exports the drill-down as formula-safe CSV', async () => {
    const response = await get('/api/reports/school/students.csv?measure=no-mentor&classYear=M3', 'Dean')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain('students-no-mentor-M3.csv')
    const { records } = readCsv(response.text)
    expect(records[0]).toEqual(['name', 'email', 'class_year', 'mentors', 'empty_board_slots', 'last_meeting'])
    expect(records.slice(1).map((r) => r[0])).toEqual(["'=Ada No-Mentor", 'Eve Chat'])
    expect(records[1]?.[2]).toBe('M3')
  })

  it('lists the mentors behind over-capacity and silent', async () => {
    const over = await get('/api/reports/school/mentors?measure=over-capacity', 'Advisor B')
    expect(names(over.json.items)).toEqual(['Full Mentor'])
    expect(over.json.items[0]).toMatchObject({ capacity: 1, activeMentorships: 2 })
    const silent = await get('/api/reports/school/mentors?measure=silent', 'Dean')
    expect(silent.json.items).toEqual([expect.objectContaining({ name: 'Silent Mentor', unansweredRequests: 1 })])
    const csv = await get('/api/reports/school/mentors.csv?measure=silent', 'Dean')
    expect(readCsv(csv.text).records[1]?.slice(0, 5)).toEqual(['Silent Mentor', 'Resident', '4', '1', '1'])
  })

  it('refuses students, mentors and admins, and names a bad measure', async () => {
    for (const who of ['Ben Quiet', 'Full Mentor', 'Admin']) {
      expect((await get('/api/reports/school', who)).status).toBe(403)
      expect((await get('/api/reports/school/students?measure=no-mentor', who)).status).toBe(403)
    }
    const bad = await get('/api/reports/school/students?measure=everything', 'Dean')
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.measure).toBeTruthy()
  })
})
