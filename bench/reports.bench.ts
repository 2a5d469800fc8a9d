/**
 * The school dashboard at a school's size. Run with `npm run bench:reports`.
 *
 * Loads BENCH_STUDENTS students (2,000, every class year) and BENCH_MENTORS mentors (3,000, every
 * kind) with a year of activity — mentorships ongoing and closed, coffee chats, students' requests
 * answered, open, declined and expired, confirmed and proposed meetings over the year, an advisory
 * dean per student among 20 advisors — into PGlite, and into a throwaway database on the
 * PostgreSQL server of DATABASE_URL when set. Then times each dashboard through the service (the
 * server's own time, no HTTP; each read writes its audit row, as a real read does):
 *
 * - `school_dashboard_ms` — the school-wide view (every student, every mentor);
 * - `assigned_dashboard_ms` — an assigned advisor's view (their ~100 students, every mentor);
 * - `no_mentor_list_ms` — the drill-down "no mentor, third year" for the school-wide view;
 * - `silent_mentors_ms` — the drill-down "silent mentors";
 * - `equity_ms`, `outcomes_ms`, `participation_ms` — the office's reports (decision 029) for the
 *   school-wide view: engagement and outcomes by self-identified group (about a third of students
 *   share a group), the school's match results by specialty against the nation (5 match years of
 *   past graduates), participation in opportunities (a third of students applied).
 * - `letters_dashboard_ms`, `season_dashboard_ms` — the letters and residency-season dashboards
 *   (decision 039) for the school-wide view. This school has no letters, reviews, program lists or
 *   simulations yet, so these time the owners' batched reads over every student, not their rows.
 *
 * Each is the median of BENCH_ROUNDS (15) after one warm-up, with its p95 beside it. The last
 * stdout line is one JSON object; human lines go to stderr. Target: ≤ 300 ms each. With
 * BENCH_PROFILE=1, the school dashboard, equity and participation then run once more with every
 * statement timed, and the costliest statements are logged (`lib/query-profile.ts`).
 */
import { loadavg } from 'node:os'
import { sql } from 'drizzle-orm'
import { fixedClock } from '#server/clock.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import {
  experienceEntries,
  meetings,
  mentorshipRequests,
  mentorships,
  opportunities,
  opportunityApplications,
  pastApplicants,
  people,
  residencyPrograms,
  studentAdvisors,
} from '#server/db/schema/index.ts'
import { SPECIALTY_FACTS } from '#engines/smart-pick/index.ts'
import { collectPeopleRows, insertPeopleRows } from '#server/db/seed/insert-people.ts'
import { buildPersonRows, type BuiltPerson } from '#server/db/seed/people.ts'
import { createRandom } from '#server/db/seed/random.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import type { Actor } from '#server/http/app-env.ts'
import { createServices } from '#server/services.ts'
import { MENTOR_KINDS, type ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { envNumber, log, median, percentile, round } from './lib/measure.ts'
import { onBothDatabases } from './lib/on-both-databases.ts'
import { profileQueries } from './lib/query-profile.ts'

const STUDENTS = envNumber('BENCH_STUDENTS', 2000)
const MENTORS = envNumber('BENCH_MENTORS', 3000)
const ADVISORS = 20
const ROUNDS = envNumber('BENCH_ROUNDS', 15)
const SEED = envNumber('BENCH_SEED', 11)
const NOW = new Date('2026-10-05T14:00:00Z')
const TARGET_MS = 300

const daysAgo = (days: number) => new Date(NOW.getTime() - days * MS_PER_DAY)

/** Inserts in chunks (PostgreSQL's bound-parameter cap). */
async function insertAll<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000))
}

type School = { dean: Actor; advisor: Actor }

