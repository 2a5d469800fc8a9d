/**
 * Per-program chances: of an interview (logistic model) and of matching given an interview
 * (complementary log-log model), each with its factors and an interval. See docs/smart-pick.md.
 */
import {
  INTERVIEW_FEATURE_COUNT,
  MATCH_FEATURE_COUNT,
  describeFeature,
  interviewFeatures,
  matchFeatures,
  prepareApplicant,
  type PreparedApplicant,
} from './features.ts'
import { coefficient, type CoefficientBlock, type SmartPickPriors } from './priors.ts'
import { defaultNorms, type SpecialtyNorms } from './specialty-norms.ts'
import type { ApplicantProfile, Chance, Factor, ResidencyProgram, Tier } from './types.ts'

/** The logistic function σ(x) = 1/(1 + e^−x), evaluated without overflow. */
export function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))
}

/** Inverse complementary log-log link: 1 − exp(−exp(η)). */
export function cloglogInverse(eta: number): number {
  return -Math.expm1(-Math.exp(eta))
}

/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9),
 * used for interval levels.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`)
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number]
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number]
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number]
  const [d0, d1, d2, d3] = d as [number, number, number, number]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
}

/** Σ βᵢ xᵢ: the linear predictor. */
export function dot(mean: readonly number[], x: Float64Array): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += (mean[i] as number) * (x[i] as number)
  return s
}

/** xᵀ Σ x: the variance of the linear predictor from the coefficients' uncertainty. */
export function quadraticForm(covariance: readonly (readonly number[])[], x: Float64Array): number {
  let s = 0
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number
    if (xi === 0) continue
    const row = covariance[i] as readonly number[]
    let t = 0
    for (let j = 0; j < x.length; j++) t += (row[j] as number) * (x[j] as number)
    s += xi * t
  }
  return s
}

const fallbackNorms = new WeakMap<SmartPickPriors, Map<string, SpecialtyNorms>>()

/** A specialty's norms (specialty-norms.ts); the all-specialty figures for one without a published row. */
export function normsOf(priors: SmartPickPriors, specialty: string): SpecialtyNorms {
  const published = priors.specialties[specialty]
  if (published) return published
  const cache = fallbackNorms.get(priors) ?? new Map<string, SpecialtyNorms>()
  fallbackNorms.set(priors, cache)
  const norms = cache.get(specialty) ?? defaultNorms(specialty, priors.specialtyStep2[specialty] ?? priors.defaultSpecialtyStep2)
  cache.set(specialty, norms)
  return norms
}

/** The Step 2 CK reference of a specialty (mean of its applicants). */
export function specialtyStep2(priors: SmartPickPriors, specialty: string): number {
  return normsOf(priors, specialty).step2Reference
}

/** Extra variance of the linear predictor when Step 2 CK is unknown (score ~ N(typical, sd²)). */
function missingStep2Variance(block: CoefficientBlock, applicant: PreparedApplicant, sd: number): number {
  if (applicant.step2 !== null) return 0
  const slope = coefficient(block, 'step2Gap') * (sd / 10)
  return slope * slope
}

const interviewScratch = new Float64Array(INTERVIEW_FEATURE_COUNT)
const matchScratch = new Float64Array(MATCH_FEATURE_COUNT)

/** Log-odds of an interview, without factors or interval: the fast path for lists and fitting. */
export function interviewLogit(applicant: PreparedApplicant, program: ResidencyProgram, priors: SmartPickPriors): number {
  interviewFeatures(applicant, program, normsOf(priors, program.specialty), interviewScratch)
  return dot(priors.interview.mean, interviewScratch)
}

type Link = (eta: number) => number

function buildChance(
  block: CoefficientBlock,
  x: Float64Array,
  link: Link,
  extraVariance: number,
  priors: SmartPickPriors,
  describe: (key: string) => string,
  basis: string,
): Chance {
  const eta = dot(block.mean, x)
  const variance = quadraticForm(block.covariance, x) + extraVariance
  const sd = Math.sqrt(variance)
  const z = normalQuantile((1 + priors.intervalLevel) / 2)
  const probability = link(eta)
  const factors: Factor[] = []
  for (let i = 0; i < x.length; i++) {
    const key = block.names[i] as string
    if (key === 'intercept' || key === 'logInterviews') continue
    const logOdds = (block.mean[i] as number) * (x[i] as number)
    if (!(Math.abs(logOdds) >= 0.05)) continue
    factors.push({
      key,
      label: describe(key),
      logOdds,
      change: probability - link(eta - logOdds),
      sign: logOdds > 0 ? '+' : '−',
    })
  }
  factors.sort((f, g) => Math.abs(g.logOdds) - Math.abs(f.logOdds) || (f.key < g.key ? -1 : 1))
  // Moment-matched Beta: Var(p) ≈ (dp/dη)² Var(η); n = p(1 − p)/Var(p) − 1.
  const h = 1e-4
  const slope = (link(eta + h) - link(eta - h)) / (2 * h)
  const varianceP = slope * slope * variance
  const effectiveCount = varianceP > 0 ? Math.max(0, (probability * (1 - probability)) / varianceP - 1) : Number.POSITIVE_INFINITY
  return { probability, low: link(eta - z * sd), high: link(eta + z * sd), effectiveCount, factors, basis }
}

function basisOf(priors: SmartPickPriors, what: string): string {
  const on = priors.calibratedOn
  return on
    ? `${what}: national priors (docs/smart-pick.md) recalibrated on this school's ${on.applicants} past applicants, ${on.years.join(', ')}`
    : `${what}: national priors from cited NRMP, AAMC and journal figures and stated assumptions (docs/smart-pick.md); not yet calibrated on this school's outcomes`
}

