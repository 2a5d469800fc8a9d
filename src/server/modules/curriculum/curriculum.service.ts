import type { Database } from '#server/db/client.ts'
import type { CompletionRule, MilestoneInput, MilestoneList, MilestoneView, TimelineEvent, TimelineResponse } from '#shared/contracts/curriculum.ts'
import { SCHOOL_TIME_ZONE } from '#shared/contracts/events.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AcademicCalendarService } from '../academic-calendar/academic-calendar.service.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { EventsService } from '../events/events.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { byAcademicOrder, dueWindowText } from './domain/due-dates.ts'
import { appliesTo, buildTimeline } from './domain/timeline.ts'
import { canManageCurriculum, hasTimeline } from './curriculum.policy.ts'
import type { CurriculumRepository, MilestoneRow } from './curriculum.repository.ts'
import { readFactsForRules, type FactOwners } from './student-facts.ts'
import type { ClassFactOwners } from './class-facts.ts'
import { createClassProgress, type ClassProgressDeps } from './class-progress.ts'

export type CurriculumDeps = {
  db: Database
  repo: CurriculumRepository
  clock: Clock
  audit: AuditService
  events: Pick<EventsService, 'listEvents' | 'mapAttendedEventsOfStudents'>
  /** Due dates in a break or on a holiday move to the last working day before it (decision 043); the year starts in the calendar's month. */
  academicCalendar: Pick<AcademicCalendarService, 'loadDueDateRule'>
  /** Called when first needed: the owners are made after this service in the composition root. */
  owners: () => FactOwners & ClassFactOwners
  studentRecords: ClassProgressDeps['studentRecords']
  notifications: ClassProgressDeps['notifications']
  appOrigin: string
}

const NO_MILESTONE = 'No such milestone.'
const schoolDay = new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

function toView(row: MilestoneRow): MilestoneView {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    phase: row.phase,
    dueMonth: row.dueMonth,
    required: row.required,
    why: row.why,
    links: row.links,
    eventIds: row.eventIds,
    rule: row.rule ?? null,
    dueWindow: dueWindowText(row.year, row.dueMonth),
  }
}

/**
 * The career curriculum: the office writes milestones per curriculum year; each student sees
 * their timeline, dated from their graduation year, and ticks what they did. A milestone is also
 * done by a confirmed place at a linked event that has ended, or by its named rule over what the
 * owners of those facts (advising, letters, list builder, rank lists) already hold.
 */