async function loadSchool(handle: DatabaseHandle): Promise<School> {
  const { db } = handle
  const random = createRandom(SEED)
  await insertReferenceData(db)
  const years: ClassYear[] = ['M1', 'M2', 'M3', 'M4']
  const students = Array.from({ length: STUDENTS }, (_, i) =>
    buildPersonRows(random, {
      roles: ['student'],
      now: NOW,
      emailDomain: 'students.example.edu',
      student: { classYear: i % 25 === 0 ? 'research' : (years[i % 4] as ClassYear) },
    }),
  )
  const mentors = Array.from({ length: MENTORS }, () =>
    buildPersonRows(random, {
      roles: ['mentor'],
      now: NOW,
      emailDomain: 'mentors.example.edu',
      mentor: { kind: random.weighted(MENTOR_KINDS.map((k) => [k, k === 'faculty' ? 5 : 1] as const)), capacity: random.between(1, 5) },
    }),
  )
  const advisors = Array.from({ length: ADVISORS }, () => buildPersonRows(random, { roles: ['advisor'], now: NOW, emailDomain: 'office.example.edu' }))
  const built: BuiltPerson[] = [...students, ...mentors, ...advisors]
  await insertPeopleRows(db, collectPeopleRows(built))
  const deanId = advisors[0]!.person.id
  await db.update(people).set({ schoolWideRecords: true }).where(sql`${people.id} = ${deanId}`)

  // An advisory dean for every student, among the other advisors.
  await insertAll(
    students.map((s, i) => ({ studentId: s.person.id, advisorId: advisors[1 + (i % (ADVISORS - 1))]!.person.id, assignedAt: daysAgo(300), assignedBy: null })),
    (batch) => db.insert(studentAdvisors).values(batch),
  )

  // A year of mentoring: most students have had a mentor; some mentorships closed; coffee chats.
  const requests: (typeof mentorshipRequests.$inferInsert)[] = []
  const ships: (typeof mentorships.$inferInsert)[] = []
  const load = new Map<string, number>()
  for (const s of students) {
    const roll = random.next()
    const count = roll < 0.2 ? 0 : roll < 0.85 ? 1 : 2
    for (let k = 0; k < count; k++) {
      const mentor = random.pick(mentors).person.id
      const started = random.between(5, 360)
      const requestId = random.uuid()
      const kind = random.chance(0.12) ? ('coffee-chat' as const) : ('ongoing' as const)
      const closed = random.chance(0.2)
      requests.push({
        id: requestId,
        studentId: s.person.id,
        mentorId: mentor,
        initiatedBy: 'student',
        kind,
        message: 'Hello',
        status: 'accepted',
        statusChangedAt: daysAgo(started),
        createdAt: daysAgo(started + 3),
        expiresAt: daysAgo(started - 11),
      })
      ships.push({
        id: random.uuid(),
        requestId,
        studentId: s.person.id,
        mentorId: mentor,
        kind,
        status: closed ? 'closed' : 'active',
        startedAt: daysAgo(started),
        closedAt: closed ? daysAgo(random.between(0, started)) : null,
      })
      if (!closed) load.set(mentor, (load.get(mentor) ?? 0) + 1)
    }
  }
  // Requests that were not accepted: open (some waiting past a week), declined, expired.
  for (let i = 0; i < STUDENTS; i++) {
    const s = random.pick(students).person.id
    const mentor = random.pick(mentors).person.id
    const age = random.between(0, 360)
    const status = age < 14 ? random.pick(['requested', 'viewed'] as const) : random.pick(['declined', 'expired', 'withdrawn'] as const)
    requests.push({
      studentId: s,
      mentorId: mentor,
      initiatedBy: 'student',
      kind: 'ongoing',
      message: 'Could we talk?',
      status,
      statusChangedAt: daysAgo(Math.max(0, age - 7)),
      createdAt: daysAgo(age),
      expiresAt: daysAgo(age - 14),
    })
  }
  // The open ones must stay unique per pair; drop repeats.
  const openPairs = new Set<string>()
  const uniqueRequests = requests.filter((r) => {
    if (r.status !== 'requested' && r.status !== 'viewed') return true
    const key = `${r.studentId}:${r.mentorId}`
    if (openPairs.has(key)) return false
    openPairs.add(key)
    return true
  })
  await insertAll(uniqueRequests, (batch) => db.insert(mentorshipRequests).values(batch))
  await insertAll(ships, (batch) => db.insert(mentorships).values(batch))

  // Meetings through the year: about one a month for a third of mentorships, fewer for the rest.
  const meetingRows: (typeof meetings.$inferInsert)[] = []
  const taken = new Set<string>()
  for (const m of ships) {
    const n = random.chance(0.33) ? random.between(4, 12) : random.between(0, 3)
    for (let k = 0; k < n; k++) {
      const day = random.between(0, 360)
      const start = new Date(daysAgo(day).getTime() + random.between(0, 20) * 1_800_000)
      const key = `${m.mentorId}:${start.getTime()}`
      if (taken.has(key)) continue
      taken.add(key)
      meetingRows.push({
        mentorshipId: m.id!,
        mentorId: m.mentorId,
        uid: `${random.uuid()}@bench`,
        status: random.chance(0.85) ? 'confirmed' : random.pick(['proposed', 'cancelled'] as const),
        proposedBy: m.mentorId,
        startAt: start,
        endAt: new Date(start.getTime() + 1_800_000),
        locationKind: 'video',
        createdAt: start,
        updatedAt: start,
      })
    }
  }
  await insertAll(meetingRows, (batch) => db.insert(meetings).values(batch))

  // Opportunities: 200 posted by mentors; a third of students applied to one or two, some accepted with an entry.
  const opportunityIds = Array.from({ length: 200 }, () => random.uuid())
  await insertAll(
    opportunityIds.map((id) => ({
      id,
      posterId: random.pick(mentors).person.id,
      kind: random.pick(['research-project', 'shadowing', 'summer-experience'] as const),
      title: 'A project',
      places: 10,
      createdAt: daysAgo(200),
      updatedAt: daysAgo(200),
    })),
    (batch) => db.insert(opportunities).values(batch),
  )
  const applicationRows: (typeof opportunityApplications.$inferInsert)[] = []
  const entryRows: (typeof experienceEntries.$inferInsert)[] = []
  for (const s of students) {
    if (!random.chance(0.33)) continue
    for (const opportunityId of new Set([random.pick(opportunityIds), random.pick(opportunityIds)])) {
      const status = random.pick(['submitted', 'accepted', 'declined', 'withdrawn'] as const)
      applicationRows.push({ opportunityId, studentId: s.person.id, statement: 'Keen', status, createdAt: daysAgo(100), updatedAt: daysAgo(90) })
      if (status === 'accepted')
        entryRows.push({ studentId: s.person.id, kind: 'research', title: 'A project', createdAt: daysAgo(90), updatedAt: daysAgo(90) })
    }
  }
  await insertAll(applicationRows, (batch) => db.insert(opportunityApplications).values(batch))
  await insertAll(entryRows, (batch) => db.insert(experienceEntries).values(batch))

  // Past outcomes: 5 match years of 150 U.S. MD graduates, a fifth linked to an account.
  const specialtyIds = Object.keys(SPECIALTY_FACTS)
  const programRows = specialtyIds.map((specialtyId) => ({
    id: `BENCH-${specialtyId}`,
    name: specialtyId,
    specialtyId,
    track: 'categorical' as const,
    state: 'IL',
    region: 'midwest' as const,
    positions: 6,
    setting: 'academic' as const,
    step2P25: 235,
    step2P75: 250,
    competitiveness: 0.5,
  }))
  await db.insert(residencyPrograms).values(programRows)
  const pastRows: (typeof pastApplicants.$inferInsert)[] = []
  for (let year = 2021; year <= 2025; year++) {
    for (let i = 0; i < 150; i++) {
      const specialtyId = random.pick(specialtyIds)
      pastRows.push({
        externalId: `bench-${year}-${i}`,
        personId: random.chance(0.2) ? random.pick(students).person.id : null,
        matchYear: year,
        applicantType: 'us-md',
        specialtyId,
        matchedProgramId: random.chance(0.9) ? `BENCH-${specialtyId}` : null,
      })
    }
  }
  await insertAll(pastRows, (batch) => db.insert(pastApplicants).values(batch))
  await db.execute(sql`analyze`)
  log(`loaded ${STUDENTS} students, ${MENTORS} mentors, ${uniqueRequests.length} requests, ${ships.length} mentorships, ${meetingRows.length} meetings`)

  const actor = (person: BuiltPerson, schoolWide: boolean): Actor => ({
    personId: person.person.id,
    email: person.person.email,
    name: person.person.name,
    roles: ['advisor'],
    schoolWide,
    sessionId: 'bench',
    expiresAt: new Date(NOW.getTime() + MS_PER_DAY),
  })
  return { dean: actor(advisors[0]!, true), advisor: actor(advisors[1]!, false) }
}

