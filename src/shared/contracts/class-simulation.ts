import { z } from 'zod'
import { CLASS_YEARS } from '../enums.ts'
import { Uuid } from './common.ts'

/**
 * Class simulation (advisor): the rank order lists of an advisor's students run through the
 * match engine inside simulated national markets, in the background, with progress.
 */

export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export const AT_RISK_REASONS = ['short-list', 'reach-heavy', 'one-specialty', 'low-match-chance', 'no-list'] as const
export const AT_RISK_REASON_NAMES: Readonly<Record<(typeof AT_RISK_REASONS)[number], string>> = {
  'short-list': 'Short list',
  'reach-heavy': 'Mostly reaches',
  'one-specialty': 'One specialty only',
  'low-match-chance': 'Low chance of matching',
  'no-list': 'No list yet',
}
export const LIST_SOURCES = ['rank-list', 'interviews'] as const

export const MIN_RUNS = 20
export const MAX_RUNS = 5000

/**
 * A rough wall-clock estimate in seconds on two cores (measured with
 * `npm run bench:class-simulation`: 150 students × 1,000 runs in about 20–40 s). Drawing the
 * simulated national markets comes first and is much of the time for a small class: one market per
 * 50 runs (1 to 20), each thread drawing its half, about 1.5 s a market on a busy machine.
 */
export function estimateSimulationSeconds(runs: number, students: number): number {
  const markets = Math.max(1, Math.min(20, Math.round(runs / 50)))
  return Math.round(3 + Math.ceil(markets / 2) * 1.5 + runs * (0.004 + 0.00012 * students))
}

export const StartClassSimulation = z.object({
  runs: z
    .number('Enter a number of runs.')
    .int('Runs must be a whole number.')
    .min(MIN_RUNS, `Use at least ${MIN_RUNS} runs.`)
    .max(MAX_RUNS, `Use at most ${MAX_RUNS} runs.`)
    .default(1000),
  /** Only students of this class year; absent: all my students. */
  classYear: z.enum(CLASS_YEARS, 'Choose a class year from the list.').optional(),
  /** Only these of my students; absent: all (of the class year). */
  studentIds: z.array(Uuid).min(1, 'Choose at least one student.').max(1000, 'Choose at most 1,000 students.').optional(),
  seed: z
    .number('The seed must be a number.')
    .int('The seed must be a whole number.')
    .min(0, 'The seed must be 0 or more.')
    .max(2_147_483_647, 'The seed is too large.')
    .optional(),
})
export type StartClassSimulation = z.infer<typeof StartClassSimulation>

export const ClassSimulationPreviewQuery = z.object({
  classYear: z.enum(CLASS_YEARS, 'Choose a class year from the list.').optional(),
})

export const ClassSimulationPreview = z.object({
  classYear: z.enum(CLASS_YEARS).nullable(),
  /** My students (of the class year). */
  students: z.number().int(),
  withRankList: z.number().int(),
  /** No rank order list yet, but programs marked "interviewed": simulated with those, in the order kept. */
  withInterviewsOnly: z.number().int(),
  withoutList: z.number().int(),
})
export type ClassSimulationPreview = z.infer<typeof ClassSimulationPreview>

export const ClassSimulationSummary = z.object({
  id: z.string(),
  status: z.enum(SIMULATION_STATUSES),
  runs: z.number().int(),
  completedRuns: z.number().int(),
  /**
   * While it runs: the share of the work done (markets drawn and runs solved, each weighed by what
   * it has cost so far), and the markets drawn. Null when not running, or when another server
   * process runs it (then `completedRuns` is what is known).
   */
  progress: z.object({ share: z.number(), marketsDrawn: z.number().int(), markets: z.number().int(), runsDone: z.number().int() }).nullable(),
  seed: z.number().int(),
  classYear: z.enum(CLASS_YEARS).nullable(),
  /** Students simulated, and students left out (no list). */
  studentCount: z.number().int(),
  skippedCount: z.number().int(),
  estimateSeconds: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
})
export type ClassSimulationSummary = z.infer<typeof ClassSimulationSummary>

export const ClassSimulationList = z.object({ simulations: z.array(ClassSimulationSummary) })
export type ClassSimulationList = z.infer<typeof ClassSimulationList>

const Flag = z.object({ reason: z.enum(AT_RISK_REASONS), message: z.string() })

export const StudentSimulationRow = z.object({
  studentId: z.string(),
  name: z.string(),
  source: z.enum(LIST_SOURCES),
  listLength: z.number().int(),
  pMatch: z.number(),
  pMatchLow: z.number(),
  pMatchHigh: z.number(),
  /** Monte Carlo standard error of pMatch (between simulated markets). */
  pMatchSe: z.number(),
  pTop3: z.number(),
  expectedRank: z.number().nullable(),
  expectedRankSe: z.number().nullable(),
  /** `rankCounts[k]`: runs matched at rank k + 1; the last: runs unmatched. */
  rankCounts: z.array(z.number()),
  tiers: z.object({ reach: z.number().int(), target: z.number().int(), likely: z.number().int() }),
  specialties: z.array(z.string()),
  flags: z.array(Flag),
})
export type StudentSimulationRow = z.infer<typeof StudentSimulationRow>

export const ClassSimulationResult = z.object({
  students: z.array(StudentSimulationRow),
  /** Students not simulated, with why. */
  skipped: z.array(z.object({ studentId: z.string(), name: z.string(), flags: z.array(Flag) })),
  rankHistogram: z.array(z.object({ rank: z.union([z.number().int(), z.literal('unmatched')]), runs: z.number() })),
  /** `matchedCountHistogram[i]`: runs in which exactly i of the simulated students matched. */
  matchedCountHistogram: z.array(z.number()),
  meanMatchRate: z.number(),
  markets: z.number().int(),
  noise: z.number(),
  market: z.object({ applicants: z.number(), positions: z.number(), programs: z.number(), specialties: z.number(), scale: z.number() }),
  unresolvedRuns: z.number().int(),
  /** Students of the run who are no longer mine are left out of what I see. */
  hiddenStudents: z.number().int(),
})
export type ClassSimulationResult = z.infer<typeof ClassSimulationResult>

export const ClassSimulationView = ClassSimulationSummary.extend({ result: ClassSimulationResult.nullable() })
export type ClassSimulationView = z.infer<typeof ClassSimulationView>
