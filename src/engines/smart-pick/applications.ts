/**
 * From per-program chances to a list: the chance of matching given a set of applications, how
 * many programs to apply to, where to spend signals and a backup-specialty plan.
 *
 * Model: interview offers are independent Bernoulli trials with the per-program interview
 * chances, so the number of interviews K is Poisson-binomial (computed exactly); the chance of
 * matching is E[P(match | K)] with P(match | k) from `matchChanceGivenInterviews`. Adding a
 * program never lowers the chance (K only grows and P(match | k) rises with k).
 */
import {
  interviewChance,
  interviewLogit,
  logistic,
  matchChanceGivenInterview,
  normsOf,
  matchChanceGivenInterviews,
  normalQuantile,
  quadraticForm,
  tierOf,
  type MatchGivenInterviewsCurve,
} from './chance.ts'
import { INTERVIEW_FEATURE_COUNT, interviewFeatures, prepareApplicant, type PreparedApplicant } from './features.ts'
import { addTrial, expectation, poissonBinomial, removeTrial } from './poisson-binomial.ts'
import { coefficient, type SmartPickPriors } from './priors.ts'
import type { ApplicantProfile, Chance, ResidencyProgram, Tier } from './types.ts'

export type MatchChanceResult = {
  chance: number
  /** Distribution of the number of interview offers, k = 0..n. */
  interviewDistribution: Float64Array
  expectedInterviews: number
}

/**
 * Chance of matching given applications with interview chances `interviewChances`, and
 * `matchGivenInterviews[k]` = P(match | k interviews) (k beyond its end uses its last value):
 * Σ_k P(K = k) · P(match | k), K Poisson-binomial (exact dynamic programme, O(n²)).
 */
export function chanceOfMatchingGivenApplications(interviewChances: readonly number[], matchGivenInterviews: ArrayLike<number>): MatchChanceResult {
  for (const p of interviewChances) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`interview chance must be in [0, 1], got ${p}`)
  }
  const dist = poissonBinomial(interviewChances)
  let expected = 0
  for (const p of interviewChances) expected += p
  return {
    chance: clamp01(expectation(dist, interviewChances.length, matchGivenInterviews)),
    interviewDistribution: dist,
    expectedInterviews: expected,
  }
}

export type ProgramListEntry = {
  program: ResidencyProgram
  interview: Chance
  /** Chance of matching here if interviewed. */
  matchIfInterviewed: Chance
  /** Chance of an interview here and of matching here given it (not the chance of matching here from the whole list). */
  interviewAndMatch: number
  tier: Tier
  /** The program's setting and place are among the applicant's preferences (or they gave none). */
  fitsPreferences: boolean
}

/**
 * Every program with its interview chance, chance of matching if interviewed, factors, interval
 * and tier, most likely interview first (ties by program id). Follows the models in chance.ts.
 */
export function buildProgramList(applicant: ApplicantProfile, programs: readonly ResidencyProgram[], priors: SmartPickPriors): ProgramListEntry[] {
  const fits = preferenceTest(applicant, prepareApplicant(applicant))
  const entries = programs.map((program): ProgramListEntry => {
    const interview = interviewChance(applicant, program, priors)
    const matchIfInterviewed = matchChanceGivenInterview(applicant, program, priors)
    return {
      program,
      interview,
      matchIfInterviewed,
      interviewAndMatch: interview.probability * matchIfInterviewed.probability,
      tier: tierOf(interview.probability, priors),
      fitsPreferences: fits(program),
    }
  })
  return entries.sort(byInterviewChance)
}

/**
 * Whether a program's setting and place are among the applicant's preferences; with no
 * preference given, every program fits.
 */
export function preferenceTest(applicant: ApplicantProfile, prepared: PreparedApplicant): (program: ResidencyProgram) => boolean {
  const settings = new Set(applicant.settingPreferences)
  const hasPlaces = prepared.preferredStates.size + prepared.preferredRegions.size + prepared.tieStates.size + prepared.tieRegions.size > 0
  return (program) => {
    const state = program.state.toUpperCase()
    const inPlace =
      !hasPlaces ||
      prepared.preferredStates.has(state) ||
      prepared.preferredRegions.has(program.region) ||
      prepared.tieStates.has(state) ||
      prepared.tieRegions.has(program.region)
    return (settings.size === 0 || settings.has(program.setting)) && inPlace
  }
}

