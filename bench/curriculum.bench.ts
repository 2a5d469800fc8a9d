/**
 * A student's career timeline on the server. Run with `npm run bench:curriculum`.
 *
 * The demo school's 29 milestones (every one of the seven rules in use, eight linked events) and
 * BENCH_STUDENTS students of one class, a third of each one's milestones ticked, on PGlite — and
 * on a throwaway database on the PostgreSQL server of DATABASE_URL when set. Times, through the
 * services (the server's own time, no HTTP):
 * - `timeline`: one student's whole timeline, with every rule's fact read from its owner's
 *   service (advising, letters, list builder, rank lists) and the linked events;
 * - `tick`: ticking a milestone, answer (the whole timeline again) included;
 * - `yardstick_events`: the same student's Events list, one existing read the timeline makes,
 *   measured in the same run so a slower machine shows in both;
 * - `class_view`: the office's view of the whole class (every student, BENCH_STUDENTS of them,
 *   500 by default) as an advisor with the school-wide scope: every milestone's figures and who
 *   is behind, each rule's facts read in batches from their owners.
 * The school's academic calendar holds a winter break, Thanksgiving and a spring break for each
 * of the class's four years, so due dates move out of them (decision 043) as in the demo school.
 * Targets: the timeline ≤ 50 ms; the class view ≤ 200 ms. The last stdout line is one JSON
 * object (with the load average when measured); human lines go to stderr.
 */
import { loadavg } from 'node:os'
import { sql } from 'drizzle-orm'
import { fixedClock } from '#server/clock.ts'
import type { DatabaseHandle } from '#server/db/client.ts'
import { generateDemoCurriculum } from '#server/db/seed/curriculum-demo.ts'
import type { DemoSchoolRows } from '#server/db/seed/generate-demo-school.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import type { Actor } from '#server/http/app-env.ts'
import { createServices } from '#server/services.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { onBothDatabases } from './lib/on-both-databases.ts'

