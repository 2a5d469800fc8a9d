import { and, eq, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_RUBRIC } from '#server/db/seed/content/mock-interview-rubric.ts'
import { auditLog, mentorProfiles, mockInterviewCompetencies, mockInterviewSlots, studentAdvisors } from '#server/db/schema/index.ts'
import type { RubricCompetency } from '#shared/contracts/mock-interviews.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The office's editors (the rubric, the question bank), an advisor's read of a student's mocks,
 * and `[mock-slot-overlap]`: overlapping publishes by one interviewer at once, one lands.
 */

type Account = { person: { id: string; email: string; name: string }; cookie: string }
let t: TestApp
let admin: Account
const DATABASE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  admin = await t.signedInAs(['admin'])
  const saved = await t.request('PUT', '/api/mock-interviews/school', { cookie: admin.cookie, body: { bookingsPerSeason: 3, competencies: DEMO_RUBRIC } })
  expect(saved.status, saved.text).toBe(200)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function mockInterviewer(): Promise<Account> {
  const person = await t.insertAccount(['mentor'])
  await t.db
    .update(mentorProfiles)
    .set({ offers: sql`array_append(${mentorProfiles.offers}, 'mock-interviews')` })
    .where(eq(mentorProfiles.personId, person.id))
  return { person, cookie: await t.sessionCookie(person.id) }
}

const fresh = async (a: Account): Promise<Account> => ({ ...a, cookie: await t.sessionCookie(a.person.id) })
const saveRubric = async (competencies: readonly RubricCompetency[]) =>
  t.request('PUT', '/api/mock-interviews/school', { cookie: (await fresh(admin)).cookie, body: { bookingsPerSeason: 3, competencies } })

/** A scored mock of a fresh student: returns the student and the booking. */
async function scoredMock(interviewer: Account, daysAhead: number, level: number) {
  const s = await t.insertAccount(['student'])
  const startAt = new Date(t.clock.now().getTime() + daysAhead * MS_PER_DAY)
  const slot = await t.request('POST', '/api/mock-interviews/slots', {
    cookie: (await fresh(interviewer)).cookie,
    body: { specialtyId: 'dermatology', kind: 'traditional', startAt: startAt.toISOString(), durationMinutes: 30, place: 'in-person', room: 'Room 2' },
  })
  expect(slot.status, slot.text).toBe(201)
  const booked = await t.request('POST', `/api/mock-interviews/slots/${slot.json.id}/book`, { cookie: await t.sessionCookie(s.id) })
  expect(booked.status, booked.text).toBe(201)
  const rubric = (await t.request('GET', '/api/mock-interviews/school', { cookie: await t.sessionCookie(s.id) })).json.competencies as RubricCompetency[]
  const before = t.clock.now()
  t.clock.set(new Date(startAt.getTime() + 10 * 60_000))
  const scored = await t.request('PUT', `/api/mock-interviews/bookings/${booked.json.id}/scores`, {
    cookie: (await fresh(interviewer)).cookie,
    body: { scores: Object.fromEntries(rubric.map((c) => [c.id, level])), feedback: 'Clear and warm.' },
  })
  expect(scored.status, scored.text).toBe(200)
  t.clock.set(before)
  return { studentId: s.id, bookingId: booked.json.id as string }
}

