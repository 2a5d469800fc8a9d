import type { Database } from '#server/db/client.ts'
import { AT_RISK_REASON_NAMES } from '#shared/contracts/class-simulation.ts'
import type {
  LetterListQuery,
  LetterListResponse,
  LettersDashboard,
  SeasonDashboard,
  SeasonListQuery,
  SeasonListResponse,
} from '#shared/contracts/season-reports.ts'
import { CLASS_YEARS } from '#shared/enums.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { ClassSimulationService } from '../class-simulation/class-simulation.service.ts'
import type { LettersService } from '../letters/letters.service.ts'
import type { ListBuilderService } from '../list-builder/list-builder.service.ts'
import type { MaterialsService } from '../materials/materials.service.ts'
import type { MockInterviewsService } from '../mock-interviews/mock-interviews.service.ts'
import { listClassRoster } from '../profiles/profile-reads.ts'
import type { RankListsService } from '../rank-lists/rank-lists.service.ts'
import { type LetterFacts, lettersBehind, lettersFigures, type ScopedStudent } from './domain/letters-dashboard.ts'
import { isProfileComplete, seasonBehind, seasonFigures, type SeasonStanding } from './domain/season-dashboard.ts'
import { letterListCsv, seasonListCsv } from './domain/season-reports-csv.ts'

type Scope = 'school' | 'assigned'

/** The owners whose services the two dashboards read (each a batched read for many students). */
export type SeasonReportOwners = {
  letters: Pick<LettersService, 'listOpenLetterRequestsOfStudents'>
  materials: Pick<MaterialsService, 'listOpenReviewRequestsOfStudents'>
  mockInterviews: Pick<MockInterviewsService, 'listOutstandingMocksOfStudents'>
  listBuilder: Pick<ListBuilderService, 'mapProfileSummariesOfStudents' | 'countProgramsOnListsOfStudents' | 'mapTypicalApplicationsBySpecialty'>
  rankLists: Pick<RankListsService, 'mapReviewStatusesOfStudents'>
  classSimulation: Pick<ClassSimulationService, 'mapLatestAtRiskOfStudents'>
}

export type SeasonReportsDeps = {
  db: Database
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'hasSchoolWideScope' | 'studentsOf'>
  owners: SeasonReportOwners
}

/**
 * The letters dashboard and the residency-season dashboard (decision 039). Same audience and
 * scope as the school dashboard: an advisor with the school-wide scope sees every active student,
 * any other advisor their own. Everything is read through the owners' services, never their
 * tables, and for letters only status and dates: no letter, no talking points, no writer's message.
 */