/** The list's order: most likely interview first, ties by program id (so the order is stable). */
export function byInterviewChance(
  a: { program: ResidencyProgram; interview: { probability: number } },
  b: { program: ResidencyProgram; interview: { probability: number } },
): number {
  return b.interview.probability - a.interview.probability || (a.program.id < b.program.id ? -1 : a.program.id > b.program.id ? 1 : 0)
}

/** Interview chance of each program with the interval ends, fast path (no factors). */
export function interviewChanceBounds(
  applicant: ApplicantProfile,
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  known?: ReadonlyMap<string, number>,
): { chance: Float64Array; low: Float64Array; high: Float64Array } {
  const prepared = prepareApplicant(applicant)
  const n = programs.length
  const chance = new Float64Array(n)
  const low = new Float64Array(n)
  const high = new Float64Array(n)
  const x = new Float64Array(INTERVIEW_FEATURE_COUNT)
  const z = normalQuantile((1 + priors.intervalLevel) / 2)
  const missing = prepared.step2 === null ? (coefficient(priors.interview, 'step2Gap') * priors.step2Sd) / 10 : 0
  const mean = priors.interview.mean
  for (let j = 0; j < n; j++) {
    const program = programs[j] as ResidencyProgram
    const norms = normsOf(priors, program.specialty)
    interviewFeatures(prepared, program, norms, x)
    let eta = 0
    for (let i = 0; i < x.length; i++) eta += (mean[i] as number) * (x[i] as number)
    const missingHere = missing * norms.step2Scale * norms.conversion
    const sd = Math.sqrt(quadraticForm(priors.interview.covariance, x) + missingHere * missingHere)
    chance[j] = logistic(eta)
    low[j] = logistic(eta - z * sd)
    high[j] = logistic(eta + z * sd)
    // An interview already offered (or a program that has turned the applicant down) is a fact, not a chance.
    const fact = known?.get(program.id)
    if (fact !== undefined) {
      chance[j] = fact
      low[j] = fact
      high[j] = fact
    }
  }
  return { chance, low, high }
}

export type CurvePoint = { applications: number; chance: number; low: number; high: number }

export type ApplicationCountRecommendation = {
  target: number
  /** Smallest number of applications reaching the target in `ordering`; null when all programs do not. */
  count: number | null
  /** Chance of matching at `count` (or with every program when the target is not reached). */
  chance: number
  low: number
  high: number
  /** Program ids in the order used; the first `count` are the recommended list. */
  order: string[]
  /** Chance of matching against the number of applications 1..N, following `order`. */
  curve: CurvePoint[]
  ordering: string
}

export type RecommendOptions = {
  /** Target chance of matching, default 0.9. */
  target?: number
  /**
   * 'interview-chance' (default): highest interview chance first — the greedy choice by
   * marginal gain, and for every list size the list with the highest chance (see docs).
   * Or program ids in the applicant's own order (others are left out).
   */
  order?: 'interview-chance' | readonly string[]
  /** Interview chances that are known: 1 for an interview offered or held, 0 for a program that declined. */
  known?: ReadonlyMap<string, number>
}

/**
 * The smallest list reaching `target` on the model's own numbers, and the whole curve.
 *
 * Adding a program with interview chance p raises the chance of matching by
 * p · E[P(match | K + 1) − P(match | K)], so greedy by marginal gain takes programs in
 * decreasing p; and since a larger p makes K stochastically larger, the top-n by p is the best
 * n-program list, so the count is the smallest over all lists, not only over prefixes. The
 * interval follows every program's interview chance and P(match | k) to their interval ends
 * together (coefficients wrong in the same direction everywhere): a conservative envelope.
 */
