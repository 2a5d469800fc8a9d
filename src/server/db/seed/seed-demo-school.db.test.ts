import { count, eq, sql } from 'drizzle-orm'
import { fixedClock } from '#server/clock.ts'
import { createServices } from '#server/services.ts'
import { IDENTITY_ATTRIBUTES, MENTOR_OFFERINGS } from '#shared/enums.ts'
import type { TeamStage } from '#shared/contracts/recommendations.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../client.ts'
import { createTestDatabase, testDatabaseKind } from '#tests/setup/test-database.ts'
import { advisorProfiles, departments, mentorProfiles, people, personRoles, specialties, studentAdvisors, studentProfiles } from '../schema/index.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { DEMO_ACCOUNTS } from './demo-accounts.ts'
import { generateDemoSchool, type DemoSchoolSummary } from './generate-demo-school.ts'
import { insertReferenceData, isDemoSchoolLoaded, seedDemoSchool } from './seed-demo-school.ts'
import { MS_PER_HOUR } from '#shared/time.ts'

const now = new Date('2026-03-15T12:00:00Z')
let handle: DatabaseHandle
let summary: DemoSchoolSummary
let seedCpuMs = 0
let loadedBefore = true

beforeAll(async () => {
  // The migrated template (PGlite, or a copy on PostgreSQL in the PostgreSQL run).
  handle = await createTestDatabase()
  await insertReferenceData(handle.db)
  loadedBefore = await isDemoSchoolLoaded(handle.db)
  // Processor time, not wall time: on PGlite the seed runs in this process (WebAssembly), so this
  // counts its work, which other jobs on a shared machine do not inflate.
  const started = process.cpuUsage()
  summary = await seedDemoSchool(handle.db, { seed: 1, now, demoPasswordHash: 'demo-hash' })
  const used = process.cpuUsage(started)
  seedCpuMs = (used.user + used.system) / 1000
}, 180_000)

afterAll(async () => {
  await handle?.close()
})

const rowCount = async (table: typeof people | typeof personRoles | typeof studentProfiles | typeof mentorProfiles | typeof advisorProfiles) =>
  (await handle.db.select({ n: count() }).from(table))[0]?.n

describe('seedDemoSchool', () => {
  it('gives every student exactly one Student Affairs advisor, the demo student the demo advisor', async () => {
    const rows = await handle.db
      .select({ studentId: studentAdvisors.studentId, advisorId: studentAdvisors.advisorId, advisesSpecialtyId: advisorProfiles.advisesSpecialtyId })
      .from(studentAdvisors)
      .innerJoin(advisorProfiles, eq(advisorProfiles.personId, studentAdvisors.advisorId))
    const students = await handle.db.select({ id: studentProfiles.personId }).from(studentProfiles)
    expect(rows).toHaveLength(students.length)
    expect(new Set(rows.map((r) => r.studentId)).size).toBe(students.length)
    expect(rows.every((r) => r.advisesSpecialtyId === null)).toBe(true)
    const idOf = async (key: string) => {
      const email = DEMO_ACCOUNTS.find((a) => a.key === key)?.email ?? ''
      return (await handle.db.select({ id: people.id }).from(people).where(eq(people.email, email)))[0]?.id
    }
    const demoStudent = await idOf('student')
    expect(rows.find((r) => r.studentId === demoStudent)?.advisorId).toBe(await idOf('advisor'))
  })

  // On PostgreSQL most of the work is the server's, which this process cannot count.
  it.skipIf(testDatabaseKind !== 'pglite')('loads the whole school quickly, in one go', () => {
    // The first start of the app without a demo snapshot waits for this.
    expect(seedCpuMs).toBeLessThan(15_000)
    expect(loadedBefore).toBe(false)
  })

  it('stores exactly the generated rows', async () => {
    const { rows } = generateDemoSchool({ seed: 1, now })
    expect(await rowCount(people)).toBe(rows.people.length)
    expect(await rowCount(personRoles)).toBe(rows.personRoles.length)
    expect(await rowCount(studentProfiles)).toBe(rows.studentProfiles.length)
    expect(await rowCount(mentorProfiles)).toBe(rows.mentorProfiles.length)
    expect(await rowCount(advisorProfiles)).toBe(rows.advisorProfiles.length)
    expect(summary.people).toBe(rows.people.length)
  })

  it('matches its summary in the database', async () => {
    const byRole = await handle.db.select({ role: personRoles.role, n: count() }).from(personRoles).groupBy(personRoles.role)
    const roles = Object.fromEntries(byRole.map((r) => [r.role, r.n]))
    expect(roles.student).toBeGreaterThanOrEqual(400)
    expect(roles.mentor).toBeGreaterThanOrEqual(1200)
    expect(roles.advisor).toBe(summary.advisors.total)
    expect(roles.admin).toBe(2)
    const byKind = await handle.db.select({ kind: mentorProfiles.kind, n: count() }).from(mentorProfiles).groupBy(mentorProfiles.kind)
    for (const { kind, n } of byKind) expect(n).toBe(summary.mentors[kind])
    const classes = await handle.db.selectDistinct({ classYear: studentProfiles.classYear }).from(studentProfiles)
    expect(classes.map((c) => c.classYear).sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'research'])
  })

  it('lets the demo accounts sign in with the demo password hash', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [person] = await handle.db.select().from(people).where(eq(people.email, account.email))
      expect(person?.passwordHash).toBe('demo-hash')
      expect(person?.status).toBe('active')
    }
    const [withHash] = await handle.db.select({ n: count() }).from(people).where(eq(people.passwordHash, 'demo-hash'))
    expect(withHash?.n).toBe(DEMO_ACCOUNTS.length)
  })

  it('knows it is loaded and refuses to load twice', async () => {
    expect(await isDemoSchoolLoaded(handle.db)).toBe(true)
    await expect(seedDemoSchool(handle.db, { now, demoPasswordHash: 'x' })).rejects.toThrow(/already loaded/)
    expect(await rowCount(people)).toBe(summary.people)
  })
})