describe('the rubric editor', () => {
  it('retires a scored competency (its past scores stay readable), deletes an unscored one, and restores a retired one', async () => {
    const interviewer = await mockInterviewer()
    const extra: RubricCompetency = { ...(DEMO_RUBRIC[0] as RubricCompetency), id: 'bedside-manner', name: 'Bedside manner' }
    expect((await saveRubric([...DEMO_RUBRIC, extra])).status).toBe(200)
    const mock = await scoredMock(interviewer, 3, 4)

    // Drop "communication" (scored) and "bedside-manner" (also scored), then add an unscored one and drop it again.
    const kept = DEMO_RUBRIC.filter((c) => c.id !== 'communication')
    const unscored: RubricCompetency = { ...(DEMO_RUBRIC[1] as RubricCompetency), id: 'teaching', name: 'Teaching' }
    expect((await saveRubric([...kept, unscored])).status).toBe(200)
    expect((await saveRubric(kept)).status).toBe(200)

    const editor = await t.request('GET', '/api/mock-interviews/rubric', { cookie: (await fresh(admin)).cookie })
    expect(editor.status, editor.text).toBe(200)
    const byId = new Map((editor.json.competencies as { id: string; active: boolean; scoreCount: number; scoresUsed: number[] }[]).map((c) => [c.id, c]))
    expect(byId.get('communication')).toMatchObject({ active: false, scoreCount: 1, scoresUsed: [4] })
    expect(byId.get('bedside-manner')).toMatchObject({ active: false })
    expect(byId.has('teaching')).toBe(false)
    expect((await t.db.select().from(mockInterviewCompetencies).where(eq(mockInterviewCompetencies.id, 'teaching'))).length).toBe(0)

    // New scoring forms leave the retired one out; the past mock still shows it by name.
    const school = await t.request('GET', '/api/mock-interviews/school', { cookie: (await fresh(admin)).cookie })
    expect((school.json.competencies as RubricCompetency[]).map((c) => c.id)).not.toContain('communication')
    const read = await t.request('GET', `/api/mock-interviews/bookings/${mock.bookingId}`, { cookie: await t.sessionCookie(mock.studentId) })
    expect((read.json.rubric as RubricCompetency[]).find((c) => c.id === 'communication')?.name).toBe('Communication')

    // Restored, in a new place, with new words on its levels.
    const communication = DEMO_RUBRIC.find((c) => c.id === 'communication') as RubricCompetency
    const reworded = { ...communication, levels: communication.levels.map((l) => ({ ...l, label: `${l.label}!` })) }
    expect((await saveRubric([reworded, ...kept])).status).toBe(200)
    const after = await t.request('GET', '/api/mock-interviews/school', { cookie: (await fresh(admin)).cookie })
    expect(after.json.competencies[0]).toMatchObject({ id: 'communication', levels: expect.arrayContaining([expect.objectContaining({ label: 'Strong!' })]) })

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, admin.person.id), eq(auditLog.action, 'mock-interview.rubric.save')))
    expect(audits.length).toBeGreaterThanOrEqual(4)
  })

  it('names the field at fault: an empty name, a name used twice, too few levels, levels out of order, a scored level dropped', async () => {
    const [first, second] = DEMO_RUBRIC as [RubricCompetency, RubricCompetency]
    const empty = await saveRubric([{ ...first, name: '  ' }, second])
    expect(empty.status).toBe(400)
    expect(empty.json.error.fields['competencies.0.name']).toBeTruthy()

    const twice = await saveRubric([first, { ...second, name: first.name.toUpperCase() }])
    expect(twice.json.error.fields['competencies.1.name']).toMatch(/Another competency has this name/)

    const few = await saveRubric([{ ...first, levels: first.levels.slice(0, 1) }])
    expect(few.json.error.fields['competencies.0.levels']).toMatch(/at least two levels/)

    const backwards = await saveRubric([{ ...first, levels: [...first.levels].reverse() }])
    expect(backwards.json.error.fields['competencies.0.levels']).toMatch(/lowest to highest/)

    // "tell-me-about-yourself" was scored 4 above: a rubric without a level 4 for it is refused, and nothing is written.
    const before = await t.request('GET', '/api/mock-interviews/rubric', { cookie: (await fresh(admin)).cookie })
    const dropped = await saveRubric([{ ...first, levels: first.levels.filter((l) => l.score !== 4) }])
    expect(dropped.status).toBe(400)
    expect(dropped.json.error.fields['competencies.0.levels']).toMatch(/Past mocks were scored 4/)
    const after = await t.request('GET', '/api/mock-interviews/rubric', { cookie: (await fresh(admin)).cookie })
    expect(after.json).toEqual(before.json)
  })
})

