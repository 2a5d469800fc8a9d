import { DEFAULT_AT_RISK } from '#engines/class-simulation/index.ts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  applicationProfiles,
  auditLog,
  classSimulations,
  rankListEntries,
  residencyPrograms,
  studentAdvisors,
  studentProfiles,
  studentProgramLists,
} from '#server/db/schema/index.ts'
// The test app first: it loads the OpenAPI extension of zod before any contract is built.
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { createServices } from '#server/services.ts'

let t: TestApp
type Program = typeof residencyPrograms.$inferInsert

const program = (id: string, specialtyId: string, competitiveness: number): Program => ({
  id,
  name: `${id} Program`,
  institution: `${id} Hospital`,
  specialtyId,
  track: 'categorical',
  city: 'Springfield',
  state: 'IL',
  region: 'midwest',
  positions: 6,
  setting: 'academic',
  step2P25: 235,
  step2P75: 250,
  competitiveness,
})

const IM = Array.from({ length: 12 }, (_, i) => program(`CS-IM-${String(i).padStart(2, '0')}`, 'internal-medicine', (i + 0.5) / 12))
const FM = Array.from({ length: 6 }, (_, i) => program(`CS-FM-${i}`, 'family-medicine', (i + 0.5) / 6))

type Person = Awaited<ReturnType<TestApp['signedInAs']>>
let advisor: Person
let otherAdvisor: Person
let ranked: Person
let interviewsOnly: Person
let noList: Person
let theirs: Person

async function assign(studentId: string, advisorId: string) {
  await t.db.insert(studentAdvisors).values({ studentId, advisorId, assignedAt: t.clock.now(), assignedBy: null })
}

async function rankList(studentId: string, ids: string[]) {
  await t.db.insert(rankListEntries).values(ids.map((programId, i) => ({ studentId, listKey: 'primary', rank: i + 1, programId })))
}

async function finished(id: string, cookie: string) {
  await t.services.classSimulation.settled(id)
  return t.request('GET', `/api/class-simulations/${id}`, { cookie })
}

beforeAll(async () => {
  t = await createTestApp()
  await t.db.insert(residencyPrograms).values([...IM, ...FM])
  advisor = await t.signedInAs(['advisor'])
  otherAdvisor = await t.signedInAs(['advisor'])
  ranked = await t.signedInAs(['student'])
  interviewsOnly = await t.signedInAs(['student'])
  noList = await t.signedInAs(['student'])
  theirs = await t.signedInAs(['student'])
  for (const s of [ranked, interviewsOnly, noList]) await assign(s.person.id, advisor.person.id)
  await assign(theirs.person.id, otherAdvisor.person.id)
  await t.db
    .insert(studentProfiles)
    .values(
      [ranked, interviewsOnly, noList, theirs].map((s, i) => ({
        personId: s.person.id,
        classYear: i === 2 ? ('M3' as const) : ('M4' as const),
        graduationYear: 2027,
      })),
    )
    .onConflictDoUpdate({ target: studentProfiles.personId, set: { classYear: 'M4' } })
  await t.db.update(studentProfiles).set({ classYear: 'M3' }).where(eq(studentProfiles.personId, noList.person.id))
  await t.db.insert(applicationProfiles).values({ studentId: ranked.person.id, applicantType: 'us-md', step2: 248, preferredSpecialtyId: 'internal-medicine' })
  await rankList(
    ranked.person.id,
    IM.slice(0, 6).map((p) => p.id),
  )
  await t.db
    .insert(studentProgramLists)
    .values(FM.slice(0, 3).map((p) => ({ studentId: interviewsOnly.person.id, programId: p.id, status: 'interviewed' as const })))
  await rankList(
    theirs.person.id,
    IM.slice(3, 9).map((p) => p.id),
  )
})
afterAll(async () => {
  await t?.close()
})

describe('who may run class simulations', () => {
  it('refuses students, mentors and admins on every route', async () => {
    for (const roles of [['student'], ['mentor'], ['admin']] as const) {
      const { cookie } = await t.signedInAs([...roles])
      expect((await t.request('GET', '/api/class-simulations', { cookie })).status).toBe(403)
      expect((await t.request('POST', '/api/class-simulations', { cookie, body: { runs: 20 } })).status).toBe(403)
      expect((await t.request('GET', '/api/class-simulations/preview', { cookie })).status).toBe(403)
    }
  })

  it('refuses students who are not mine, by field', async () => {
    const res = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 20, studentIds: [theirs.person.id] } })
    expect(res.status).toBe(400)
    expect(res.json.error.fields.studentIds).toMatch(/not yours/)
  })

  it('says so when nobody chosen has a list', async () => {
    const res = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 20, classYear: 'M3' } })
    expect(res.status).toBe(400)
    expect(res.json.error.fields.classYear).toMatch(/rank order list/)
    const bad = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 5 } })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.runs).toMatch(/at least 20/)
  })
})