describe('the demo school’s mentoring history and "Mentors for you"', () => {
  const services = () =>
    createServices(handle.db, fixedClock(now), null, { appOrigin: 'http://demo.test', demoMode: false, sessionPolicy: { idleMinutes: 60, absoluteHours: 24 } })
  const actorFor = (personId: string) => ({
    personId,
    email: '',
    name: '',
    roles: ['student' as const],
    sessionId: 'test',
    expiresAt: new Date(now.getTime() + MS_PER_HOUR),
  })
  const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

  it('carries months of requests: nearly every listed mentor has been asked, answering at their own pace', async () => {
    const [row] = rowsOf<{ listed: number; asked: number; months: number }>(
      await handle.db.execute(sql`
        select (select count(*)::int from directory_entries where listed) as listed,
          (select count(distinct r.mentor_id)::int from mentorship_requests r join directory_entries d on d.person_id = r.mentor_id and d.listed) as asked,
          (select count(distinct date_trunc('month', created_at))::int from mentorship_requests) as months`),
    )
    expect(row?.asked).toBeGreaterThanOrEqual(0.9 * (row?.listed ?? 0))
    expect(row?.months).toBeGreaterThanOrEqual(6)
    const statuses = rowsOf<{ status: string }>(await handle.db.execute(sql`select distinct status from mentorship_requests`)).map((r) => r.status)
    expect(statuses).toEqual(expect.arrayContaining(['accepted', 'declined', 'expired', 'requested']))
    const stats = await services().recommendations.responseStatsOf(
      rowsOf<{ id: string }>(await handle.db.execute(sql`select person_id as id from directory_entries where listed`)).map((r) => r.id),
    )
    const medians = [...stats.values()].flatMap((s) => (s.medianHours === null ? [] : [s.medianHours]))
    expect(medians.filter((h) => h < 24).length).toBeGreaterThan(50)
    expect(medians.filter((h) => h > 72).length).toBeGreaterThan(20)
    expect([...stats.values()].some((s) => (s.answeredShare ?? 1) < 1)).toBe(true)
  })

  it('leaves the demo accounts clean: the student and near-peer sent nothing, the demo mentor has only answered, closed history', async () => {
    const idOf = async (key: string) =>
      (
        await handle.db
          .select({ id: people.id })
          .from(people)
          .where(eq(people.email, DEMO_ACCOUNTS.find((a) => a.key === key)?.email ?? ''))
      )[0]?.id ?? ''
    const [student, nearPeer, mentor] = [await idOf('student'), await idOf('near-peer'), await idOf('mentor')]
    const sent = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from mentorship_requests where student_id in (${student}, ${nearPeer})`),
    )
    expect(sent[0]?.n).toBe(0)
    const mentorRequests = rowsOf<{ status: string }>(await handle.db.execute(sql`select status from mentorship_requests where mentor_id = ${mentor}`))
    expect(mentorRequests.length).toBeGreaterThan(3)
    expect(mentorRequests.every((r) => r.status === 'accepted' || r.status === 'declined')).toBe(true)
    const active = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from mentorships where mentor_id = ${mentor} and status = 'active'`),
    )
    expect(active[0]?.n).toBe(0)
  })

  it('never has a mentor both "new, no requests" and penalised for many students asking; every reason reads as words', async () => {
    const s = services()
    const students = rowsOf<{ id: string }>(await handle.db.execute(sql`select person_id as id from student_profiles order by person_id`)).filter(
      (_, i) => i % 20 === 0,
    )
    const profiles = new Map(
      rowsOf<{ id: string; subspecialty: string; research: string }>(
        await handle.db.execute(sql`select person_id as id, subspecialty, research_interests as research from mentor_profiles`),
      ).map((r) => [r.id, `${r.subspecialty} ${r.research}`.toLowerCase()]),
    )
    const codes = [...MENTOR_OFFERINGS, ...IDENTITY_ATTRIBUTES, ...SPECIALTIES.map((x) => x.id)].filter((c) => c.includes('-'))
    // Words that say nothing alone, or repeat the specialty reason.
    const generic = new Set([
      'care',
      'health',
      'general',
      'program',
      'internal',
      'emergency',
      'surgery',
      'medicine',
      'family',
      'head',
      'neck',
      'primary',
      'community',
      'pediatrics',
      'psychiatry',
    ])
    const bad: string[] = []
    let reasons = 0
    for (const { id } of students) {
      const list = await s.recommendations.listMentorsForStudent(actorFor(id), { limit: 10 }, null)
      for (const r of list.results) {
        const load = r.factors.find((f) => f.factor === 'load')?.contribution ?? 0
        const r12 = r.mentor.responsiveness
        if (load < 0 && r12 !== undefined && r12.requests + r12.waiting === 0) bad.push(`${r.mentor.name}: "New here — no requests yet" but load ${load}`)
        for (const reason of r.reasons) {
          reasons++
          if (/\b(cv|sloe|eras|usmle|mspe|step)\b/.test(reason)) bad.push(`lower-case acronym: ${reason}`)
          if (codes.some((c) => reason.includes(c))) bad.push(`code: ${reason}`)
          if (/\b(in|also in) [A-Z]{2}\b/.test(reason)) bad.push(`state code: ${reason}`)
          if (reason.includes('(Integrated)')) bad.push(`list name: ${reason}`)
          const interest = /^shares your interest in (.+)$/.exec(reason)?.[1]
          if (interest) {
            for (const item of interest.split(/, | and (?=[^,]*$)/)) {
              if (generic.has(item.toLowerCase()) || !/\s/.test(item.trim())) bad.push(`single word: ${reason}`)
              if (!(profiles.get(r.mentor.id) ?? '').includes(item.toLowerCase())) bad.push(`not the mentor's words ("${item}"): ${reason}`)
            }
          }
        }
      }
    }
    expect(reasons).toBeGreaterThan(50)
    expect(bad).toEqual([])
  })
})