export function createCurriculumService(deps: CurriculumDeps) {
  const { db, repo, clock, audit, events } = deps

  function assertStaff(actor: Actor) {
    if (!canManageCurriculum(actor)) throw new AppError('FORBIDDEN', 'Only the Office of Student Affairs changes the curriculum.')
  }

  /** Linked events must be events Preceptor holds; a wrong one is named by its place in the list. */
  async function assertEventsExist(actor: Actor, eventIds: readonly string[]) {
    if (eventIds.length === 0) return
    const list = await events.listEvents(actor)
    const known = new Set([...list.upcoming, ...list.past].map((e) => e.id))
    const fields: Record<string, string> = {}
    eventIds.forEach((id, i) => {
      if (!known.has(id)) fields[`eventIds.${i}`] = 'No such event. Choose one from the list.'
    })
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'Some linked events do not exist.', fields)
  }

  function values(input: MilestoneInput) {
    return {
      title: input.title,
      year: input.year,
      phase: input.phase,
      dueMonth: input.dueMonth,
      required: input.required,
      why: input.why,
      links: [...new Set(input.links)],
      eventIds: [...new Set(input.eventIds)],
      rule: input.rule,
    }
  }

  async function studentOf(actor: Actor) {
    if (!hasTimeline(actor)) throw new AppError('FORBIDDEN', 'Only students have a curriculum timeline.')
    const [facts] = await listStudentFactsByIds(db, [actor.personId])
    return facts ?? null
  }

  async function getMyTimeline(actor: Actor): Promise<TimelineResponse> {
    const student = await studentOf(actor)
    const now = clock.now()
    const today = schoolDay.format(now)
    if (!student) {
      const { yearStartMonth } = await deps.academicCalendar.loadDueDateRule(today)
      return { graduationYear: null, yearStartMonth, today, now: [], next: [], counts: { done: 0, late: 0, open: 0, total: 0 }, years: [] }
    }
    const hasResearchYear = student.classYear === 'research'
    const [rows, ticked, eventList, calendar] = await Promise.all([
      repo.listMilestones(),
      repo.listTicksOfStudent(actor.personId),
      events.listEvents(actor),
      deps.academicCalendar.loadDueDateRule(today),
    ])
    const milestones = rows.filter((m) => appliesTo(m, hasResearchYear)).map((m) => ({ ...m, rule: m.rule ?? null }))
    const linked = new Map<string, TimelineEvent>()
    const allEvents = [...eventList.upcoming, ...eventList.past]
    // Attendance as the events module counts it: checked in at the door, or a place at a held event where no one was checked in.
    const attendedIds =
      (await events.mapAttendedEventsOfStudents([...new Set(milestones.flatMap((m) => m.eventIds))], [actor.personId])).get(actor.personId) ?? new Set<string>()
    for (const e of allEvents) {
      // A booked time slot is a place, as a confirmed RSVP is.
      const myRsvp = e.slots?.mineStartAt ? 'confirmed' : e.myRsvp?.status === 'confirmed' || e.myRsvp?.status === 'waitlisted' ? e.myRsvp.status : null
      const attended = attendedIds.has(e.id)
      const slotted = e.slots !== null
      linked.set(e.id, { id: e.id, title: e.title, startAt: e.startAt, endAt: e.endAt, timeZone: e.timeZone, status: e.status, myRsvp, slotted, attended })
    }
    // Only the rules of milestones not already done by a tick are read from their owners.
    const rules = new Set<CompletionRule>(milestones.flatMap((m) => (m.rule && !ticked.has(m.id) ? [m.rule] : [])))
    const facts = await readFactsForRules(deps.owners(), actor, rules, student.declaredSpecialtyId)
    const timeline = buildTimeline({ milestones, ticked, events: linked, facts, graduationYear: student.graduationYear, hasResearchYear, today, ...calendar })
    return { graduationYear: student.graduationYear, yearStartMonth: calendar.yearStartMonth, today, ...timeline }
  }

  /** The milestone, if it is on this student's timeline. */
  async function milestoneOfStudent(actor: Actor, id: string): Promise<MilestoneRow> {
    const student = await studentOf(actor)
    const row = await repo.findMilestoneById(id)
    if (!student || !row || !appliesTo(row, student.classYear === 'research')) throw new AppError('NOT_FOUND', NO_MILESTONE)
    return row
  }

  const classProgress = createClassProgress({
    ...deps,
    today: () => schoolDay.format(clock.now()),
    loadDueDateRule: (today) => deps.academicCalendar.loadDueDateRule(today),
  })

  return {
    ...classProgress,

    async listMilestones(actor: Actor): Promise<MilestoneList> {
      assertStaff(actor)
      const [rows, calendar] = await Promise.all([repo.listMilestones(), deps.academicCalendar.loadDueDateRule(schoolDay.format(clock.now()))])
      return { items: rows.sort((a, b) => byAcademicOrder(a, b, calendar.yearStartMonth)).map(toView) }
    },

    async createMilestone(actor: Actor, input: MilestoneInput, meta: RequestMeta): Promise<MilestoneView> {
      assertStaff(actor)
      await assertEventsExist(actor, input.eventIds)
      const now = clock.now()
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertMilestone({ ...values(input), createdById: actor.personId, createdAt: now, updatedAt: now }, tx)
        await audit.record(
          { actorId: actor.personId, action: 'curriculum.milestone.create', objectType: 'curriculum-milestone', objectId: created.id },
          meta,
          tx,
        )
        return created
      })
      return toView(row)
    },

    async updateMilestone(actor: Actor, id: string, input: MilestoneInput, meta: RequestMeta): Promise<MilestoneView> {
      assertStaff(actor)
      await assertEventsExist(actor, input.eventIds)
      const row = await db.transaction(async (tx) => {
        const updated = await repo.updateMilestone(id, { ...values(input), updatedAt: clock.now() }, tx)
        if (!updated) throw new AppError('NOT_FOUND', NO_MILESTONE)
        await audit.record({ actorId: actor.personId, action: 'curriculum.milestone.update', objectType: 'curriculum-milestone', objectId: id }, meta, tx)
        return updated
      })
      return toView(row)
    },

    /** Removes a milestone and every student's tick of it. */
    async deleteMilestone(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
      assertStaff(actor)
      await db.transaction(async (tx) => {
        if (!(await repo.deleteMilestone(id, tx))) throw new AppError('NOT_FOUND', NO_MILESTONE)
        await audit.record({ actorId: actor.personId, action: 'curriculum.milestone.delete', objectType: 'curriculum-milestone', objectId: id }, meta, tx)
      })
    },

    getMyTimeline,

    /** The student says they did it; ticking twice keeps the first moment. */
    async tickMilestone(actor: Actor, id: string): Promise<TimelineResponse> {
      const row = await milestoneOfStudent(actor, id)
      await repo.insertTick(actor.personId, row.id, clock.now())
      return getMyTimeline(actor)
    },

    /** Takes a tick back (a slip of the finger); a milestone done by an event or a rule stays done. */
    async untickMilestone(actor: Actor, id: string): Promise<TimelineResponse> {
      const row = await milestoneOfStudent(actor, id)
      await repo.deleteTick(actor.personId, row.id)
      return getMyTimeline(actor)
    },
  }
}

export type CurriculumService = ReturnType<typeof createCurriculumService>
