import type { Database } from '#server/db/client.ts'
import { SMALL_CELL_MINIMUM, type EquityReport, type OutcomesReport, type ParticipationReport } from '#shared/contracts/office-reports.ts'
import { CLASS_YEARS } from '#shared/enums.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { countPastOutcomesBySpecialty, listLinkedPastOutcomes, listPastMatchYears } from '../calibration/calibration-reads.ts'
import type { OpportunitiesService } from '../opportunities/opportunities.service.ts'
import { listClassRoster, mapSharedIdentitiesByIds } from '../profiles/profile-reads.ts'
import { splitByGroup } from './domain/group-split.ts'
import { equityCsv, outcomesCsv, participationCsv } from './domain/office-reports-csv.ts'
import { outcomesVsNation } from './domain/outcomes-vs-nation.ts'
import { participationFigures } from './domain/participation.ts'
import { studentHasMeasure, type StudentStanding } from './domain/school-dashboard.ts'

type Scope = 'school' | 'assigned'

export type OfficeReportsDeps = {
  db: Database
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'hasSchoolWideScope' | 'studentsOf'>
  opportunities: Pick<OpportunitiesService, 'participationOfStudents'>
  /** The school dashboard's students of the actor's scope (reporting.service.ts). */
  studentStandings: (actor: Actor, now: Date) => Promise<{ scope: Scope; students: StudentStanding[] }>
}

const ENGAGEMENT = ['no-mentor', 'empty-board-slots', 'no-recent-meeting'] as const

/**
 * The office's reports beside the dashboard (decision 029): engagement and match outcomes by
 * self-identified group, the school's outcomes against the nation, and participation in
 * opportunities. Same audience and scope as the dashboard: an advisor with the school-wide scope
 * sees every student, any other advisor their own (whose groups are mostly too small to show).
 * Groups come from profiles' `mapSharedIdentitiesByIds` (shared with advisors only); every figure
 * about a group passes `splitByGroup`'s small-cell rule before it leaves.
 */
export function createOfficeReports(deps: OfficeReportsDeps) {
  const { db, clock, audit, studentRecords, opportunities, studentStandings } = deps

  const scopeOf = (actor: Actor): Scope => (studentRecords.hasSchoolWideScope(actor) ? 'school' : 'assigned')

  async function equity(actor: Actor): Promise<EquityReport> {
    const now = clock.now()
    const { scope, students } = await studentStandings(actor, now)
    const assigned = scope === 'assigned' ? new Set(students.map((s) => s.id)) : null
    // Outcomes of past graduates linked to an account; for an assigned advisor, their own students'.
    const outcomes = (await listLinkedPastOutcomes(db)).filter((o) => assigned === null || assigned.has(o.personId))
    const groups = await mapSharedIdentitiesByIds(db, [...students.map((s) => s.id), ...outcomes.map((o) => o.personId)])
    return {
      scope,
      generatedAt: now.toISOString(),
      minimum: SMALL_CELL_MINIMUM,
      engagement: splitByGroup(
        students.map((s) => ({
          column: s.classYear,
          groups: groups.get(s.id) ?? [],
          measures: new Set(ENGAGEMENT.filter((m) => studentHasMeasure(s, m, now))),
        })),
        CLASS_YEARS,
        ENGAGEMENT,
      ),
      outcomes: splitByGroup(
        outcomes.map((o) => ({ column: 'all', groups: groups.get(o.personId) ?? [], measures: new Set(o.matched ? (['matched'] as const) : []) })),
        ['all'],
        ['matched'],
      ),
    }
  }

  /** The school's outcomes: counts about past graduates, the same for every advisor (as the calibration page's). */
  async function outcomes(): Promise<OutcomesReport> {
    const [counts, years] = await Promise.all([countPastOutcomesBySpecialty(db), listPastMatchYears(db)])
    return outcomesVsNation(counts, years, clock.now())
  }

  async function participation(actor: Actor): Promise<ParticipationReport> {
    const now = clock.now()
    const scope = scopeOf(actor)
    const roster = await listClassRoster(db, CLASS_YEARS, scope === 'assigned' ? await studentRecords.studentsOf(actor.personId) : null)
    const ids = roster.map((r) => r.personId)
    const [participation, groups] = await Promise.all([opportunities.participationOfStudents(ids), mapSharedIdentitiesByIds(db, ids)])
    const facts = roster.map((r) => {
      const p = participation.get(r.personId)
      return {
        id: r.personId,
        classYear: r.classYear,
        declaredSpecialtyId: r.declaredSpecialtyId,
        applied: p?.applied ?? false,
        accepted: p?.accepted ?? false,
        experience: p?.experience ?? false,
      }
    })
    return {
      scope,
      generatedAt: now.toISOString(),
      minimum: SMALL_CELL_MINIMUM,
      ...participationFigures(facts),
      byGroup: splitByGroup(
        facts.map((f) => ({
          column: f.classYear,
          groups: groups.get(f.id) ?? [],
          measures: new Set((['applied', 'accepted', 'experience'] as const).filter((m) => f[m])),
        })),
        CLASS_YEARS,
        ['applied', 'accepted', 'experience'],
      ),
    }
  }

  /** One audit row per read or export, naming the report and the scope. */
  const audited =
    <T>(action: string, read: (actor: Actor) => Promise<T>) =>
    async (actor: Actor, meta: RequestMeta | null): Promise<T> => {
      const result = await read(actor)
      await audit.record({ actorId: actor.personId, action, objectType: 'report', objectId: scopeOf(actor) }, meta)
      return result
    }

  return {
    getEquityReport: audited('report.equity.read', equity),
    exportEquityCsv: audited('report.equity.export', async (actor) => equityCsv(await equity(actor))),
    getOutcomesReport: audited('report.outcomes.read', outcomes),
    exportOutcomesCsv: audited('report.outcomes.export', async () => outcomesCsv(await outcomes())),
    getParticipationReport: audited('report.participation.read', participation),
    exportParticipationCsv: audited('report.participation.export', async (actor) => participationCsv(await participation(actor))),
  }
}
