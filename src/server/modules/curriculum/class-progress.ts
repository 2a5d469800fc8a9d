import type { Database } from '#server/db/client.ts'
import {
  type DueDateMoved,
  CLASS_YEAR_OF_CURRICULUM_YEAR,
  defaultNudgeMessage,
  NUDGE_QUIET_DAYS,
  type ClassProgressResponse,
  type CompletionRule,
  type CurriculumYear,
  type NudgeInput,
  type NudgePreview,
  type NudgeResult,
  type SkippedStudent,
} from '#shared/contracts/curriculum.ts'
import { CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listClassRoster } from '../profiles/profile-reads.ts'
import { readFactsForRulesOfStudents, type ClassFactOwners } from './class-facts.ts'
import type { CurriculumRepository, MilestoneRow } from './curriculum.repository.ts'
import { classProgress, progressOfClass, type ClassStudent } from './domain/class-progress.ts'
import { nudgeEmail } from './domain/nudge-email.ts'
import { byAcademicOrder } from './domain/due-dates.ts'
import { appliesTo, type DueDateCalendar, type MilestoneForTimeline } from './domain/timeline.ts'

export type ClassProgressDeps = {
  db: Database
  repo: CurriculumRepository
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'hasSchoolWideScope' | 'studentsOf'>
  notifications: Pick<NotificationsService, 'enqueueMany'>
  appOrigin: string
  owners: () => ClassFactOwners
  /** Today in the school's calendar, YYYY-MM-DD. */
  today: () => string
  /** The academic calendar's rules for due dates (closures, the year's start month), read once per view (the academic-calendar module's service). */
  loadDueDateRule: (today: string) => Promise<DueDateCalendar>
}

type Scope = 'school' | 'assigned'
type ClassMember = ClassStudent & { email: string }

const NOT_YOURS = 'No such student, or they are not yours to see.'
const toTimeline = (m: MilestoneRow): MilestoneForTimeline => ({ ...m, rule: m.rule ?? null })

/**
 * The advisors' view of a class's progress through a curriculum year, and the e-mail nudge to
 * those behind (issue #15). An advisor with the school-wide scope (decision 015) sees the whole
 * class; any other advisor the students assigned to them; nobody else. Every figure comes from
 * batched reads through the owners' services (`class-facts.ts`) and the same per-milestone
 * function a student's own timeline uses (`milestoneProgress`).
 */