async function measure(handle: DatabaseHandle, label: string) {
  const t0 = performance.now()
  const school = await loadSchool(handle)
  const loadS = (performance.now() - t0) / 1000
  const services = createServices(handle.db, fixedClock(NOW), null, {
    appOrigin: 'http://bench.test',
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const { reporting } = services
  const dashboards: Record<string, () => Promise<number>> = {
    school_dashboard: async () => (await reporting.getSchoolDashboard(school.dean, null)).engagement.total.students,
    assigned_dashboard: async () => (await reporting.getSchoolDashboard(school.advisor, null)).engagement.total.students,
    no_mentor_list: async () => (await reporting.listStudents(school.dean, { measure: 'no-mentor', classYear: 'M3' }, null)).items.length,
    silent_mentors: async () => (await reporting.listMentors(school.dean, { measure: 'silent' })).items.length,
    equity: async () => (await reporting.getEquityReport(school.dean, null)).engagement.rows.filter((r) => r.total.shown).length,
    outcomes: async () => (await reporting.getOutcomesReport(school.dean, null)).specialties.length,
    participation: async () => (await reporting.getParticipationReport(school.dean, null)).total.applied,
    letters_dashboard: async () => (await reporting.getLettersDashboard(school.dean, null)).letters.outstanding,
    season_dashboard: async () => (await reporting.getSeasonDashboard(school.dean, null)).total.students,
  }
  const figures: Record<string, number> = { load_s: round(loadS) }
  for (const [name, run] of Object.entries(dashboards)) {
    const times: number[] = []
    let rows = 0
    for (let r = 0; r <= ROUNDS; r++) {
      const s = performance.now()
      rows = await run()
      // One unmeasured round warms the JIT and the database's caches.
      if (r > 0) times.push(performance.now() - s)
    }
    figures[`${name}_ms`] = round(median(times))
    figures[`${name}_p95_ms`] = round(percentile(times, 95))
    figures[`${name}_rows`] = rows
  }
  log(`${label}: ${JSON.stringify(figures)}`)
  // BENCH_PROFILE=1: where the slowest dashboards' time goes, statement by statement (one more round each).
  if (process.env.BENCH_PROFILE) {
    for (const name of ['school_dashboard', 'equity', 'participation'] as const) await profileQueries(handle, `${label} ${name}`, dashboards[name]!)
  }
  return figures
}

const { pglite: onPglite, postgres: onPostgres } = await onBothDatabases('reports', measure)

process.stdout.write(
  `${JSON.stringify({ students: STUDENTS, mentors: MENTORS, rounds: ROUNDS, target_ms: TARGET_MS, pglite: onPglite, postgres: onPostgres, load_average: round(loadavg()[0] ?? 0, 2) })}\n`,
)
