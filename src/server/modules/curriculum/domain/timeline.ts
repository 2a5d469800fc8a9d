import {
  CURRICULUM_YEAR_LABELS,
  type CimPhase,
  type CompletionRule,
  type CurriculumYear,
  type DueDateMoved,
  type TimelineEvent,
  type TimelineMilestone,
  type TimelineResponse,
  type TimelineStatus,
} from '#shared/contracts/curriculum.ts'
import { isRuleMet, type StudentFactsForRules } from './completion-rules.ts'
import { academicYearSpan, dueDateFor, dueWindowText, yearOrder } from './due-dates.ts'

/** A milestone is "due soon" from this many days before its due date. */
export const DUE_SOON_DAYS = 45
/** How many milestones "next" shows after those due now. */
export const NEXT_COUNT = 3

export type MilestoneForTimeline = {
  id: string
  title: string
  year: CurriculumYear
  phase: CimPhase
  dueMonth: number
  required: boolean
  why: string
  links: readonly string[]
  eventIds: readonly string[]
  rule: CompletionRule | null
  position: number
}

/**
 * The school's academic calendar applied to a due date (read from the academic-calendar module by
 * the service): where the date lands, and what moved it. Without one, no date moves.
 */
export type DueDateRule = (due: string) => {
  dueDate: string
  moved: { from: string; closure: { kind: DueDateMoved['closureKind']; name: string } } | null
}

const keepDueDate: DueDateRule = (dueDate) => ({ dueDate, moved: null })

/** The school's academic calendar as due dates need it (read once per view): the rule that moves dates, and the month its year starts in. */
export type DueDateCalendar = { moveDueDate: DueDateRule; yearStartMonth: number }

export type TimelineInputs = {
  milestones: readonly MilestoneForTimeline[]
  /** Milestones the student ticked, with when. */
  ticked: ReadonlyMap<string, Date>
  /** The linked events the student may see, by id. */
  events: ReadonlyMap<string, TimelineEvent>
  facts: StudentFactsForRules
  graduationYear: number
  hasResearchYear: boolean
  /** Today, YYYY-MM-DD. */
  today: string
  moveDueDate?: DueDateRule
  /** The month the school's academic year starts in (1–12); July without one. */
  yearStartMonth?: number
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** Whether a milestone applies to the student: the research year's only to those who take one. */
export function appliesTo(milestone: Pick<MilestoneForTimeline, 'year'>, hasResearchYear: boolean): boolean {
  return milestone.year !== 'research' || hasResearchYear
}

/** What decides one milestone's state for one student: the single-student timeline and the class view both pass it. */
export type ProgressInputs = {
  /** Milestones the student ticked, with when. */
  ticked: ReadonlyMap<string, Date>
  /** Linked events the student attended. */
  attendedEventIds: ReadonlySet<string>
  facts: StudentFactsForRules
  graduationYear: number
  hasResearchYear: boolean
  /** Today, YYYY-MM-DD. */
  today: string
  /** The academic calendar's rule: a date in a break or on a holiday moves to the last working day before it. */
  moveDueDate?: DueDateRule
  /** The month the school's academic year starts in (1–12); July without one. */
  yearStartMonth?: number
}

export type MilestoneProgress = { dueDate: string; dueMoved: DueDateMoved | null; status: TimelineStatus; doneBy: TimelineMilestone['doneBy'] }

/**
 * One milestone's state for one student — the one place it is decided, for a student's own
 * timeline and for a class. Done wins (a tick, then an attended linked event, then the
 * milestone's rule); otherwise the due date decides: past it a required milestone is late and an
 * optional one has passed; within `DUE_SOON_DAYS` it is due soon. The due date is the end of the
 * due month, moved by the academic calendar out of a break or holiday, so "late" starts the day
 * after the moved date.
 */
export function milestoneProgress(milestone: MilestoneForTimeline, input: ProgressInputs): MilestoneProgress {
  const endOfMonth = dueDateFor(milestone.year, milestone.dueMonth, input.graduationYear, input.hasResearchYear, input.yearStartMonth)
  const { dueDate, moved } = (input.moveDueDate ?? keepDueDate)(endOfMonth)
  const dueMoved = moved ? { from: moved.from, closureKind: moved.closure.kind, closureName: moved.closure.name } : null
  const doneBy = input.ticked.has(milestone.id)
    ? ('ticked' as const)
    : milestone.eventIds.some((id) => input.attendedEventIds.has(id))
      ? ('event' as const)
      : milestone.rule && isRuleMet(milestone.rule, input.facts)
        ? ('rule' as const)
        : null
  const left = daysBetween(input.today, dueDate)
  const status = doneBy ? 'done' : left < 0 ? (milestone.required ? 'late' : 'passed') : left <= DUE_SOON_DAYS ? 'due-soon' : 'upcoming'
  return { dueDate, dueMoved, status, doneBy }
}

/** One milestone on a student's own timeline: its progress, with the linked events they may see. */
export function milestoneState(milestone: MilestoneForTimeline, input: TimelineInputs): TimelineMilestone {
  const events = milestone.eventIds.flatMap((id) => {
    const event = input.events.get(id)
    return event ? [event] : []
  })
  events.sort((a, b) => a.startAt.localeCompare(b.startAt))
  const tickedAt = input.ticked.get(milestone.id)
  const attendedEventIds = new Set(events.filter((e) => e.attended).map((e) => e.id))
  const { dueDate, dueMoved, status, doneBy } = milestoneProgress(milestone, { ...input, attendedEventIds })
  return {
    id: milestone.id,
    title: milestone.title,
    year: milestone.year,
    phase: milestone.phase,
    required: milestone.required,
    why: milestone.why,
    links: [...milestone.links],
    dueDate,
    dueMoved,
    dueWindow: dueWindowText(milestone.year, milestone.dueMonth),
    status,
    doneBy,
    doneAt: tickedAt ? tickedAt.toISOString() : null,
    rule: milestone.rule,
    events,
  }
}

/**
 * A student's whole timeline: per year in curriculum order, each year's milestones by due date;
 * "now" is what is late (oldest first) and then due soon (soonest first); "next" the few after.
 */
export function buildTimeline(input: TimelineInputs): Omit<TimelineResponse, 'graduationYear' | 'yearStartMonth' | 'today'> {
  const states = input.milestones
    .filter((m) => appliesTo(m, input.hasResearchYear))
    .map((m) => ({ m, state: milestoneState(m, input) }))
    .sort((a, b) => a.state.dueDate.localeCompare(b.state.dueDate) || a.m.position - b.m.position || a.m.title.localeCompare(b.m.title))
  const all = states.map((s) => s.state)
  const years = [...new Set(all.map((s) => s.year))].sort((a, b) => yearOrder(a) - yearOrder(b))
  const late = all.filter((s) => s.status === 'late')
  const soon = all.filter((s) => s.status === 'due-soon')
  return {
    now: [...late, ...soon].map((s) => s.id),
    next: all
      .filter((s) => s.status === 'upcoming')
      .slice(0, NEXT_COUNT)
      .map((s) => s.id),
    counts: {
      done: all.filter((s) => s.status === 'done').length,
      late: late.length,
      open: all.filter((s) => s.status === 'due-soon' || s.status === 'upcoming').length,
      total: all.length,
    },
    years: years.map((year) => ({
      year,
      label: `${CURRICULUM_YEAR_LABELS[year]} (${academicYearSpan(year, input.graduationYear, input.hasResearchYear, input.yearStartMonth)})`,
      milestones: all.filter((s) => s.year === year),
    })),
  }
}