const STUDENTS = envNumber('BENCH_STUDENTS', 500)
const ROUNDS = envNumber('BENCH_ROUNDS', 40)
const NOW = new Date('2026-12-01T15:00:00Z')
const ADMIN = '00000000-0000-4000-8000-00000000ce00'
const studentId = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`

async function measure(handle: DatabaseHandle, label: string) {
  const { db } = handle
  await insertReferenceData(db)
  await db.execute(sql`insert into people (id, email, name) values (${ADMIN}, 'admin@bench.test', 'Bench Admin')`)
  await db.execute(sql`insert into person_roles (person_id, role) values (${ADMIN}, 'admin')`)
  for (let i = 0; i < STUDENTS; i++) {
    const id = studentId(i)
    await db.execute(sql`insert into people (id, email, name) values (${id}, ${`s${i}@bench.test`}, ${`Student ${i}`})`)
    await db.execute(sql`insert into person_roles (person_id, role) values (${id}, 'student')`)
    await db.execute(
      sql`insert into student_profiles (person_id, class_year, graduation_year, specialty_interests) values (${id}, 'M3', 2028, ${i % 2 ? '{EM}' : '{}'})`,
    )
  }
  const services = createServices(db, fixedClock(NOW), null, {
    appOrigin: 'http://bench.test',
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const actor = (personId: string, role: 'student' | 'admin' | 'advisor'): Actor => ({
    personId,
    email: `${role}@bench.test`,
    name: `Bench ${role}`,
    roles: [role],
    sessionId: 'bench',
    expiresAt: NOW,
    ...(role === 'advisor' ? { schoolWide: true } : {}),
  })
  const admin = actor(ADMIN, 'admin')
  // The office's dean: an advisor with the school-wide scope (decision 015), who sees the whole class.
  const dean = actor(ADMIN, 'advisor')
  const meta = { requestId: 'bench', ip: null, userAgent: null }

  // Breaks and holidays for each academic year of the class of 2028: due dates move out of them.
  const closures = [2024, 2025, 2026, 2027].flatMap((y) => [
    { kind: 'holiday' as const, name: 'Thanksgiving', startsOn: `${y}-11-26`, endsOn: `${y}-11-27` },
    { kind: 'break' as const, name: 'Winter break', startsOn: `${y}-12-19`, endsOn: `${y + 1}-01-03` },
    { kind: 'break' as const, name: 'Spring break', startsOn: `${y + 1}-03-25`, endsOn: `${y + 1}-03-31` },
  ])
  await services.academicCalendar.saveCalendar(admin, { dates: closures }, { requestId: 'bench', ip: null, userAgent: null })

  // Eight events, as in the demo, each linked to a milestone.
  const eventIds: string[] = []
  for (let e = 0; e < 8; e++) {
    const start = new Date(NOW.getTime() + (e - 4) * 10 * MS_PER_DAY)
    const created = await services.events.createEvent(
      admin,
      {
        title: `Event ${e}`,
        kind: 'panel',
        description: '',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
        timeZone: 'America/New_York',
        room: 'Room 1',
        site: '',
        onlineLink: '',
        host: 'Office of Student Affairs',
        classYears: [],
        specialtyIds: [],
        interestGroupIds: [],
        capacity: null,
        rsvpClosesAt: start.toISOString(),
      },
      meta,
    )
    eventIds.push(created.id)
  }
  const { milestones } = generateDemoCurriculum({ people: [], studentProfiles: [] } as unknown as DemoSchoolRows, NOW)
  let linked = 0
  const ids: string[] = []
  // A student without a research year ticks only the others.
  const tickable: string[] = []
  for (const m of milestones) {
    const own = m.eventIds?.length ? [eventIds[linked++ % eventIds.length] as string] : []
    const created = await services.curriculum.createMilestone(
      admin,
      {
        title: m.title,
        year: m.year,
        phase: m.phase,
        dueMonth: m.dueMonth,
        required: m.required ?? true,
        why: m.why ?? '',
        links: m.links ?? [],
        eventIds: own,
        rule: m.rule ?? null,
      },
      meta,
    )
    ids.push(created.id)
    if (m.year !== 'research') tickable.push(created.id)
  }
  for (let i = 0; i < STUDENTS; i++) {
    const values = ids.filter((_, k) => (k + i) % 3 === 0).map((milestoneId) => ({ milestoneId, studentId: studentId(i), at: NOW }))
    for (const v of values)
      await db.execute(sql`insert into curriculum_completions (milestone_id, student_id, completed_at) values (${v.milestoneId}, ${v.studentId}, ${v.at})`)
  }

  const student = actor(studentId(1), 'student')
  const timeIt = async (f: () => Promise<unknown>) => {
    const start = performance.now()
    await f()
    return performance.now() - start
  }
  // Warm-up: the first calls compile queries and fill caches.
  for (let r = 0; r < 5; r++) {
    await services.curriculum.getMyTimeline(student)
    await services.events.listEvents(student)
    await services.curriculum.getClassProgress(dean, 'year-3', null)
  }
  const timeline: number[] = []
  const yardstick: number[] = []
  const tick: number[] = []
  const classView: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    timeline.push(await timeIt(() => services.curriculum.getMyTimeline(student)))
    yardstick.push(await timeIt(() => services.events.listEvents(student)))
    const id = tickable[r % tickable.length] as string
    tick.push(await timeIt(() => services.curriculum.tickMilestone(student, id)))
    await services.curriculum.untickMilestone(student, id)
    classView.push(await timeIt(() => services.curriculum.getClassProgress(dean, 'year-3', null)))
  }
  const wholeClass = await services.curriculum.getClassProgress(dean, 'year-3', null)
  const shown = await services.curriculum.getMyTimeline(student)
  const figures = {
    students: STUDENTS,
    milestones: shown.counts.total,
    due_dates_moved: shown.years.flatMap((y) => y.milestones).filter((m) => m.dueMoved).length,
    timeline_p50_ms: round(percentile(timeline, 50)),
    timeline_p95_ms: round(percentile(timeline, 95)),
    tick_p50_ms: round(percentile(tick, 50)),
    yardstick_events_p50_ms: round(percentile(yardstick, 50)),
    timeline_over_yardstick: round(percentile(timeline, 50) / Math.max(percentile(yardstick, 50), 0.001), 2),
    class_view_students: wholeClass.students,
    class_view_behind: wholeClass.behind.length,
    class_view_p50_ms: round(percentile(classView, 50)),
    class_view_p95_ms: round(percentile(classView, 95)),
    class_view_over_yardstick: round(percentile(classView, 50) / Math.max(percentile(yardstick, 50), 0.001), 2),
    load_average: round(loadavg()[0] ?? 0, 1),
  }
  log(`${label}: ${JSON.stringify(figures)}`)
  return figures
}

const { pglite: onPglite, postgres: onPostgres } = await onBothDatabases('curriculum', measure)

process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, target_ms: 50, target_class_view_ms: 200, pglite: onPglite, postgres: onPostgres })}\n`)