/**
 * Chance that `program` offers `applicant` an interview: logit P = Σ βᵢ xᵢ (features.ts,
 * coefficients and sources in priors.ts), with each factor's signed size against the
 * reference applicant and a logit-normal interval from the coefficients' covariance
 * (Laplace approximation after calibration), widened when Step 2 CK is missing.
 */
export function interviewChance(applicant: ApplicantProfile, program: ResidencyProgram, priors: SmartPickPriors): Chance {
  const prepared = prepareApplicant(applicant)
  const x = new Float64Array(INTERVIEW_FEATURE_COUNT)
  const norms = normsOf(priors, program.specialty)
  interviewFeatures(prepared, program, norms, x)
  return buildChance(
    priors.interview,
    x,
    logistic,
    missingStep2Variance(priors.interview, prepared, priors.step2Sd * norms.step2Scale * norms.conversion),
    priors,
    (key) => describeFeature(key, prepared, program, norms),
    basisOf(priors, 'Interview chance'),
  )
}

/**
 * Chance of matching at `program` given an interview there: the ranking model with k = 1,
 * P = 1 − exp(−exp(Σ γᵢ xᵢ)); for the reference applicant it is the one-rank figure of the
 * contiguous-ranks table (≈ 55 %), so the per-program figure and the curve over k agree.
 */
export function matchChanceGivenInterview(applicant: ApplicantProfile, program: ResidencyProgram, priors: SmartPickPriors): Chance {
  const prepared = prepareApplicant(applicant)
  const x = new Float64Array(MATCH_FEATURE_COUNT)
  const norms = normsOf(priors, program.specialty)
  matchFeatures(prepared, program, 1, norms.step2Reference, x)
  return buildChance(
    priors.match,
    x,
    cloglogInverse,
    missingStep2Variance(priors.match, prepared, priors.step2Sd),
    priors,
    (key) => describeFeature(key, prepared, program, norms),
    basisOf(priors, 'Chance of matching here if interviewed'),
  )
}

/** Point chance of matching at a program given an interview, without factors (fast path). */
export function matchGivenInterviewPoint(applicant: PreparedApplicant, program: ResidencyProgram, priors: SmartPickPriors): number {
  matchFeatures(applicant, program, 1, specialtyStep2(priors, program.specialty), matchScratch)
  return cloglogInverse(dot(priors.match.mean, matchScratch))
}

export type MatchGivenInterviewsCurve = {
  /** chance[k] = P(match | k interviews in the specialty), k = 0..maxInterviews; chance[0] = 0. */
  chance: Float64Array
  /** The same with the linear predictor at its interval ends. */
  low: Float64Array
  high: Float64Array
}

/**
 * P(match | k interviews) for this applicant in `specialty`: 1 − exp(−exp(γ₀ + γ₁ ln k + applicant
 * terms)), fitted to the contiguous-ranks figures for U.S. MD seniors (1 ≈ 55 %, 3 ≈ 77.5 %,
 * 5 ≈ 86.5 %, 8 ≈ 91 %, 12 ≈ 95 %; [S/A], residency-facts.md), assuming every interview is ranked.
 */
export function matchChanceGivenInterviews(
  applicant: ApplicantProfile,
  specialty: string,
  priors: SmartPickPriors,
  maxInterviews: number,
): MatchGivenInterviewsCurve {
  const prepared = prepareApplicant(applicant)
  const n = Math.max(0, Math.floor(maxInterviews))
  const chance = new Float64Array(n + 1)
  const low = new Float64Array(n + 1)
  const high = new Float64Array(n + 1)
  const x = new Float64Array(MATCH_FEATURE_COUNT)
  const reference = specialtyStep2(priors, specialty)
  const extra = missingStep2Variance(priors.match, prepared, priors.step2Sd)
  const z = normalQuantile((1 + priors.intervalLevel) / 2)
  for (let k = 1; k <= n; k++) {
    matchFeatures(prepared, null, k, reference, x)
    const eta = dot(priors.match.mean, x)
    const sd = Math.sqrt(quadraticForm(priors.match.covariance, x) + extra)
    chance[k] = cloglogInverse(eta)
    low[k] = cloglogInverse(eta - z * sd)
    high[k] = cloglogInverse(eta + z * sd)
  }
  return { chance, low, high }
}

/** Reach below `tiers.reachBelow`, likely from `tiers.likelyFrom`, target between (interview chance). */
export function tierOf(interviewProbability: number, priors: SmartPickPriors): Tier {
  if (interviewProbability < priors.tiers.reachBelow) return 'reach'
  if (interviewProbability >= priors.tiers.likelyFrom) return 'likely'
  return 'target'
}