describe('the question bank editor', () => {
  it('adds, edits, retires and restores a question, audited; students read only questions in use', async () => {
    const cookie = (await fresh(admin)).cookie
    const created = await t.request('POST', '/api/mock-interviews/questions', {
      cookie,
      body: { text: 'Tell me about a skin biopsy that surprised you.', specialtyId: 'dermatology', kind: 'behavioural', tags: ['pathology'] },
    })
    expect(created.status, created.text).toBe(201)
    const id = created.json.id as string

    const s = await t.insertAccount(['student'])
    const studentBank = async () =>
      (await t.request('GET', '/api/mock-interviews/questions?specialtyId=dermatology', { cookie: await t.sessionCookie(s.id) })).json.questions as {
        id: string
        kind: string
      }[]
    expect((await studentBank()).find((q) => q.id === id)?.kind).toBe('behavioural')

    const edited = await t.request('PUT', `/api/mock-interviews/questions/${id}`, {
      cookie,
      body: { text: 'Tell me about a biopsy result that changed a plan.', specialtyId: null, kind: 'traditional', tags: [] },
    })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.json).toMatchObject({ specialtyId: null, kind: 'traditional' })

    const retired = await t.request('PUT', `/api/mock-interviews/questions/${id}`, {
      cookie,
      body: { ...edited.json, retired: true },
    })
    expect(retired.status, retired.text).toBe(200)
    expect((await studentBank()).some((q) => q.id === id)).toBe(false)
    const office = await t.request('GET', '/api/mock-interviews/question-bank', { cookie })
    expect(office.json.questions.find((q: { id: string }) => q.id === id)).toMatchObject({ retired: true })

    await t.request('PUT', `/api/mock-interviews/questions/${id}`, { cookie, body: { ...edited.json, retired: false } })
    expect((await studentBank()).some((q) => q.id === id)).toBe(true)

    const actions = (
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, id), like(auditLog.action, 'mock-interview.question.%')))
    ).map((a) => a.action)
    expect(actions.sort()).toEqual([
      'mock-interview.question.create',
      'mock-interview.question.restore',
      'mock-interview.question.retire',
      'mock-interview.question.update',
    ])
  })

  it('refuses an empty question, an unknown kind or specialty and a repeated tag on their fields; an unknown question is 404', async () => {
    const cookie = (await fresh(admin)).cookie
    const bad = await t.request('POST', '/api/mock-interviews/questions', {
      cookie,
      body: { text: ' ', specialtyId: 'astrology', kind: 'quiz', tags: ['ethics', 'Ethics'] },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['kind', 'specialtyId', 'tags', 'text'])
    const missing = await t.request('PUT', '/api/mock-interviews/questions/00000000-0000-4000-8000-000000000000', {
      cookie,
      body: { text: 'A question.', kind: 'traditional' },
    })
    expect(missing.status).toBe(404)
  })
})

describe('an advisor reads a student’s mocks', () => {
  it('the assigned advisor and a school-wide one read them, each read audited; an unassigned advisor gets 404', async () => {
    const interviewer = await mockInterviewer()
    const mock = await scoredMock(interviewer, 5, 3)
    const assigned = await t.signedInAs(['advisor'])
    await t.db.insert(studentAdvisors).values({ studentId: mock.studentId, advisorId: assigned.person.id, assignedAt: t.clock.now() })
    const read = await t.request('GET', `/api/mock-interviews/students/${mock.studentId}`, { cookie: assigned.cookie })
    expect(read.status, read.text).toBe(200)
    expect(read.json.past[0]).toMatchObject({ id: mock.bookingId, calibrated: expect.objectContaining({ raw: 3 }) })

    const dean = await t.signedInAs(['advisor'])
    await t.request('PUT', `/api/admin/people/${dean.person.id}/school-wide`, { cookie: (await fresh(admin)).cookie, body: { schoolWide: true } })
    expect((await t.request('GET', `/api/mock-interviews/students/${mock.studentId}`, { cookie: await t.sessionCookie(dean.person.id) })).status).toBe(200)

    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, mock.studentId), eq(auditLog.action, 'student-record.read.mock-interviews')))
    expect(audited.map((a) => a.actorId).sort()).toEqual([assigned.person.id, dean.person.id].sort())

    const stranger = await t.signedInAs(['advisor'])
    expect((await t.request('GET', `/api/mock-interviews/students/${mock.studentId}`, { cookie: stranger.cookie })).status).toBe(404)
  })
})

describe(`[mock-slot-overlap] on ${DATABASE}`, () => {
  it('six overlapping publishes by one interviewer at once: exactly one lands, the others get a field error on startAt', async () => {
    const interviewer = await mockInterviewer()
    // Open the pool's connections first: otherwise the first publish commits while the others wait for theirs, and no race is run.
    await Promise.all([0, 1, 2, 3, 4, 5].map(() => t.request('GET', '/api/mock-interviews/interviewing', { cookie: interviewer.cookie })))
    const base = t.clock.now().getTime() + 20 * MS_PER_DAY
    const answers = await Promise.all(
      [0, 5, 10, 15, 20, 25].map((minutes) =>
        t.request('POST', '/api/mock-interviews/slots', {
          cookie: interviewer.cookie,
          body: {
            specialtyId: 'dermatology',
            kind: 'traditional',
            startAt: new Date(base + minutes * 60_000).toISOString(),
            durationMinutes: 30,
            place: 'in-person',
            room: 'Room 3',
          },
        }),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    const losers = answers.filter((a) => a.status !== 201)
    expect(losers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400])
    for (const loser of losers) expect(loser.json.error.fields.startAt).toMatch(/overlaps your slot/)
    const rows = await t.db.select().from(mockInterviewSlots).where(eq(mockInterviewSlots.interviewerId, interviewer.person.id))
    expect(rows).toHaveLength(1)
  })
})
