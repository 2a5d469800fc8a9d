import type { Database } from '#server/db/client.ts'
import {
  DASHBOARD_RULES,
  type MentorListQuery,
  type MentorListResponse,
  type SchoolDashboard,
  type StudentListQuery,
  type StudentListResponse,
} from '#shared/contracts/reporting.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { OpportunitiesService } from '../opportunities/opportunities.service.ts'
import {
  countActiveMentorshipsByMentor,
  countMentorshipsStartedByMonth,
  countUnansweredRequestsByMentor,
  mapLastMeetingOfStudents,
} from '../mentorships/mentorship-reads.ts'
import { listActiveMentorCapacities, listActiveStudentIdsInClassYears } from '../profiles/profile-reads.ts'
import { mentorListCsv, studentListCsv } from './domain/report-csv.ts'
import { createOfficeReports } from './office-reports.ts'
import { createSeasonReports, type SeasonReportOwners } from './season-reports.ts'
import { startedByMonth, startedSince } from './domain/started-by-month.ts'
import { engagementFigures, mentorLoadFigures, mentorsBehind, studentsBehind, type MentorStanding, type StudentStanding } from './domain/school-dashboard.ts'

export type ReportingDeps = {
  db: Database
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'hasSchoolWideScope' | 'studentsOf'>
  advising: Pick<AdvisingService, 'listBoardGaps'>
  /** Participation in opportunities, for the office's report (decision 029). */
  opportunities: Pick<OpportunitiesService, 'participationOfStudents'>
  /** The letters and residency-season dashboards' owners (decision 039). */
  seasonOwners: SeasonReportOwners
}

type Scope = 'school' | 'assigned'

/**
 * The office's view of the school. Figures are computed on each read from the owning modules'
 * batched reads (advising's board gaps, mentorships' meetings, loads and requests, profiles'
 * capacities, identity's names) — never their tables — and aggregated by `domain/`. An advisor
 * with the school-wide scope (decision 015) sees every student; any other advisor their own.
 */
