/**
 * From a tally to what an advisor reads: per student P(match) with its Monte Carlo standard
 * error, P(top 3), expected rank, the list's tiers and specialties, and at-risk flags in plain
 * words; over the class, the histogram of matched ranks and of the number of students matched.
 */
import type { ResidencyProgram } from '#engines/smart-pick/index.ts'
import { buildMarket, cleanLists, type Market } from './market.ts'
import { qualityOf, strengthOf } from './strength.ts'
import type { ClassPlan, ClassTally, MarketSize } from './simulate-class.ts'
import { DEFAULT_AT_RISK, type AtRiskFlag, type AtRiskThresholds, type ClassSimulationResult, type ClassStudent, type StudentOutcome } from './types.ts'

const percent = (p: number) => `${Math.round(p * 100)} %`

/**
 * Standard error of P(match) = x / n over runs grouped by market. Runs of one market share its
 * draw of competitors and programs' lists, so they are not independent: the error is the larger
 * of the binomial one and the between-markets (cluster) one.
 */
export function matchStandardError(matchedByMarket: ArrayLike<number>, runsByMarket: ArrayLike<number>): number {
  let x = 0
  let n = 0
  for (let m = 0; m < runsByMarket.length; m++) {
    x += matchedByMarket[m] as number
    n += runsByMarket[m] as number
  }
  if (n === 0) return 0
  const p = x / n
  const binomial = Math.sqrt((p * (1 - p)) / n)
  const M = runsByMarket.length
  if (M < 2) return binomial
  let sum = 0
  for (let m = 0; m < M; m++) {
    const d = (matchedByMarket[m] as number) - p * (runsByMarket[m] as number)
    sum += d * d
  }
  const cluster = Math.sqrt((M / (M - 1)) * sum) / n
  return Math.max(binomial, cluster)
}

/**
 * Tiers of a student's primary list. The list builder's tiers rate the chance of an *interview*
 * and call most programs a reach for most applicants; on a rank order list every program has
 * already interviewed the student, so here a program is a reach when its quality is more than
 * `TIER_GAP` above the student's strength in the simulation's own model (a clearly stronger
 * program), likely when more than `TIER_GAP` below, and a target between.
 */
export const TIER_GAP = 0.5

export function listTiers(student: ClassStudent, programs: ReadonlyMap<string, ResidencyProgram>) {
  const tiers = { reach: 0, target: 0, likely: 0 }
  if (!student.profile) return tiers
  for (const id of new Set(student.primary)) {
    const program = id === null ? undefined : programs.get(id)
    if (!program) continue
    const gap = qualityOf(program) - strengthOf(student.profile, program.specialty)
    tiers[gap > TIER_GAP ? 'reach' : gap < -TIER_GAP ? 'likely' : 'target']++
  }
  return tiers
}

/** At-risk flags of one student, with the reason in plain words. */
export function atRiskFlags(
  outcome: Pick<StudentOutcome, 'listLength' | 'pMatch' | 'tiers' | 'specialties'>,
  thresholds: AtRiskThresholds = DEFAULT_AT_RISK,
): AtRiskFlag[] {
  const flags: AtRiskFlag[] = []
  const shapeMatters = outcome.pMatch < thresholds.listShapeBelow
  if (shapeMatters && outcome.listLength < thresholds.shortListBelow) {
    flags.push({
      reason: 'short-list',
      message: `Ranks ${outcome.listLength} program${outcome.listLength === 1 ? '' : 's'}, with a ${percent(outcome.pMatch)} chance of matching; matched applicants rank about 10, unmatched about 4 (NRMP).`,
    })
  }
  const tiered = outcome.tiers.reach + outcome.tiers.target + outcome.tiers.likely
  if (shapeMatters && tiered > 0 && outcome.tiers.reach / tiered > thresholds.reachShareAbove) {
    flags.push({
      reason: 'reach-heavy',
      message: `${outcome.tiers.reach} of ${tiered} ranked programs are clearly more competitive than this profile; add programs where the student is a strong candidate.`,
    })
  }
  if (outcome.specialties.length === 1 && outcome.pMatch < thresholds.oneSpecialtyBelow) {
    flags.push({
      reason: 'one-specialty',
      message: `Ranks one specialty only, with a ${percent(outcome.pMatch)} chance of matching: consider a backup specialty.`,
    })
  }
  if (outcome.pMatch < thresholds.lowMatchBelow) {
    flags.push({
      reason: 'low-match-chance',
      message: `Matched in ${percent(outcome.pMatch)} of simulated matches (below ${percent(thresholds.lowMatchBelow)}).`,
    })
  }
  return flags
}