export function recommendApplicationCount(
  applicant: ApplicantProfile,
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: RecommendOptions = {},
): ApplicationCountRecommendation {
  const target = options.target ?? 0.9
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1), got ${target}`)
  const order = options.order ?? 'interview-chance'
  const bounds = interviewChanceBounds(applicant, programs, priors, options.known)
  let indices: number[]
  if (order === 'interview-chance') {
    indices = programs.map((_, j) => j)
    indices.sort((a, b) => (bounds.chance[b] as number) - (bounds.chance[a] as number) || compareIds(programs[a], programs[b]))
  } else {
    const byId = new Map(programs.map((p, j) => [p.id, j] as const))
    indices = order.flatMap((id) => {
      const j = byId.get(id)
      return j === undefined ? [] : [j]
    })
  }
  const n = indices.length
  const specialty = programs[0]?.specialty ?? applicant.preferredSpecialty
  const curve = matchChanceGivenInterviews(applicant, specialty, priors, n)
  const points = prefixCurve(indices, bounds, curve)
  let count: number | null = null
  for (const point of points) {
    if (point.chance >= target) {
      count = point.applications
      break
    }
  }
  const at = count === null ? points[points.length - 1] : points[count - 1]
  return {
    target,
    count,
    chance: at?.chance ?? 0,
    low: at?.low ?? 0,
    high: at?.high ?? 0,
    order: indices.map((j) => (programs[j] as ResidencyProgram).id),
    curve: points,
    ordering: order === 'interview-chance' ? 'highest interview chance first (greedy by marginal gain)' : "the applicant's own order",
  }
}

function compareIds(a: ResidencyProgram | undefined, b: ResidencyProgram | undefined): number {
  const x = a?.id ?? ''
  const y = b?.id ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

/** Chance (and interval ends) after each prefix of `indices`: O(n²) in all. */
function prefixCurve(
  indices: readonly number[],
  bounds: { chance: Float64Array; low: Float64Array; high: Float64Array },
  curve: MatchGivenInterviewsCurve,
): CurvePoint[] {
  const n = indices.length
  const dist = new Float64Array(n + 1)
  const distLow = new Float64Array(n + 1)
  const distHigh = new Float64Array(n + 1)
  dist[0] = distLow[0] = distHigh[0] = 1
  const points: CurvePoint[] = []
  for (let m = 0; m < n; m++) {
    const j = indices[m] as number
    addTrial(dist, m, bounds.chance[j] as number)
    addTrial(distLow, m, bounds.low[j] as number)
    addTrial(distHigh, m, bounds.high[j] as number)
    points.push({
      applications: m + 1,
      chance: clamp01(expectation(dist, m + 1, curve.chance)),
      low: clamp01(expectation(distLow, m + 1, curve.low)),
      high: clamp01(expectation(distHigh, m + 1, curve.high)),
    })
  }
  return points
}

export type SignalChoice = {
  programId: string
  interviewWithout: number
  interviewWith: number
  /** Gain in the chance of matching from this signal, given the signals chosen before it. */
  gain: number
  /** The program was already on the list; otherwise the signal adds it. */
  onList: boolean
}

export type SignalPlan = {
  signals: SignalChoice[]
  chanceWithout: number
  chanceWith: number
}

/**
 * Where to spend `signals` (default: the applicant's `signalsAvailable`): greedily the program
 * with the largest gain in the chance of matching per signal, given the list `listIds` (default:
 * the recommended list at 0.9). A signal adds β_signal to the interview log-odds (priors.ts);
 * the gain of signalling program j is (p′_j − p_j) · E[P(match | K₋ⱼ + 1) − P(match | K₋ⱼ)],
 * with K₋ⱼ the interview count without j (exact deconvolution), or p′_j · E[…(K)] for a program
 * not yet on the list, which the signal adds. Existing signals in the profile are ignored.
 */
export function planSignals(
  applicant: ApplicantProfile,
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: { signals?: number; listIds?: readonly string[]; target?: number } = {},
): SignalPlan {
  const base: ApplicantProfile = { ...applicant, signalledProgramIds: [] }
  const prepared = prepareApplicant(base)
  const signals = Math.max(0, Math.floor(options.signals ?? applicant.signalsAvailable))
  const listIds =
    options.listIds ??
    (() => {
      const r = recommendApplicationCount(base, programs, priors, { target: options.target ?? 0.9 })
      return r.order.slice(0, r.count ?? r.order.length)
    })()
  const specialtyOfList = programs[0]?.specialty ?? applicant.preferredSpecialty
  const beta = coefficient(priors.interview, 'signal') * normsOf(priors, specialtyOfList).signalLogOdds
  const p = programs.map((program) => logistic(interviewLogit(prepared, program, priors)))
  const pSignal = programs.map((program) => logistic(interviewLogit(prepared, program, priors) + beta))
  const onList = new Set(listIds)
  const listed: number[] = []
  programs.forEach((program, j) => {
    if (onList.has(program.id)) listed.push(j)
  })
  const current = new Map<number, number>(listed.map((j) => [j, p[j] as number]))
  const signalled = new Set<number>()
  const specialty = programs[0]?.specialty ?? applicant.preferredSpecialty
  const curve = matchChanceGivenInterviews(base, specialty, priors, programs.length + 1).chance
  const chanceOf = (): number => chanceOfMatchingGivenApplications([...current.values()], curve).chance
  const chanceWithout = chanceOf()
  const chosen: SignalChoice[] = []
  for (let s = 0; s < signals; s++) {
    const chances = [...current.entries()]
    const dist = poissonBinomial(chances.map(([, value]) => value))
    const m = chances.length
    // Marginal value of one more interview: E[g(K + 1) − g(K)].
    const delta = new Float64Array(m + 2)
    for (let k = 0; k <= m + 1; k++) delta[k] = (curve[k + 1] ?? curve[curve.length - 1] ?? 0) - (curve[k] ?? curve[curve.length - 1] ?? 0)
    const addGain = expectation(dist, m, delta)
    let best = -1
    let bestGain = 0
    for (let j = 0; j < programs.length; j++) {
      if (signalled.has(j)) continue
      let gain: number
      const pj = current.get(j)
      if (pj === undefined) gain = (pSignal[j] as number) * addGain
      else {
        const rest = removeTrial(dist, m, pj)
        gain = ((pSignal[j] as number) - pj) * expectation(rest, m - 1, delta)
      }
      if (gain > bestGain + 1e-15) {
        best = j
        bestGain = gain
      }
    }
    if (best < 0) break
    signalled.add(best)
    chosen.push({
      programId: (programs[best] as ResidencyProgram).id,
      interviewWithout: p[best] as number,
      interviewWith: pSignal[best] as number,
      gain: bestGain,
      onList: onList.has((programs[best] as ResidencyProgram).id),
    })
    current.set(best, pSignal[best] as number)
  }
  return { signals: chosen, chanceWithout, chanceWith: chanceOf() }
}

export type BackupPlan = {
  /** False when the preferred specialty alone reaches the target within `reasonableCount`. */
  needed: boolean
  preferred: { specialty: string; count: number; chance: number }
  backup: { specialty: string; count: number; chance: number } | null
  /** 1 − (1 − P(preferred))(1 − P(backup)): ranking the preferred specialty first. */
  combinedChance: number
  reached: boolean
}

/**
 * A backup-specialty plan: when the preferred specialty does not reach `target` within
 * `reasonableCount` applications (default 40, [M]), keep that many there and add the fewest
 * backup-specialty programs (highest interview chance first) so that
 * 1 − (1 − P_pref)(1 − P_backup) ≥ target. Treats the two outcomes as independent, which is
 * optimistic: an applicant weak in one specialty's eyes is often weak in the other's.
 */
export function planBackup(
  applicant: ApplicantProfile,
  preferredPrograms: readonly ResidencyProgram[],
  backupPrograms: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: { target?: number; reasonableCount?: number } = {},
): BackupPlan {
  const target = options.target ?? 0.9
  const reasonable = options.reasonableCount ?? 40
  const preferred = recommendApplicationCount(applicant, preferredPrograms, priors, { target })
  const preferredSpecialty = preferredPrograms[0]?.specialty ?? applicant.preferredSpecialty
  if (preferred.count !== null && preferred.count <= reasonable) {
    return {
      needed: false,
      preferred: { specialty: preferredSpecialty, count: preferred.count, chance: preferred.chance },
      backup: null,
      combinedChance: preferred.chance,
      reached: true,
    }
  }
  const n1 = Math.min(reasonable, preferred.curve.length)
  const p1 = preferred.curve[n1 - 1]?.chance ?? 0
  const backupSpecialty = backupPrograms[0]?.specialty ?? applicant.backupSpecialty ?? ''
  if (backupPrograms.length === 0) {
    return { needed: true, preferred: { specialty: preferredSpecialty, count: n1, chance: p1 }, backup: null, combinedChance: p1, reached: p1 >= target }
  }
  const asBackup: ApplicantProfile = { ...applicant, preferredSpecialty: backupSpecialty, signalledProgramIds: [] }
  const backup = recommendApplicationCount(asBackup, backupPrograms, priors, { target: 0.5 })
  let count = backup.curve.length
  for (const point of backup.curve) {
    if (1 - (1 - p1) * (1 - point.chance) >= target) {
      count = point.applications
      break
    }
  }
  const p2 = backup.curve[count - 1]?.chance ?? 0
  const combined = 1 - (1 - p1) * (1 - p2)
  return {
    needed: true,
    preferred: { specialty: preferredSpecialty, count: n1, chance: p1 },
    backup: { specialty: backupSpecialty, count, chance: p2 },
    combinedChance: combined,
    reached: combined >= target,
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}
