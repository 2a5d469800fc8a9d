import { z } from '@hono/zod-openapi'
import { ACADEMIC_DATE_KINDS } from '../enums.ts'
import { CIM_PHASES, COMPLETION_RULES, CURRICULUM_YEARS } from '../curriculum.ts'
import { multilineText, requiredText } from './common.ts'

/**
 * The four-year career curriculum (issue #15): milestones per curriculum year, each in one of the
 * AAMC Careers in Medicine phases, due by a month of its year (relative to the class's
 * graduation year), done by a tick, by attending a linked event, or by an automatic rule.
 */

export {
  CLASS_YEAR_OF_CURRICULUM_YEAR,
  defaultNudgeMessage,
  NUDGE_QUIET_DAYS,
  CIM_PHASE_LABELS,
  CIM_PHASES,
  COMPLETION_RULE_LABELS,
  COMPLETION_RULES,
  CURRICULUM_YEAR_LABELS,
  CURRICULUM_YEARS,
  MONTH_NAMES,
  movedBeforeText,
  type CimPhase,
  type CompletionRule,
  type CurriculumYear,
} from '../curriculum.ts'

/** One https address, whole. */
const HttpsLink = z
  .string()
  .trim()
  .max(500, 'Use at most 500 characters.')
  .refine((link) => /^https:\/\/\S+$/i.test(link) && URL.canParse(link), 'Use a full link that starts with https://, without spaces.')

export const MilestoneInput = z.object({
  title: requiredText(200),
  year: z.enum(CURRICULUM_YEARS, 'Choose a year from the list.'),
  phase: z.enum(CIM_PHASES, 'Choose a Careers in Medicine phase from the list.'),
  /** Due by the end of this month (1–12) of the milestone's year. */
  dueMonth: z.number('Choose a month.').int('Choose a month.').min(1, 'Choose a month.').max(12, 'Choose a month.'),
  required: z.boolean('Say whether it is required.').default(true),
  why: multilineText(1000).default(''),
  links: z.array(HttpsLink).max(10, 'At most 10 links.').default([]),
  eventIds: z.array(z.uuid('Choose events from the list.')).max(20, 'At most 20 events.').default([]),
  rule: z.enum(COMPLETION_RULES, 'Choose a rule from the list.').nullable().default(null),
})
export type MilestoneInput = z.infer<typeof MilestoneInput>

export const MilestoneView = z.object({
  id: z.string(),
  title: z.string(),
  year: z.enum(CURRICULUM_YEARS),
  phase: z.enum(CIM_PHASES),
  dueMonth: z.number().int(),
  required: z.boolean(),
  why: z.string(),
  links: z.array(z.string()),
  eventIds: z.array(z.string()),
  rule: z.enum(COMPLETION_RULES).nullable(),
  /** "By October of Year 1": the window in words, before any class's dates. */
  dueWindow: z.string(),
})
export type MilestoneView = z.infer<typeof MilestoneView>

export const MilestoneList = z.object({ items: z.array(MilestoneView) })
export type MilestoneList = z.infer<typeof MilestoneList>

export const TIMELINE_STATUSES = ['done', 'late', 'due-soon', 'upcoming', 'passed'] as const
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number]