function sizeOf(market: Market): MarketSize {
  return { applicants: market.applicants, positions: market.positions, programs: market.programs, specialties: market.markets, scale: market.scale }
}

export function summarizeClassSimulation(plan: ClassPlan, tally: ClassTally, options: { thresholds?: AtRiskThresholds } = {}): ClassSimulationResult {
  const thresholds = options.thresholds ?? DEFAULT_AT_RISK
  const { input, stride, markets } = plan
  const known = new Map(input.programs.map((p) => [p.id, p]))
  const n = Math.max(1, tally.runs)
  const histogram = new Float64Array(stride)
  let rateSum = 0
  const students: StudentOutcome[] = input.students.map((student, s) => {
    const counts = Array.from(tally.rankCounts.subarray(s * stride, (s + 1) * stride))
    const listLength = plan.listLength[s] as number
    const matched = tally.runs - (counts[stride - 1] as number)
    const pMatch = matched / n
    const se = matchStandardError(tally.marketMatched.subarray(s * markets, (s + 1) * markets), tally.marketRuns)
    let top3 = 0
    let sum = 0
    let squares = 0
    for (let k = 0; k < stride - 1; k++) {
      const c = counts[k] as number
      if (k < 3) top3 += c
      sum += c * (k + 1)
      squares += c * (k + 1) * (k + 1)
      histogram[k] = (histogram[k] as number) + c
    }
    histogram[stride - 1] = (histogram[stride - 1] as number) + (counts[stride - 1] as number)
    rateSum += pMatch
    let expectedRank: number | null = null
    let expectedRankSe: number | null = null
    if (matched > 0) {
      expectedRank = sum / matched
      const variance = Math.max(0, squares / matched - expectedRank * expectedRank)
      const binomialSe = Math.sqrt((pMatch * (1 - pMatch)) / n)
      // Runs within a market are correlated: inflate by the design effect seen on P(match).
      const designEffect = binomialSe > 0 ? Math.max(1, (se / binomialSe) ** 2) : 1
      expectedRankSe = Math.sqrt((variance / matched) * designEffect)
    }
    const primary = cleanLists(student, known).primary
    const specialties = [
      ...new Set(
        primary
          .map((id) => (id === null ? undefined : known.get(id)))
          .filter((p): p is ResidencyProgram => p !== undefined && p.track !== 'preliminary')
          .map((p) => p.specialty),
      ),
    ].sort()
    const tiers = listTiers(student, known)
    const outcome = {
      id: student.id,
      listLength,
      pMatch,
      pMatchSe: se,
      pMatchLow: Math.max(0, pMatch - 1.96 * se),
      pMatchHigh: Math.min(1, pMatch + 1.96 * se),
      pTop3: top3 / n,
      expectedRank,
      expectedRankSe,
      rankCounts: counts.slice(0, listLength).concat([counts[stride - 1] as number]),
      tiers,
      specialties,
      flags: [] as AtRiskFlag[],
    }
    outcome.flags = atRiskFlags(outcome, thresholds)
    return outcome
  })
  const rankHistogram: ClassSimulationResult['rankHistogram'] = []
  for (let k = 0; k < stride - 1; k++) rankHistogram.push({ rank: k + 1, runs: histogram[k] as number })
  rankHistogram.push({ rank: 'unmatched', runs: histogram[stride - 1] as number })
  const size = tally.market ?? sizeOf(buildMarket(input, 0))
  return {
    runs: tally.runs,
    markets,
    noise: plan.noise,
    students,
    rankHistogram,
    matchedCountHistogram: Array.from(tally.matchedCount),
    meanMatchRate: students.length > 0 ? rateSum / students.length : 0,
    market: size,
    unresolvedRuns: tally.unresolvedRuns,
  }
}
