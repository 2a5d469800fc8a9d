import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { arrayLiteral } from '#server/db/any-of.ts'
import { meetings, mentorshipRequests, mentorships } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { listPeopleByIds, listPeopleWithRoleByIds, mapPersonIdsByEmails, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { countMentorshipsStartedByMonth, mapLastMeetingOfStudents } from '../mentorships/mentorship-reads.ts'
import { listMentorBoardFactsByIds, listStudentClassFactsByIds, listStudentFactsByIds, mapSharedIdentitiesByIds } from '../profiles/profile-reads.ts'

/**
 * The batched reads the office's dashboards make for a whole school, with far more ids than
 * PostgreSQL's limit of 65,535 bound parameters in one statement: each read sends its ids as one
 * array, so a school of any size reads in one query. The ids are a few real people among 70,000
 * that match no one; each read returns exactly what it returns for the real ones alone.
 */
let t: TestApp
const DAY = 86_400_000
const MANY = 70_000
let student = ''
let mentor = ''
let advisor = ''
let many: string[] = []

beforeAll(async () => {
  t = await createTestApp()
  student = (await t.insertAccount(['student'], { name: 'Sam Student', student: { classYear: 'M2' } })).id
  mentor = (await t.insertAccount(['mentor'], { name: 'Mo Mentor', mentor: { kind: 'faculty', capacity: 3 } })).id
  advisor = (await t.insertAccount(['advisor'], { name: 'Ada Advisor' })).id
  const at = new Date(t.clock.now().getTime() - 30 * DAY)
  const [request] = await t.db
    .insert(mentorshipRequests)
    .values({
      studentId: student,
      mentorId: mentor,
      initiatedBy: 'student',
      kind: 'ongoing',
      message: 'Hi',
      status: 'accepted',
      statusChangedAt: at,
      createdAt: at,
      expiresAt: at,
    })
    .returning({ id: mentorshipRequests.id })
  const [ship] = await t.db
    .insert(mentorships)
    .values({ requestId: request!.id, studentId: student, mentorId: mentor, kind: 'ongoing', status: 'active', startedAt: at })
    .returning({ id: mentorships.id })
  await t.db.insert(meetings).values({
    mentorshipId: ship!.id,
    mentorId: mentor,
    uid: 'large-batches@test',
    status: 'confirmed',
    proposedBy: mentor,
    startAt: at,
    endAt: new Date(at.getTime() + 1_800_000),
    locationKind: 'video',
    createdAt: at,
    updatedAt: at,
  })
  many = [...Array.from({ length: MANY }, () => randomUUID()), student, mentor, advisor, student]
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('batched reads with more ids than PostgreSQL binds in one statement', () => {
  it('identity: people, names and people with a role', async () => {
    expect((await listPeopleByIds(t.db, many)).map((p) => p.id).sort()).toEqual([student, mentor, advisor].sort())
    expect([...(await mapPersonNamesByIds(t.db, many)).values()].sort()).toEqual(['Ada Advisor', 'Mo Mentor', 'Sam Student'])
    expect((await listPeopleWithRoleByIds(t.db, many, 'student')).map((p) => p.id)).toEqual([student])
    const emails = [...many.map((id) => `${id}@nowhere.test`), (await listPeopleByIds(t.db, [mentor]))[0]!.email.toUpperCase()]
    expect([...(await mapPersonIdsByEmails(t.db, emails)).values()]).toEqual([mentor])
  })

  it("profiles: students' and mentors' facts, shared groups", async () => {
    expect((await listStudentFactsByIds(t.db, many)).map((s) => s.personId)).toEqual([student])
    expect(await listStudentClassFactsByIds(t.db, many)).toEqual([expect.objectContaining({ personId: student, classYear: 'M2' })])
    expect(await listMentorBoardFactsByIds(t.db, many)).toEqual([expect.objectContaining({ personId: mentor, kind: 'faculty' })])
    expect((await mapSharedIdentitiesByIds(t.db, many)).size).toBeLessThanOrEqual(1)
  })

  it("mentorships: last meetings and mentorships started, the advising board's gaps", async () => {
    expect([...(await mapLastMeetingOfStudents(t.db, many, t.clock.now())).keys()]).toEqual([student])
    const started = await countMentorshipsStartedByMonth(t.db, many, new Date(t.clock.now().getTime() - 365 * DAY))
    expect(started.reduce((sum, m) => sum + m.started, 0)).toBe(1)
    const gaps = await t.services.advising.listBoardGaps(many)
    expect(gaps.map((g) => [g.id, g.mentorIds])).toEqual([[student, [mentor]]])
  })

  it("the season's and participation owners' reads", async () => {
    const { letters, materials, mockInterviews, listBuilder, rankLists, classSimulation, opportunities } = t.services
    expect(await letters.listOpenLetterRequestsOfStudents(many)).toEqual([])
    expect(await materials.listOpenReviewRequestsOfStudents(many)).toEqual([])
    expect(await mockInterviews.listOutstandingMocksOfStudents(many)).toEqual([])
    expect((await listBuilder.mapProfileSummariesOfStudents(many)).size).toBe(0)
    expect((await listBuilder.countProgramsOnListsOfStudents(many)).size).toBe(0)
    expect((await rankLists.mapReviewStatusesOfStudents(many)).get(student)).toBe('draft')
    expect((await classSimulation.mapLatestAtRiskOfStudents(many)).size).toBe(0)
    expect((await opportunities.participationOfStudents(many)).size).toBe(0)
  })
})

describe('the array parameter', () => {
  it('carries any text unchanged: commas, quotes, backslashes, braces, spaces, NULL as a word', async () => {
    const values = ['a,b', 'say "hi"', 'back\\slash', '{braces}', ' spaced ', 'NULL', '', 'ünï']
    const result = await t.db.execute(sql`select unnest(${arrayLiteral(values)}::text[]) as v`)
    expect((result as unknown as { rows: { v: string }[] }).rows.map((r) => r.v)).toEqual(values)
  })

  it('sends repeated values once', () => {
    expect(arrayLiteral(['x', 'y', 'x'])).toBe('{"x","y"}')
  })
})
