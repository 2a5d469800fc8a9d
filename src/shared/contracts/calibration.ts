import { z } from 'zod'

/**
 * The school's past outcomes (CSV import) and the recalibration of the list builder's model on
 * them. Format: docs/formats/past-outcomes-csv.md.
 */

/** The CSV travels as text in a JSON body; the import route takes up to 8 MB. */
export const ImportPastOutcomesRequest = z.object({
  csv: z.string().min(1, 'Choose a CSV file.').max(8_000_000, 'The file is too large for one upload (at most 8 MB). Split it by match year.'),
  dryRun: z.boolean('Say whether this is a dry run (true) or the import (false).'),
})
export type ImportPastOutcomesRequest = z.infer<typeof ImportPastOutcomesRequest>

export const PastOutcomesReject = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })
export type PastOutcomesReject = z.infer<typeof PastOutcomesReject>

export const PastOutcomesYear = z.object({
  year: z.number().int(),
  graduates: z.number().int(),
  applications: z.number().int(),
  interviews: z.number().int(),
  matched: z.number().int(),
  /** Graduates of this year already stored, which the import replaces. */
  replaces: z.number().int(),
})
export type PastOutcomesYear = z.infer<typeof PastOutcomesYear>

export const ImportPastOutcomesResponse = z.object({
  dryRun: z.boolean(),
  /** True when rows were written (never on a dry run, never with rejects). */
  imported: z.boolean(),
  rows: z.number().int(),
  graduates: z.number().int(),
  years: z.array(PastOutcomesYear),
  rejects: z.array(PastOutcomesReject),
  rejectCount: z.number().int(),
  rejectedRows: z.number().int(),
  ignoredColumns: z.array(z.string()),
})
export type ImportPastOutcomesResponse = z.infer<typeof ImportPastOutcomesResponse>

export const PastOutcomesSummary = z.object({
  years: z.array(PastOutcomesYear.omit({ replaces: true }).extend({ importedAt: z.string().nullable() })),
})
export type PastOutcomesSummary = z.infer<typeof PastOutcomesSummary>

export const CreateCalibrationRequest = z.object({
  heldOutYears: z.union([z.literal(1), z.literal(2)], 'Hold out 1 or 2 of the newest years.').optional(),
  storeFitOn: z.enum(['all-years', 'training-years'], 'Choose all-years or training-years.').optional(),
})
export type CreateCalibrationRequest = z.infer<typeof CreateCalibrationRequest>

const Bin = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  meanPredicted: z.number(),
  observed: z.number(),
  observedLow: z.number(),
  observedHigh: z.number(),
})
const Scores = z.object({
  count: z.number().int(),
  bins: z.array(Bin),
  brier: z.number(),
  logLoss: z.number(),
  meanPredicted: z.number(),
  observedRate: z.number(),
})
const ModelScores = z.object({ prior: Scores, calibrated: Scores, baseRate: z.object({ rate: z.number(), brier: z.number() }) })
const Coefficient = z.object({ name: z.string(), label: z.string(), prior: z.number(), priorSd: z.number(), fitted: z.number(), fittedSd: z.number() })
const YearCounts = z.object({
  year: z.number().int(),
  graduates: z.number().int(),
  applications: z.number().int(),
  interviews: z.number().int(),
  matched: z.number().int(),
})

export const CalibrationReportView = z.object({
  version: z.literal(1),
  years: z.object({ all: z.array(z.number().int()), training: z.array(z.number().int()), heldOut: z.array(z.number().int()) }),
  storedFitOn: z.enum(['all-years', 'training-years']),
  data: z.object({
    graduates: z.number().int(),
    applications: z.number().int(),
    interviews: z.number().int(),
    matched: z.number().int(),
    byYear: z.array(YearCounts),
    otherSpecialtyApplications: z.number().int(),
    trainingGraduates: z.number().int(),
    heldOutGraduates: z.number().int(),
  }),
  interview: ModelScores,
  match: ModelScores,
  coefficients: z.object({ interview: z.array(Coefficient), match: z.array(Coefficient) }),
  converged: z.boolean(),
  warnings: z.array(z.string()),
})
export type CalibrationReportView = z.infer<typeof CalibrationReportView>

export const CalibrationSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  active: z.boolean(),
  years: z.array(z.number().int()),
  heldOutYears: z.array(z.number().int()),
  graduates: z.number().int(),
  interviewBrier: z.object({ prior: z.number(), calibrated: z.number() }),
  matchBrier: z.object({ prior: z.number(), calibrated: z.number() }),
  warnings: z.number().int(),
})
export type CalibrationSummary = z.infer<typeof CalibrationSummary>

export const CalibrationList = z.object({
  items: z.array(CalibrationSummary),
  /** The calibration the list builder uses now, or null for the national figures. */
  activeId: z.string().nullable(),
})
export type CalibrationList = z.infer<typeof CalibrationList>

export const CalibrationView = CalibrationSummary.extend({
  report: CalibrationReportView,
  /** How long the fit took, in milliseconds. */
  fitMs: z.number().nullable(),
})
export type CalibrationView = z.infer<typeof CalibrationView>
