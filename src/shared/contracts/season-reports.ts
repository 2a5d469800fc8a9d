import { z } from 'zod'
import { CLASS_YEARS, LETTER_STATUSES } from '../enums.ts'
import { MATERIAL_KINDS } from '../reference/application-limits.ts'

/**
 * The office's letters dashboard and residency-season dashboard (modules/reporting, decision 039).
 * Each figure names the measure its drill-down lists; every list says who is behind the figure
 * and, for letters, only the request's status and dates — never a letter, never its talking points.
 */

/** How the letters dashboard buckets due dates; shown on the page beside the figures. */
export const LETTERS_DASHBOARD_RULES = {
  /** "Due soon": due within this many days from today (not yet overdue). */
  dueSoonDays: 14,
} as const

export const LETTER_MEASURES = [
  'outstanding',
  'overdue',
  'due-soon',
  'due-later',
  'reviews-open',
  'reviews-overdue',
  'mocks-upcoming',
  'mocks-awaiting-feedback',
] as const
export type LetterMeasure = (typeof LETTER_MEASURES)[number]

export const LETTER_MEASURE_LABELS: Record<LetterMeasure, string> = {
  outstanding: 'Letters outstanding',
  overdue: 'Letters overdue',
  'due-soon': `Letters due in the next ${LETTERS_DASHBOARD_RULES.dueSoonDays} days`,
  'due-later': 'Letters due later',
  'reviews-open': 'Document reviews outstanding',
  'reviews-overdue': 'Document reviews overdue',
  'mocks-upcoming': 'Mock interviews booked',
  'mocks-awaiting-feedback': 'Mock interviews awaiting feedback',
}

export const LetterWriterRow = z.object({
  /** Opaque key of the writer for the drill-down (`writer=`). */
  writer: z.string(),
  name: z.string(),
  /** False: a writer outside the app, named by the student. */
  hasAccount: z.boolean(),
  outstanding: z.number().int(),
  overdue: z.number().int(),
})
export type LetterWriterRow = z.infer<typeof LetterWriterRow>

export const LettersDashboard = z.object({
  scope: z.enum(['school', 'assigned']),
  generatedAt: z.string(),
  letters: z.object({
    outstanding: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    dueLater: z.number().int(),
    /** Students with at least one letter outstanding. */
    students: z.number().int(),
  }),
  /** Writers with letters outstanding: the most overdue first. */
  byWriter: z.array(LetterWriterRow),
  reviews: z.object({ open: z.number().int(), overdue: z.number().int() }),
  mockInterviews: z.object({ upcoming: z.number().int(), awaitingFeedback: z.number().int() }),
})
export type LettersDashboard = z.infer<typeof LettersDashboard>

export const LetterListQuery = z.object({
  measure: z.enum(LETTER_MEASURES).default('outstanding'),
  /** Only this writer's letters (letter measures only). */
  writer: z.string().max(300).optional(),
})
export type LetterListQuery = z.infer<typeof LetterListQuery>

/** One item behind a letters-dashboard figure: a letter request, a review request or a mock interview — status and dates only. */
export const LetterListItem = z.object({
  id: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  classYear: z.enum(CLASS_YEARS),
  /** The writer, reviewer or interviewer. */
  withName: z.string(),
  /** A letter's status; null for reviews and mocks. */
  status: z.enum(LETTER_STATUSES).nullable(),
  /** A review's kind of document; null otherwise. */
  documentKind: z.enum(MATERIAL_KINDS).nullable(),
  /** Due date (YYYY-MM-DD) of a letter or review; a mock's start (ISO). */
  due: z.string(),
  requestedAt: z.string(),
})
export type LetterListItem = z.infer<typeof LetterListItem>

export const LetterListResponse = z.object({
  scope: z.enum(['school', 'assigned']),
  measure: z.enum(LETTER_MEASURES),
  writer: z.string().nullable(),
  items: z.array(LetterListItem),
})
export type LetterListResponse = z.infer<typeof LetterListResponse>

export const SEASON_MEASURES = [
  'all',
  'profile-complete',
  'profile-incomplete',
  'below-guide',
  'rank-list-submitted',
  'rank-list-signed-off',
  'at-risk',
] as const
export type SeasonMeasure = (typeof SEASON_MEASURES)[number]

export const SEASON_MEASURE_LABELS: Record<SeasonMeasure, string> = {
  all: 'Students',
  'profile-complete': 'Application profile complete',
  'profile-incomplete': 'Application profile not complete',
  'below-guide': 'Fewer programs than their specialty’s applicants apply to',
  'rank-list-submitted': 'Rank list submitted',
  'rank-list-signed-off': 'Rank list signed off',
  'at-risk': 'At risk in the class simulation',
}

export const SeasonRow = z.object({
  /** null: every class year in scope. */
  classYear: z.enum(CLASS_YEARS).nullable(),
  students: z.number().int(),
  profileComplete: z.number().int(),
  /** Students with a program list (the list builder). */
  withList: z.number().int(),
  /** Median programs on the list among students with one; null when nobody has one. */
  medianPrograms: z.number().nullable(),
  belowGuide: z.number().int(),
  rankListSubmitted: z.number().int(),
  rankListSignedOff: z.number().int(),
  /** Students included in a finished class simulation. */
  simulated: z.number().int(),
  atRisk: z.number().int(),
})
export type SeasonRow = z.infer<typeof SeasonRow>

export const SeasonDashboard = z.object({
  scope: z.enum(['school', 'assigned']),
  generatedAt: z.string(),
  byClassYear: z.array(SeasonRow),
  total: SeasonRow,
  /** The newest finished class simulation the at-risk flags come from; null when none has finished. */
  latestSimulationAt: z.string().nullable(),
})
export type SeasonDashboard = z.infer<typeof SeasonDashboard>

export const SeasonListQuery = z.object({
  measure: z.enum(SEASON_MEASURES).default('all'),
  classYear: z.enum(CLASS_YEARS).optional(),
})
export type SeasonListQuery = z.infer<typeof SeasonListQuery>

export const SeasonListItem = z.object({
  id: z.string(),
  name: z.string(),
  classYear: z.enum(CLASS_YEARS),
  profileComplete: z.boolean(),
  preferredSpecialtyId: z.string().nullable(),
  programs: z.number().int(),
  /** How many programs the specialty's applicants typically apply to (the list builder's figure); null without a preferred specialty. */
  typicalApplications: z.number().int().nullable(),
  rankList: z.enum(['draft', 'submitted', 'signed-off', 'changed-since-sign-off']),
  /** The class simulation's at-risk reasons, in words; null when never simulated. */
  atRiskReasons: z.array(z.string()).nullable(),
})
export type SeasonListItem = z.infer<typeof SeasonListItem>

export const SeasonListResponse = z.object({
  scope: z.enum(['school', 'assigned']),
  measure: z.enum(SEASON_MEASURES),
  classYear: z.enum(CLASS_YEARS).nullable(),
  items: z.array(SeasonListItem),
})
export type SeasonListResponse = z.infer<typeof SeasonListResponse>

/** Mentorships and coffee chats started in one calendar month (UTC), for the engagement dashboard. */
export const StartedInMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  mentorships: z.number().int(),
  coffeeChats: z.number().int(),
})
export type StartedInMonth = z.infer<typeof StartedInMonth>