describe('a simulation from start to results', () => {
  it('previews, runs in the background with progress, and shows only my students, each read audited', async () => {
    const preview = await t.request('GET', '/api/class-simulations/preview', { cookie: advisor.cookie })
    expect(preview.json).toMatchObject({ students: 3, withRankList: 1, withInterviewsOnly: 1, withoutList: 1, classYear: null })
    const m4 = await t.request('GET', '/api/class-simulations/preview?classYear=M4', { cookie: advisor.cookie })
    expect(m4.json.students).toBe(2)

    const started = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 40, seed: 5 } })
    expect(started.status).toBe(201)
    expect(['queued', 'running']).toContain(started.json.status)
    expect(started.json).toMatchObject({ runs: 40, seed: 5, studentCount: 2, skippedCount: 1 })
    expect(started.json.estimateSeconds).toBeGreaterThan(0)

    const done = await finished(started.json.id, advisor.cookie)
    expect(done.status).toBe(200)
    expect(done.json.status).toBe('done')
    expect(done.json.completedRuns).toBe(40)
    const result = done.json.result
    expect(result.students.map((s: { studentId: string }) => s.studentId).sort()).toEqual([ranked.person.id, interviewsOnly.person.id].sort())
    const byId = new Map(result.students.map((s: { studentId: string }) => [s.studentId, s])) as Map<string, Record<string, any>>
    expect(byId.get(ranked.person.id)).toMatchObject({ source: 'rank-list', listLength: 6, specialties: ['internal-medicine'] })
    expect(byId.get(interviewsOnly.person.id)).toMatchObject({ source: 'interviews', listLength: 3 })
    // Three programs only: a short list, flagged only when the chance of matching leaves doubt.
    const short = byId.get(interviewsOnly.person.id)!
    expect(short.flags.map((f: { reason: string }) => f.reason).includes('short-list')).toBe(short.pMatch < DEFAULT_AT_RISK.listShapeBelow)
    for (const s of byId.values()) {
      expect(s.pMatch).toBeGreaterThanOrEqual(0)
      expect(s.pMatch).toBeLessThanOrEqual(1)
      expect(s.rankCounts.reduce((a: number, b: number) => a + b, 0)).toBe(40)
    }
    expect(result.skipped).toEqual([
      { studentId: noList.person.id, name: noList.person.name, flags: [{ reason: 'no-list', message: expect.stringMatching(/not simulated/) }] },
    ])
    expect(result.matchedCountHistogram.reduce((a: number, b: number) => a + b, 0)).toBe(40)
    expect(result.hiddenStudents).toBe(0)

    const audited = await t.db
      .select({ objectId: auditLog.objectId })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.person.id), eq(auditLog.action, 'student-record.read.class-simulation')))
    expect(new Set(audited.map((a) => a.objectId))).toEqual(new Set([ranked.person.id, interviewsOnly.person.id, noList.person.id]))

    // Another advisor cannot see it, even by id.
    expect((await t.request('GET', `/api/class-simulations/${started.json.id}`, { cookie: otherAdvisor.cookie })).status).toBe(404)
    const list = await t.request('GET', '/api/class-simulations', { cookie: advisor.cookie })
    expect(list.json.simulations[0]).toMatchObject({ id: started.json.id, status: 'done' })
    expect((await t.request('GET', '/api/class-simulations', { cookie: otherAdvisor.cookie })).json.simulations).toEqual([])

    // The same seed gives the same figures.
    const again = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 40, seed: 5 } })
    const second = await finished(again.json.id, advisor.cookie)
    expect(second.json.result.students).toEqual(result.students)

    // A student reassigned away no longer shows in my results.
    await t.db.delete(studentAdvisors).where(and(eq(studentAdvisors.studentId, interviewsOnly.person.id), eq(studentAdvisors.advisorId, advisor.person.id)))
    const after = await t.request('GET', `/api/class-simulations/${started.json.id}`, { cookie: advisor.cookie })
    expect(after.json.result.students.map((s: { studentId: string }) => s.studentId)).toEqual([ranked.person.id])
    expect(after.json.result.hiddenStudents).toBe(1)
    await assign(interviewsOnly.person.id, advisor.person.id)
  })

  it('cancels a running simulation, and refuses to cancel twice', async () => {
    const started = await t.request('POST', '/api/class-simulations', { cookie: advisor.cookie, body: { runs: 5000, seed: 1 } })
    expect(started.status).toBe(201)
    const cancelled = await t.request('POST', `/api/class-simulations/${started.json.id}/cancel`, { cookie: advisor.cookie })
    expect(cancelled.status).toBe(200)
    expect(cancelled.json.status).toBe('cancelled')
    await t.services.classSimulation.settled(started.json.id)
    const row = await t.request('GET', `/api/class-simulations/${started.json.id}`, { cookie: advisor.cookie })
    expect(row.json).toMatchObject({ status: 'cancelled', result: null })
    expect(row.json.completedRuns).toBeLessThan(5000)
    const twice = await t.request('POST', `/api/class-simulations/${started.json.id}/cancel`, { cookie: advisor.cookie })
    expect(twice.status).toBe(409)
    expect((await t.request('POST', `/api/class-simulations/${started.json.id}/cancel`, { cookie: otherAdvisor.cookie })).status).toBe(404)
  })

  it('marks a simulation left running by a stopped server as failed, with a message', async () => {
    const [left] = await t.db
      .insert(classSimulations)
      .values({
        createdBy: advisor.person.id,
        status: 'running',
        runs: 100,
        completedRuns: 30,
        seed: 1,
        params: { classYear: null, studentIds: [], sources: {}, skipped: [] },
      })
      .returning()
    // A new server process: a fresh set of services over the same database.
    const restarted = createServices(t.db, t.clock, null, {
      appOrigin: 'http://preceptor.test',
      demoMode: false,
      sessionPolicy: { idleMinutes: 60, absoluteHours: 12 },
    })
    const { simulations } = await restarted.classSimulation.list({ ...advisor.person, personId: advisor.person.id, roles: ['advisor'] } as never)
    const row = simulations.find((s) => s.id === left!.id)
    expect(row).toMatchObject({ status: 'failed', completedRuns: 30 })
    expect(row!.error).toMatch(/server restarted/)
  })
})