describe('the demo school’s mentor teams (issue #17)', () => {
  const actorFor = (personId: string) => ({
    personId,
    email: '',
    name: '',
    roles: ['student' as const],
    sessionId: 'test',
    expiresAt: new Date(now.getTime() + MS_PER_HOUR),
  })
  const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows
  const STEP: Record<string, number> = { M1: 1, M2: 2, M3: 3, research: 3.5, M4: 4 }

  it('fills every empty stage of every student’s team when a suitable mentor with a place exists, and never suggests one without a place', async () => {
    const s = createServices(handle.db, fixedClock(now), null, {
      appOrigin: 'http://demo.test',
      demoMode: false,
      sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
    })
    // The facts, read here in SQL rather than through the code under test.
    type Mentor = { id: string; kind: string; specialty: string | null; offers: string[]; places: number; year: string | null }
    const mentors = rowsOf<Mentor>(
      await handle.db.execute(sql`
        select m.person_id as id, m.kind, m.specialty_id as specialty, m.offers,
          m.capacity - (select count(*)::int from mentorships x where x.mentor_id = m.person_id and x.status = 'active') as places,
          sp.class_year as year
        from mentor_profiles m join directory_entries d on d.person_id = m.person_id and d.listed
        left join student_profiles sp on sp.person_id = m.person_id
        where m.accepting`),
    )
    const byId = new Map(mentors.map((m) => [m.id, m]))
    const kindOf = new Map(
      rowsOf<{ id: string; kind: string }>(await handle.db.execute(sql`select person_id as id, kind from mentor_profiles`)).map((r) => [r.id, r.kind]),
    )
    const declined = new Set(
      rowsOf<{ pair: string }>(
        await handle.db.execute(sql`select student_id || ':' || mentor_id as pair from mentorship_requests where status = 'declined'`),
      ).map((r) => r.pair),
    )
    type Student = { id: string; year: string; interests: string[]; wants: boolean }
    const students = new Map(
      rowsOf<Student>(
        await handle.db.execute(
          sql`select person_id as id, class_year as year, specialty_interests as interests, wants_identity_aligned_mentor as wants from student_profiles`,
        ),
      ).map((r) => [r.id, r]),
    )
    const rules: Record<TeamStage, (m: Mentor, st: Student) => boolean> = {
      'specialty-faculty': (m, st) => m.kind === 'faculty' && st.interests[0] !== undefined && m.specialty === st.interests[0],
      'resident-or-fellow': (m) => m.kind === 'resident' || m.kind === 'fellow',
      alumni: (m) => m.kind === 'alumni',
      'near-peer': (m, st) => m.kind === 'near-peer' && m.year !== null && STEP[m.year]! - STEP[st.year]! > 0 && STEP[m.year]! - STEP[st.year]! <= 2,
      research: (m) => m.offers.includes('research'),
      'identity-aligned': (m) => m.offers.includes('identity-based-mentorship'),
    }

    const gaps = await s.advising.listBoardGaps('every-active-student')
    const problems: string[] = []
    let stagesSeen = 0
    let stagesFilled = 0
    for (const g of gaps) {
      const st = students.get(g.id)
      if (!st) continue
      const holders = g.holderIds['resident-or-alumni'] ?? []
      const expected: TeamStage[] = []
      if (g.emptySlots.includes('specialty-advisor')) expected.push('specialty-faculty')
      if (!holders.some((id) => ['resident', 'fellow'].includes(kindOf.get(id) ?? ''))) expected.push('resident-or-fellow')
      if (!holders.some((id) => kindOf.get(id) === 'alumni')) expected.push('alumni')
      if (g.emptySlots.includes('near-peer')) expected.push('near-peer')
      if (g.emptySlots.includes('research-mentor')) expected.push('research')
      if (st.wants && !g.mentorIds.some((id) => byId.get(id)?.offers.includes('identity-based-mentorship'))) expected.push('identity-aligned')
      if (expected.length === 0) continue
      const team = await s.recommendations.suggestTeam(actorFor(g.id), { challenge: false }, null)
      expect(team.stages.map((x) => x.stage)).toEqual(expected)
      const taken = new Set([...g.mentorIds, ...Object.values(g.holderIds).flat()])
      const open = (m: Mentor) => m.places > 0 && !taken.has(m.id) && m.id !== g.id && !declined.has(`${g.id}:${m.id}`)
      for (const stage of team.stages) {
        stagesSeen++
        const exists = mentors.some((m) => open(m) && rules[stage.stage](m, st))
        if (stage.mentor === null) {
          if (exists) problems.push(`${g.id} ${stage.stage}: left empty though a suitable mentor has a place`)
          if (stage.reason.trim() === '') problems.push(`${g.id} ${stage.stage}: empty without words`)
          continue
        }
        stagesFilled++
        const m = byId.get(stage.mentor.id)
        if (!m || !open(m)) problems.push(`${g.id} ${stage.stage}: ${stage.mentor.id} has no place or is already theirs`)
        else if (!rules[stage.stage](m, st)) problems.push(`${g.id} ${stage.stage}: ${stage.mentor.id} (${m.kind}) does not fit the stage`)
        if (m && stage.mentor.openPlaces !== m.places) problems.push(`${g.id} ${stage.stage}: shows ${stage.mentor.openPlaces} places, has ${m.places}`)
      }
    }
    expect(problems).toEqual([])
    expect(stagesSeen).toBeGreaterThan(500)
    expect(stagesFilled).toBeGreaterThan(0.9 * stagesSeen)
  }, 120_000)
})

describe('insertReferenceData', () => {
  it('is idempotent and keeps edited names', async () => {
    await handle.db.update(departments).set({ name: 'Renamed' }).where(eq(departments.id, 'anatomy'))
    await insertReferenceData(handle.db)
    await insertReferenceData(handle.db)
    expect((await handle.db.select({ n: count() }).from(departments))[0]?.n).toBe(DEPARTMENTS.length)
    expect((await handle.db.select({ n: count() }).from(specialties))[0]?.n).toBe(SPECIALTIES.length)
    const [anatomy] = await handle.db.select().from(departments).where(eq(departments.id, 'anatomy'))
    expect(anatomy?.name).toBe('Renamed')
  })
})