export const TimelineEvent = z.object({
  id: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  /** The student's place: confirmed (an RSVP or a booked time slot), waitlisted, or none. */
  myRsvp: z.enum(['confirmed', 'waitlisted']).nullable(),
  /** Booked by time slot on its page rather than by RSVP. */
  slotted: z.boolean(),
  /** A confirmed place at an event that has ended. */
  attended: z.boolean(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

/** A due date the academic calendar moved: the end of the month it would have been, and the break or holiday that held it. */
export const DueDateMoved = z.object({
  from: z.string(),
  closureKind: z.enum(ACADEMIC_DATE_KINDS),
  closureName: z.string(),
})
export type DueDateMoved = z.infer<typeof DueDateMoved>

export const TimelineMilestone = z.object({
  id: z.string(),
  title: z.string(),
  year: z.enum(CURRICULUM_YEARS),
  phase: z.enum(CIM_PHASES),
  required: z.boolean(),
  why: z.string(),
  links: z.array(z.string()),
  /** The last day of the due month, YYYY-MM-DD, or the last working day before the break or holiday it fell in. */
  dueDate: z.string(),
  /** Set when the academic calendar moved the date earlier (`dueDate` is then the moved one). */
  dueMoved: DueDateMoved.nullable(),
  /** "October of Year 1": what the date is relative to. */
  dueWindow: z.string(),
  status: z.enum(TIMELINE_STATUSES),
  /** How it was done: ticked by the student, an event attended, or a rule; null while open. */
  doneBy: z.enum(['ticked', 'event', 'rule']).nullable(),
  /** When ticked (the others have no single moment). */
  doneAt: z.string().nullable(),
  rule: z.enum(COMPLETION_RULES).nullable(),
  events: z.array(TimelineEvent),
})
export type TimelineMilestone = z.infer<typeof TimelineMilestone>

export const TimelineResponse = z.object({
  graduationYear: z.number().int().nullable(),
  /** The month (1–12) the school's academic year starts in, from its calendar (July without one). */
  yearStartMonth: z.number().int().min(1).max(12),
  /** Today in the school's calendar, YYYY-MM-DD. */
  today: z.string(),
  /** Late first, then due soon: what to do now. */
  now: z.array(z.string()),
  /** The next few after those. */
  next: z.array(z.string()),
  counts: z.object({ done: z.number().int(), late: z.number().int(), open: z.number().int(), total: z.number().int() }),
  years: z.array(z.object({ year: z.enum(CURRICULUM_YEARS), label: z.string(), milestones: z.array(TimelineMilestone) })),
})
export type TimelineResponse = z.infer<typeof TimelineResponse>

/** One milestone of a class's year: how many of the class did it, are late, or have it due soon. */
export const ClassMilestoneFigure = z.object({
  id: z.string(),
  title: z.string(),
  required: z.boolean(),
  dueWindow: z.string(),
  /** The class's due date (the earliest, if the class's graduation years differ); null with no students. */
  dueDate: z.string().nullable(),
  /** Set when the academic calendar moved that date earlier. */
  dueMoved: DueDateMoved.nullable(),
  done: z.number().int(),
  late: z.number().int(),
  dueSoon: z.number().int(),
  /** Done, as a whole percentage of the class's students. */
  percentDone: z.number().int(),
})
export type ClassMilestoneFigure = z.infer<typeof ClassMilestoneFigure>

/** A student with a milestone of the year late or due soon. */
export const StudentBehind = z.object({
  id: z.string(),
  name: z.string(),
  /** Ids of the year's required milestones they are late on. */
  late: z.array(z.string()),
  /** Ids of the year's milestones due soon and not done. */
  dueSoon: z.array(z.string()),
})
export type StudentBehind = z.infer<typeof StudentBehind>

export const ClassProgressResponse = z.object({
  year: z.enum(CURRICULUM_YEARS),
  /** Every student of the class year (school-wide scope), or those assigned to the advisor. */
  scope: z.enum(['school', 'assigned']),
  today: z.string(),
  students: z.number().int(),
  milestones: z.array(ClassMilestoneFigure),
  behind: z.array(StudentBehind),
})
export type ClassProgressResponse = z.infer<typeof ClassProgressResponse>

export const NudgeInput = z.object({
  studentIds: z.array(z.uuid('Choose students from the list.')).min(1, 'Choose at least one student.').max(1000, 'Choose at most 1,000 students at once.'),
  /** The advisor's words; empty takes the default message. */
  message: multilineText(2000).default(''),
})
export type NudgeInput = z.infer<typeof NudgeInput>

const NudgedStudent = z.object({ id: z.string(), name: z.string() })
const SkippedStudent = NudgedStudent.extend({
  reason: z.enum(['nudged-recently', 'done']),
  /** When they were last nudged about this milestone (nudged-recently). */
  lastNudgedAt: z.string().nullable(),
})
export type SkippedStudent = z.infer<typeof SkippedStudent>

/** The exact e-mail the first student who would be nudged receives, and who would be skipped. */
export const NudgePreview = z.object({
  email: z.object({ to: NudgedStudent, subject: z.string(), text: z.string() }).nullable(),
  willNudge: z.array(NudgedStudent),
  willSkip: z.array(SkippedStudent),
})
export type NudgePreview = z.infer<typeof NudgePreview>

export const NudgeResult = z.object({ nudged: z.array(NudgedStudent), skipped: z.array(SkippedStudent) })
export type NudgeResult = z.infer<typeof NudgeResult>