export function createReportingService(deps: ReportingDeps) {
  const { db, clock, audit, studentRecords, advising } = deps

  /** The students in the actor's scope; with a class year, the school-wide scope reads only that year's boards. */
  async function studentStandings(actor: Actor, now: Date, classYear: ClassYear | null = null): Promise<{ scope: Scope; students: StudentStanding[] }> {
    const scope: Scope = studentRecords.hasSchoolWideScope(actor) ? 'school' : 'assigned'
    const ids =
      scope === 'assigned'
        ? await studentRecords.studentsOf(actor.personId)
        : classYear
          ? await listActiveStudentIdsInClassYears(db, [classYear])
          : ('every-active-student' as const)
    // The last meetings need only the ids asked for (school-wide, every student's, looked up
    // below by the boards' students): on PostgreSQL's pool they are read beside the boards.
    const [gaps, lastMeetings] = await Promise.all([
      advising.listBoardGaps(ids),
      mapLastMeetingOfStudents(db, ids === 'every-active-student' ? 'every-student' : ids, now),
    ])
    const students = gaps.map((g) => ({
      id: g.id,
      name: g.name,
      email: g.email,
      classYear: g.classYear,
      mentors: g.mentorIds.length,
      emptySlots: g.emptySlots,
      lastMeetingAt: lastMeetings.get(g.id) ?? null,
    }))
    return { scope, students }
  }

  /** Every active mentor with a mentor profile: capacity, load, and students' requests left unanswered (three queries). */
  async function mentorStandings(now: Date): Promise<MentorStanding[]> {
    const [mentors, loads, unanswered] = await Promise.all([
      listActiveMentorCapacities(db),
      countActiveMentorshipsByMentor(db),
      countUnansweredRequestsByMentor(db, {
        waitingSince: new Date(now.getTime() - DASHBOARD_RULES.silentAfterDays * MS_PER_DAY),
        expiredSince: new Date(now.getTime() - DASHBOARD_RULES.expiredWithinDays * MS_PER_DAY),
      }),
    ])
    return mentors.map((m) => {
      const waiting = unanswered.get(m.personId)
      return {
        id: m.personId,
        name: m.name,
        kind: m.kind,
        capacity: m.capacity,
        activeMentorships: loads.get(m.personId) ?? 0,
        unansweredRequests: waiting?.unanswered ?? 0,
        oldestUnansweredAt: waiting?.oldestAskedAt ?? null,
      }
    })
  }

  async function listStudents(actor: Actor, query: StudentListQuery, meta: RequestMeta | null, action = 'report.students.read'): Promise<StudentListResponse> {
    const now = clock.now()
    const classYear = query.classYear ?? null
    const { scope, students } = await studentStandings(actor, now, classYear)
    const items = studentsBehind(students, query.measure, classYear, now).map((s) => ({
      ...s,
      emptySlots: [...s.emptySlots],
      lastMeetingAt: s.lastMeetingAt?.toISOString() ?? null,
    }))
    // One row per list read, naming the list: the students in it are the figure's, at this time.
    await audit.record({ actorId: actor.personId, action, objectType: 'report', objectId: `${query.measure}:${classYear ?? 'all'}` }, meta)
    return { scope, measure: query.measure, classYear, items }
  }

  async function listMentors(_actor: Actor, query: MentorListQuery): Promise<MentorListResponse> {
    const kind = query.kind ?? null
    const items = mentorsBehind(await mentorStandings(clock.now()), query.measure, kind).map((m) => ({
      ...m,
      oldestUnansweredAt: m.oldestUnansweredAt?.toISOString() ?? null,
    }))
    return { measure: query.measure, kind, items }
  }

  // Equity, outcomes and participation: the same audience and scope, the same students.
  const office = createOfficeReports({
    db,
    clock,
    audit,
    studentRecords,
    opportunities: deps.opportunities,
    studentStandings: (actor, now) => studentStandings(actor, now),
  })

  const season = createSeasonReports({ db, clock, audit, studentRecords, owners: deps.seasonOwners })

  return {
    ...office,
    ...season,

    async getSchoolDashboard(actor: Actor, meta: RequestMeta | null): Promise<SchoolDashboard> {
      const now = clock.now()
      // The mentors' figures (and, school-wide, the months) need no student ids: on PostgreSQL's
      // pool they run beside the students' reads rather than after them.
      const standings = studentStandings(actor, now)
      const [{ scope, students }, mentors, started] = await Promise.all([
        standings,
        mentorStandings(now),
        studentRecords.hasSchoolWideScope(actor)
          ? countMentorshipsStartedByMonth(db, null, startedSince(now))
          : standings.then((s) =>
              countMentorshipsStartedByMonth(
                db,
                s.students.map((x) => x.id),
                startedSince(now),
              ),
            ),
      ])
      await audit.record({ actorId: actor.personId, action: 'report.school-dashboard.read', objectType: 'report', objectId: scope }, meta)
      return {
        scope,
        generatedAt: now.toISOString(),
        engagement: engagementFigures(students, now),
        mentors: mentorLoadFigures(mentors),
        startedByMonth: startedByMonth(started, now),
      }
    },

    listStudents: (actor: Actor, query: StudentListQuery, meta: RequestMeta | null) => listStudents(actor, query, meta),
    listMentors,

    async exportStudentsCsv(actor: Actor, query: StudentListQuery, meta: RequestMeta | null): Promise<string> {
      return studentListCsv((await listStudents(actor, query, meta, 'report.students.export')).items)
    },

    async exportMentorsCsv(actor: Actor, query: MentorListQuery): Promise<string> {
      return mentorListCsv((await listMentors(actor, query)).items)
    },
  }
}

export type ReportingService = ReturnType<typeof createReportingService>