export function createClassProgress(deps: ClassProgressDeps) {
  const { db, repo, clock, audit, studentRecords, notifications, appOrigin } = deps

  function scopeOf(actor: Actor): Scope {
    if (!actor.roles.includes('advisor')) throw new AppError('FORBIDDEN', 'Only advisors see a class’s progress.')
    return studentRecords.hasSchoolWideScope(actor) ? 'school' : 'assigned'
  }

  /**
   * The active students of `classYears` the actor may see — the whole class for the school-wide
   * scope, otherwise those assigned to them — with their names and profile facts, in one query.
   */
  async function visibleStudents(actor: Actor, scope: Scope, classYears: readonly ClassYear[], among: readonly string[] | null) {
    const assigned = scope === 'assigned' ? await studentRecords.studentsOf(actor.personId) : null
    const wanted = among ? new Set(among) : null
    const ids = assigned && wanted ? assigned.filter((id) => wanted.has(id)) : (assigned ?? among)
    return listClassRoster(db, classYears, ids)
  }

  /** What decides each student's milestones: a fixed handful of batched queries for any number of students. */
  async function loadMembers(students: Awaited<ReturnType<typeof visibleStudents>>, milestones: readonly MilestoneForTimeline[]): Promise<ClassMember[]> {
    const studentIds = students.map((s) => s.personId)
    // A class has someone who has not ticked each milestone: every rule and event is read, at once.
    const rules = new Set<CompletionRule>(milestones.flatMap((m) => (m.rule ? [m.rule] : [])))
    const owners = deps.owners()
    const [ticks, facts, attended] = await Promise.all([
      repo.mapTicksOfStudents(
        studentIds,
        milestones.map((m) => m.id),
      ),
      readFactsForRulesOfStudents(
        owners,
        students.map((s) => ({ id: s.personId, declaredSpecialtyId: s.declaredSpecialtyId })),
        rules,
      ),
      owners.events.mapAttendedEventsOfStudents([...new Set(milestones.flatMap((m) => m.eventIds))], studentIds),
    ])
    return students.map((s) => ({
      id: s.personId,
      name: s.name,
      email: s.email,
      graduationYear: s.graduationYear,
      hasResearchYear: s.classYear === 'research',
      ticked: ticks.get(s.personId) ?? new Map(),
      attendedEventIds: attended.get(s.personId) ?? new Set(),
      facts: facts.get(s.personId) ?? { declaredSpecialtyId: s.declaredSpecialtyId },
    }))
  }

  async function getClassProgress(actor: Actor, year: CurriculumYear, meta: RequestMeta | null): Promise<ClassProgressResponse> {
    const scope = scopeOf(actor)
    const today = deps.today()
    const [students, rows, calendar] = await Promise.all([
      visibleStudents(actor, scope, [CLASS_YEAR_OF_CURRICULUM_YEAR[year]], null),
      repo.listMilestones(),
      deps.loadDueDateRule(today),
    ])
    const milestones = rows
      .filter((m) => m.year === year)
      .sort((a, b) => byAcademicOrder(a, b, calendar.yearStartMonth))
      .map(toTimeline)
    const members = await loadMembers(students, milestones)
    const figures = classProgress(milestones, members, today, calendar)
    // One row per read, naming the class: the students in it are the view's, at this time.
    await audit.record({ actorId: actor.personId, action: 'curriculum.class-progress.read', objectType: 'curriculum-class', objectId: year }, meta)
    return { year, scope, today, students: members.length, ...figures }
  }

  /** Who of the chosen would be nudged, and who skipped (done already, or nudged in the last week). */
  async function plan(actor: Actor, milestoneId: string, input: NudgeInput, since: Date) {
    const scope = scopeOf(actor)
    const row = await repo.findMilestoneById(milestoneId)
    if (!row) throw new AppError('NOT_FOUND', 'No such milestone.')
    const milestone = toTimeline(row)
    const chosen = [...new Set(input.studentIds)]
    const members = await loadMembers(await visibleStudents(actor, scope, CLASS_YEARS, chosen), [milestone])
    const byId = new Map(members.map((m) => [m.id, m] as const))
    const missing = chosen.findIndex((id) => !byId.get(id) || !appliesTo(milestone, byId.get(id)?.hasResearchYear ?? false))
    if (missing >= 0) throw new AppError('NOT_FOUND', NOT_YOURS, { [`studentIds.${missing}`]: NOT_YOURS })
    const today = deps.today()
    const progress = progressOfClass([milestone], members, today, await deps.loadDueDateRule(today))
    const recent = await repo.mapLastNudges(milestone.id, chosen, since)
    const willNudge: (ClassMember & { dueDate: string; dueMoved: DueDateMoved | null; late: boolean })[] = []
    const willSkip: SkippedStudent[] = []
    for (const id of chosen) {
      const student = byId.get(id) as ClassMember
      const state = progress.get(id)?.get(milestone.id)
      const last = recent.get(id)
      if (!state || state.status === 'done') willSkip.push({ id, name: student.name, reason: 'done', lastNudgedAt: null })
      else if (last) willSkip.push({ id, name: student.name, reason: 'nudged-recently', lastNudgedAt: last.toISOString() })
      else willNudge.push({ ...student, dueDate: state.dueDate, dueMoved: state.dueMoved, late: state.status === 'late' })
    }
    const email = (student: (typeof willNudge)[number]) =>
      nudgeEmail({
        studentName: student.name,
        advisorName: actor.name,
        milestoneTitle: milestone.title,
        dueDate: student.dueDate,
        dueMoved: student.dueMoved,
        late: student.late,
        message: input.message || defaultNudgeMessage(milestone.title),
        link: `${appOrigin}/timeline`,
      })
    return { milestone, willNudge, willSkip, email }
  }

  const quietSince = () => new Date(clock.now().getTime() - NUDGE_QUIET_DAYS * MS_PER_DAY)
  const named = (s: { id: string; name: string }) => ({ id: s.id, name: s.name })

  return {
    getClassProgress,

    /** The exact e-mail the first student to be nudged would receive; nothing is sent or written. */
    async previewNudge(actor: Actor, milestoneId: string, input: NudgeInput): Promise<NudgePreview> {
      const { willNudge, willSkip, email } = await plan(actor, milestoneId, input, quietSince())
      const first = willNudge[0]
      return { email: first ? { to: named(first), ...email(first) } : null, willNudge: willNudge.map(named), willSkip }
    },

    /**
     * E-mails each chosen student not done with the milestone and not nudged about it in the last
     * week, records the nudges and audits each, in one transaction; the milestone's row lock makes
     * two advisors nudging at once take turns, so nobody gets two.
     */
    async sendNudges(actor: Actor, milestoneId: string, input: NudgeInput, meta: RequestMeta): Promise<NudgeResult> {
      const now = clock.now()
      const { milestone, willNudge, willSkip, email } = await plan(actor, milestoneId, input, quietSince())
      return db.transaction(async (tx) => {
        if (!(await repo.lockMilestone(milestoneId, tx))) throw new AppError('NOT_FOUND', 'No such milestone.')
        // Read again under the lock: a nudge committed while we planned counts.
        const recent = await repo.mapLastNudges(
          milestone.id,
          willNudge.map((s) => s.id),
          quietSince(),
          tx,
        )
        const skipped = [...willSkip]
        const sending = willNudge.filter((s) => {
          const last = recent.get(s.id)
          if (last) skipped.push({ ...named(s), reason: 'nudged-recently', lastNudgedAt: last.toISOString() })
          return !last
        })
        await repo.insertNudges(
          milestone.id,
          sending.map((s) => s.id),
          actor.personId,
          now,
          tx,
        )
        await notifications.enqueueMany(
          sending.map((s) => ({ to: s.email, kind: 'curriculum.nudge', ...email(s) })),
          tx,
        )
        await audit.recordMany(
          sending.map((s) => ({ actorId: actor.personId, action: 'curriculum.nudge.send', objectType: 'person', objectId: s.id })),
          meta,
          tx,
        )
        return { nudged: sending.map(named), skipped }
      })
    },
  }
}
