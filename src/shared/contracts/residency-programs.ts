import { z } from 'zod'
import { PROGRAM_SETTINGS, PROGRAM_TRACKS, REGIONS } from '#engines/smart-pick/types.ts'
import { SPECIALTY_IDS } from '#shared/reference/specialties.ts'

/** The residency program explorer, program pages, save to list, and the programs CSV. */

export const PROGRAM_SORTS = ['name', 'positions', 'step2', 'state'] as const
export type ProgramSort = (typeof PROGRAM_SORTS)[number]

/** How a program's typical Step 2 CK range fits a score: inside it, at or above its 25th percentile, below it. */
export const STEP2_FITS = ['within', 'at-or-above', 'below'] as const
export type Step2Fit = (typeof STEP2_FITS)[number]

const yesNo = z.enum(['yes', 'no'], 'Use yes or no.')

export const ProgramSearchQuery = z.object({
  q: z.string().trim().max(100, 'Use at most 100 characters.').optional(),
  specialty: z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.').optional(),
  track: z.enum(PROGRAM_TRACKS, 'Choose a track from the list.').optional(),
  region: z.enum(REGIONS, 'Choose a region from the list.').optional(),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter state code, such as OH.')
    .optional(),
  setting: z.enum(PROGRAM_SETTINGS, 'Choose a setting from the list.').optional(),
  visa: yesNo.optional(),
  minPositions: z.coerce.number('Give a whole number.').int('Give a whole number.').min(0, 'At least 0.').max(500, 'At most 500.').optional(),
  maxPositions: z.coerce.number('Give a whole number.').int('Give a whole number.').min(0, 'At least 0.').max(500, 'At most 500.').optional(),
  step2: z.coerce
    .number('Give a Step 2 CK score.')
    .int('Give a whole number.')
    .min(150, 'A Step 2 CK score is at least 150.')
    .max(300, 'A Step 2 CK score is at most 300.')
    .optional(),
  step2Fit: z.enum(STEP2_FITS, 'Choose how the score should fit.').optional(),
  saved: yesNo.optional(),
  sort: z.enum(PROGRAM_SORTS, 'Choose a sort order from the list.').optional(),
  page: z.coerce.number('Give a page number.').int('Give a whole number.').min(1, 'Pages start at 1.').max(10_000, 'At most page 10,000.').default(1),
  pageSize: z.coerce.number('Give a page size.').int('Give a whole number.').min(5, 'At least 5 a page.').max(100, 'At most 100 a page.').default(25),
})
export type ProgramSearchQuery = z.infer<typeof ProgramSearchQuery>

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  institution: z.string(),
  specialtyId: z.string(),
  specialtyName: z.string(),
  track: z.enum(PROGRAM_TRACKS),
  city: z.string(),
  state: z.string(),
  region: z.enum(REGIONS),
  positions: z.number().int(),
  setting: z.enum(PROGRAM_SETTINGS),
  sponsorsVisa: z.boolean(),
  step2P25: z.number().int(),
  step2P75: z.number().int(),
  /** The caller's list status for the program (students only), null when not saved. */
  savedStatus: z.string().nullable(),
})
export type ProgramSummary = z.infer<typeof ProgramSummary>

export const RegionCount = z.object({ region: z.enum(REGIONS), count: z.number().int() })
export const StateCount = z.object({ state: z.string(), region: z.enum(REGIONS), count: z.number().int() })

export const ProgramSearchResult = z.object({
  items: z.array(ProgramSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Programs matching every filter but region and state, by region and by state: the region view. */
  byRegion: z.array(RegionCount),
  byState: z.array(StateCount),
  /** True when the caller can save programs to a list (students). */
  canSave: z.boolean(),
})
export type ProgramSearchResult = z.infer<typeof ProgramSearchResult>

export const MatchedHereYear = z.object({ year: z.number().int(), count: z.number().int() })
export const MatchedHereAlumnus = z.object({ personId: z.string(), name: z.string(), matchYear: z.number().int() })

/**
 * "Students from our school who matched here": counts by match year and, for graduates who are
 * listed mentors in the directory, their names. Never scores or anything else about a graduate.
 */
export const MatchedHere = z.object({
  total: z.number().int(),
  years: z.array(MatchedHereYear),
  alumni: z.array(MatchedHereAlumnus),
  /** Match years the school's past outcomes cover (a 0 there is a real 0). */
  yearsCovered: z.array(z.number().int()),
})
export type MatchedHere = z.infer<typeof MatchedHere>

export const ProgramDetail = ProgramSummary.extend({
  lengthYears: z.number().int(),
  researchEmphasis: z.number(),
  competitiveness: z.number(),
  traineesMdPercent: z.number().int().nullable(),
  traineesDoPercent: z.number().int().nullable(),
  traineesImgPercent: z.number().int().nullable(),
  interviewDates: z.array(z.string()),
  website: z.string(),
  source: z.enum(['demo', 'import']),
  updatedAt: z.string(),
  matchedHere: MatchedHere,
  canSave: z.boolean(),
})
export type ProgramDetail = z.infer<typeof ProgramDetail>

export const SavedProgramResponse = z.object({ programId: z.string(), savedStatus: z.string().nullable() })
export type SavedProgramResponse = z.infer<typeof SavedProgramResponse>

export const ProgramsCsvReject = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })
export type ProgramsCsvReject = z.infer<typeof ProgramsCsvReject>

export const ProgramsImportReport = z.object({
  dryRun: z.boolean(),
  /** True when rows were written (never on a dry run). */
  imported: z.boolean(),
  rows: z.number().int(),
  /** Accepted rows: new programs and updates of stored ones. */
  accepted: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejects: z.array(ProgramsCsvReject),
  rejectCount: z.number().int(),
  rejectedRows: z.number().int(),
  ignoredColumns: z.array(z.string()),
  /** Optional columns the file lacks: stored programs keep their values for these. */
  missingOptionalColumns: z.array(z.string()),
})
export type ProgramsImportReport = z.infer<typeof ProgramsImportReport>

export const ProgramsExportQuery = z.object({
  specialty: z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.').optional(),
})

export const MAX_PROGRAMS_CSV_BYTES = 5 * 1024 * 1024
