import { z } from 'zod'
import { ADVISING_SLOTS } from './advising.ts'
import { CLASS_YEARS, MENTOR_KINDS } from '../enums.ts'
import { StartedInMonth } from './season-reports.ts'

/**
 * The school dashboard (modules/reporting): engagement of students by class year and mentor load
 * by kind of mentor. Each figure names the measure its drill-down lists.
 */

/** How the dashboard defines its figures; shown on the page beside them. */
export const DASHBOARD_RULES = {
  /** A student with a mentor but no confirmed meeting in this many days. */
  noMeetingDays: 90,
  /** A mentor is silent when a student's request has waited this many days without an answer… */
  silentAfterDays: 7,
  /** …or expired unanswered within this many days. */
  expiredWithinDays: 90,
} as const

export const STUDENT_MEASURES = ['all', 'no-mentor', 'empty-board-slots', 'no-recent-meeting'] as const
export type StudentMeasure = (typeof STUDENT_MEASURES)[number]

export const STUDENT_MEASURE_LABELS: Record<StudentMeasure, string> = {
  all: 'Students',
  'no-mentor': 'No mentor',
  'empty-board-slots': 'Empty advising-board slots',
  'no-recent-meeting': `No meeting in ${DASHBOARD_RULES.noMeetingDays} days`,
}

export const MENTOR_MEASURES = ['all', 'at-capacity', 'over-capacity', 'silent'] as const
export type MentorMeasure = (typeof MENTOR_MEASURES)[number]

export const MENTOR_MEASURE_LABELS: Record<MentorMeasure, string> = {
  all: 'Mentors',
  'at-capacity': 'Full',
  'over-capacity': 'Over capacity',
  silent: 'Silent',
}

export const EngagementRow = z.object({
  /** null: the whole school (or all of an advisor's students). */
  classYear: z.enum(CLASS_YEARS).nullable(),
  students: z.number().int(),
  noMentor: z.number().int(),
  emptyBoardSlots: z.number().int(),
  noRecentMeeting: z.number().int(),
})
export type EngagementRow = z.infer<typeof EngagementRow>

export const MentorLoadRow = z.object({
  /** null: every mentor. */
  kind: z.enum(MENTOR_KINDS).nullable(),
  mentors: z.number().int(),
  capacity: z.number().int(),
  activeMentorships: z.number().int(),
  atCapacity: z.number().int(),
  overCapacity: z.number().int(),
  silent: z.number().int(),
})
export type MentorLoadRow = z.infer<typeof MentorLoadRow>

export const SchoolDashboard = z.object({
  /** `school`: every student (the school-wide scope); `assigned`: the advisor's own students. */
  scope: z.enum(['school', 'assigned']),
  generatedAt: z.string(),
  engagement: z.object({ byClassYear: z.array(EngagementRow), total: EngagementRow }),
  mentors: z.object({ byKind: z.array(MentorLoadRow), total: MentorLoadRow }),
  /** Mentorships and coffee chats started per month over the last twelve months, oldest first (the scope's students). */
  startedByMonth: z.array(StartedInMonth),
})
export type SchoolDashboard = z.infer<typeof SchoolDashboard>

export const StudentListQuery = z.object({
  measure: z.enum(STUDENT_MEASURES).default('all'),
  classYear: z.enum(CLASS_YEARS).optional(),
})
export type StudentListQuery = z.infer<typeof StudentListQuery>

export const StudentListItem = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  classYear: z.enum(CLASS_YEARS),
  mentors: z.number().int(),
  emptySlots: z.array(z.enum(ADVISING_SLOTS)),
  lastMeetingAt: z.string().nullable(),
})
export type StudentListItem = z.infer<typeof StudentListItem>

export const StudentListResponse = z.object({
  scope: z.enum(['school', 'assigned']),
  measure: z.enum(STUDENT_MEASURES),
  classYear: z.enum(CLASS_YEARS).nullable(),
  items: z.array(StudentListItem),
})
export type StudentListResponse = z.infer<typeof StudentListResponse>

export const MentorListQuery = z.object({
  measure: z.enum(MENTOR_MEASURES).default('all'),
  kind: z.enum(MENTOR_KINDS).optional(),
})
export type MentorListQuery = z.infer<typeof MentorListQuery>

export const MentorListItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MENTOR_KINDS),
  capacity: z.number().int(),
  activeMentorships: z.number().int(),
  unansweredRequests: z.number().int(),
  oldestUnansweredAt: z.string().nullable(),
})
export type MentorListItem = z.infer<typeof MentorListItem>

export const MentorListResponse = z.object({
  measure: z.enum(MENTOR_MEASURES),
  kind: z.enum(MENTOR_KINDS).nullable(),
  items: z.array(MentorListItem),
})
export type MentorListResponse = z.infer<typeof MentorListResponse>