export function createSeasonReports(deps: SeasonReportsDeps) {
  const { db, clock, audit, studentRecords } = deps

  /** The active students in scope; `ids` is null for the school-wide scope (owners then read every student's rows). */
  async function studentsInScope(
    actor: Actor,
  ): Promise<{ scope: Scope; ids: string[] | null; students: Map<string, ScopedStudent & { declaredSpecialtyId: string | null }> }> {
    const scope: Scope = studentRecords.hasSchoolWideScope(actor) ? 'school' : 'assigned'
    const assigned = scope === 'assigned' ? await studentRecords.studentsOf(actor.personId) : null
    const roster = await listClassRoster(db, CLASS_YEARS, assigned)
    return {
      scope,
      ids: assigned === null ? null : roster.map((r) => r.personId),
      students: new Map(roster.map((r) => [r.personId, { id: r.personId, name: r.name, classYear: r.classYear, declaredSpecialtyId: r.declaredSpecialtyId }])),
    }
  }

  async function letterFacts(actor: Actor): Promise<{ scope: Scope; students: Map<string, ScopedStudent>; facts: LetterFacts }> {
    const { owners } = deps
    const { scope, ids, students } = await studentsInScope(actor)
    const [letters, reviews, mocks] = await Promise.all([
      owners.letters.listOpenLetterRequestsOfStudents(ids),
      owners.materials.listOpenReviewRequestsOfStudents(ids),
      owners.mockInterviews.listOutstandingMocksOfStudents(ids),
    ])
    // Only active students in scope: a former student's open request is not the office's figure.
    const inScope = <T extends { studentId: string }>(rows: readonly T[]) => rows.filter((r) => students.has(r.studentId))
    return { scope, students, facts: { letters: inScope(letters), reviews: inScope(reviews), mocks: inScope(mocks) } }
  }

  async function seasonStandings(actor: Actor): Promise<{ scope: Scope; students: SeasonStanding[]; latestSimulationAt: Date | null }> {
    const { owners } = deps
    const { scope, students } = await studentsInScope(actor)
    const ids = [...students.keys()]
    const [profiles, programs, rankLists, risks] = await Promise.all([
      owners.listBuilder.mapProfileSummariesOfStudents(ids),
      owners.listBuilder.countProgramsOnListsOfStudents(ids),
      owners.rankLists.mapReviewStatusesOfStudents(ids),
      owners.classSimulation.mapLatestAtRiskOfStudents(ids),
    ])
    const specialtyOf = (id: string) => profiles.get(id)?.preferredSpecialtyId ?? null
    const typical = await owners.listBuilder.mapTypicalApplicationsBySpecialty(ids.flatMap((id) => specialtyOf(id) ?? []))
    let latest: Date | null = null
    for (const r of risks.values()) if (latest === null || r.finishedAt > latest) latest = r.finishedAt
    const standings = [...students.values()].map((s): SeasonStanding => {
      const profile = profiles.get(s.id)
      const specialty = specialtyOf(s.id)
      const risk = risks.get(s.id)
      return {
        id: s.id,
        name: s.name,
        classYear: s.classYear,
        profileComplete: isProfileComplete(profile),
        preferredSpecialtyId: specialty,
        programs: programs.get(s.id) ?? 0,
        typicalApplications: specialty ? (typical.get(specialty) ?? null) : null,
        rankList: rankLists.get(s.id) ?? 'draft',
        atRiskReasons: risk ? risk.reasons.map((r) => AT_RISK_REASON_NAMES[r as keyof typeof AT_RISK_REASON_NAMES] ?? r) : null,
      }
    })
    return { scope, students: standings, latestSimulationAt: latest }
  }

  async function lettersDashboard(actor: Actor): Promise<LettersDashboard> {
    const now = clock.now()
    const { scope, facts } = await letterFacts(actor)
    return { scope, generatedAt: now.toISOString(), ...lettersFigures(facts, now) }
  }

  async function lettersList(actor: Actor, query: LetterListQuery): Promise<LetterListResponse> {
    const now = clock.now()
    const { scope, students, facts } = await letterFacts(actor)
    const writer = query.writer ?? null
    return { scope, measure: query.measure, writer, items: lettersBehind(facts, students, query.measure, writer, now) }
  }

  async function seasonDashboard(actor: Actor): Promise<SeasonDashboard> {
    const now = clock.now()
    const { scope, students, latestSimulationAt } = await seasonStandings(actor)
    return { scope, generatedAt: now.toISOString(), ...seasonFigures(students), latestSimulationAt: latestSimulationAt?.toISOString() ?? null }
  }

  async function seasonList(actor: Actor, query: SeasonListQuery): Promise<SeasonListResponse> {
    const classYear = query.classYear ?? null
    const { scope, students } = await seasonStandings(actor)
    return { scope, measure: query.measure, classYear, items: seasonBehind(students, query.measure, classYear) }
  }

  const record = (actor: Actor, action: string, objectId: string, meta: RequestMeta | null) =>
    audit.record({ actorId: actor.personId, action, objectType: 'report', objectId }, meta)

  return {
    async getLettersDashboard(actor: Actor, meta: RequestMeta | null): Promise<LettersDashboard> {
      const result = await lettersDashboard(actor)
      await record(actor, 'report.letters.read', result.scope, meta)
      return result
    },
    async listLetters(actor: Actor, query: LetterListQuery, meta: RequestMeta | null): Promise<LetterListResponse> {
      const result = await lettersList(actor, query)
      await record(actor, 'report.letters.students.read', `${query.measure}:${query.writer ?? 'all'}`, meta)
      return result
    },
    async exportLettersCsv(actor: Actor, query: LetterListQuery, meta: RequestMeta | null): Promise<string> {
      const result = await lettersList(actor, query)
      await record(actor, 'report.letters.students.export', `${query.measure}:${query.writer ?? 'all'}`, meta)
      return letterListCsv(result.items)
    },
    async getSeasonDashboard(actor: Actor, meta: RequestMeta | null): Promise<SeasonDashboard> {
      const result = await seasonDashboard(actor)
      await record(actor, 'report.season.read', result.scope, meta)
      return result
    },
    async listSeasonStudents(actor: Actor, query: SeasonListQuery, meta: RequestMeta | null): Promise<SeasonListResponse> {
      const result = await seasonList(actor, query)
      await record(actor, 'report.season.students.read', `${query.measure}:${query.classYear ?? 'all'}`, meta)
      return result
    },
    async exportSeasonCsv(actor: Actor, query: SeasonListQuery, meta: RequestMeta | null): Promise<string> {
      const result = await seasonList(actor, query)
      await record(actor, 'report.season.students.export', `${query.measure}:${query.classYear ?? 'all'}`, meta)
      return seasonListCsv(result.items)
    },
  }
}
