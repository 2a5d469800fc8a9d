import { z } from 'zod'
import { CLASS_YEARS, IDENTITY_ATTRIBUTES } from '../enums.ts'

/**
 * The office's reports beside the school dashboard (modules/reporting, decision 029): engagement
 * and outcomes split by self-identified group, the school's match results against the nation, and
 * participation in opportunities. Every figure about a group, and every match result, passes the
 * small-cell rule below.
 */

/** A cell is shown only when it holds at least this many people (decision 029). */
export const SMALL_CELL_MINIMUM = 10

/** The rule in words, shown on every page that applies it. */
export const SMALL_CELL_RULE = [
  `A group’s figures are shown only when the group has at least ${SMALL_CELL_MINIMUM} people, and everyone else it is compared with are at least ${SMALL_CELL_MINIMUM} too.`,
  `When a hidden figure could be worked out by subtraction — from a total shown elsewhere, or from the other class years — the next smallest figure is hidden as well, so the hidden ones together always cover at least ${SMALL_CELL_MINIMUM} people.`,
  'A difference is shown only between two figures that are both shown.',
] as const

/** Who counts in a group: students who named it themselves and chose to share it with advisors or more widely. */
export const GROUP_SOURCE =
  'Groups are what students chose to say about themselves on their profile, counted only for students who share it with advisors or more widely. A student may be in several groups, or in none; “everyone else” is every other student in the figure.'

export const GROUP_MEASURES = ['no-mentor', 'empty-board-slots', 'no-recent-meeting', 'matched', 'applied', 'accepted', 'experience'] as const
export type GroupMeasure = (typeof GROUP_MEASURES)[number]

export const GROUP_MEASURE_LABELS: Record<GroupMeasure, string> = {
  'no-mentor': 'No mentor',
  'empty-board-slots': 'Empty advising-board slots',
  'no-recent-meeting': 'No meeting in 90 days',
  matched: 'Matched',
  applied: 'Applied to an opportunity',
  accepted: 'Accepted to an opportunity',
  experience: 'Has experience entries',
}

export const GroupFigure = z.object({
  measure: z.enum(GROUP_MEASURES),
  count: z.number().int(),
  /** 0–1. */
  rate: z.number(),
  othersCount: z.number().int(),
  othersRate: z.number(),
  /** `rate − othersRate`, in points of 0–1. */
  difference: z.number(),
})
export type GroupFigure = z.infer<typeof GroupFigure>

/** One group in one column; `shown: false` carries no number at all. */
export const GroupCell = z.object({
  shown: z.boolean(),
  people: z.number().int().nullable(),
  /** Everyone else in the column. */
  others: z.number().int().nullable(),
  figures: z.array(GroupFigure),
})
export type GroupCell = z.infer<typeof GroupCell>

export const GroupRow = z.object({
  group: z.enum(IDENTITY_ATTRIBUTES),
  /** In the order of the split's `columns`. */
  byColumn: z.array(GroupCell),
  total: GroupCell,
})
export type GroupRow = z.infer<typeof GroupRow>

export const GroupSplit = z.object({
  columns: z.array(z.string()),
  measures: z.array(z.enum(GROUP_MEASURES)),
  rows: z.array(GroupRow),
})
export type GroupSplit = z.infer<typeof GroupSplit>

const Scope = z.enum(['school', 'assigned'])

export const EquityReport = z.object({
  scope: Scope,
  generatedAt: z.string(),
  minimum: z.number().int(),
  /** Engagement by group, one column per class year. */
  engagement: GroupSplit,
  /** Match results of past graduates linked to a student's account, by group (every match year together, one column). */
  outcomes: GroupSplit,
})
export type EquityReport = z.infer<typeof EquityReport>

export const NationalRate = z.object({ matched: z.number().int(), unmatched: z.number().int(), rate: z.number() })

export const SpecialtyOutcome = z.object({
  specialtyId: z.string(),
  shown: z.boolean(),
  applicants: z.number().int().nullable(),
  matched: z.number().int().nullable(),
  rate: z.number().nullable(),
  /** The published U.S. MD seniors' figures; null where none is published. */
  national: NationalRate.nullable(),
  /** School rate − national rate; only when both are shown. */
  difference: z.number().nullable(),
})
export type SpecialtyOutcome = z.infer<typeof SpecialtyOutcome>

export const OutcomesReport = z.object({
  generatedAt: z.string(),
  minimum: z.number().int(),
  /** Match years held, newest first. */
  years: z.array(z.number().int()),
  specialties: z.array(SpecialtyOutcome),
  total: z.object({ shown: z.boolean(), applicants: z.number().int().nullable(), matched: z.number().int().nullable(), rate: z.number().nullable() }),
  /** Where the national figures come from, in plain words. */
  nationalSource: z.string(),
})
export type OutcomesReport = z.infer<typeof OutcomesReport>

export const ParticipationRow = z.object({
  students: z.number().int(),
  applied: z.number().int(),
  accepted: z.number().int(),
  experience: z.number().int(),
})
export type ParticipationRow = z.infer<typeof ParticipationRow>

export const ParticipationReport = z.object({
  scope: Scope,
  generatedAt: z.string(),
  minimum: z.number().int(),
  byClassYear: z.array(ParticipationRow.extend({ classYear: z.enum(CLASS_YEARS) })),
  /** By the first specialty a student names; null: undecided. */
  bySpecialty: z.array(ParticipationRow.extend({ specialtyId: z.string().nullable() })),
  total: ParticipationRow,
  byGroup: GroupSplit,
})
export type ParticipationReport = z.infer<typeof ParticipationReport>
