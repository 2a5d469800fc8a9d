/**
 * The list builder's list without factors: for every program the same chances, intervals,
 * pseudo-counts and tier as `buildProgramList`, in the same order, but without wording a factor
 * for each (the page shows one program's factors when asked). Same formulas as chance.ts
 * (`buildChance`): logit-normal or cloglog-normal intervals from the coefficients' covariance,
 * widened for a missing Step 2 CK; effectiveCount from the moment-matched Beta.
 */
import { byInterviewChance, preferenceTest } from './applications.ts'
import { cloglogInverse, dot, logistic, normalQuantile, normsOf, quadraticForm, tierOf } from './chance.ts'
import { INTERVIEW_FEATURE_COUNT, MATCH_FEATURE_COUNT, interviewFeatures, matchFeatures, prepareApplicant, type PreparedApplicant } from './features.ts'
import { coefficient, type CoefficientBlock, type SmartPickPriors } from './priors.ts'
import type { ApplicantProfile, ResidencyProgram, Tier } from './types.ts'

export type ChanceSummary = { probability: number; low: number; high: number; effectiveCount: number }

export type ProgramSummary = {
  program: ResidencyProgram
  interview: ChanceSummary
  matchIfInterviewed: ChanceSummary
  interviewAndMatch: number
  tier: Tier
  fitsPreferences: boolean
}

function missingVariance(block: CoefficientBlock, applicant: PreparedApplicant, sd: number): number {
  if (applicant.step2 !== null) return 0
  const slope = coefficient(block, 'step2Gap') * (sd / 10)
  return slope * slope
}

function summarize(block: CoefficientBlock, x: Float64Array, link: (eta: number) => number, extraVariance: number, z: number): ChanceSummary {
  const eta = dot(block.mean, x)
  const variance = quadraticForm(block.covariance, x) + extraVariance
  const sd = Math.sqrt(variance)
  const probability = link(eta)
  const h = 1e-4
  const slope = (link(eta + h) - link(eta - h)) / (2 * h)
  const varianceP = slope * slope * variance
  const effectiveCount = varianceP > 0 ? Math.max(0, (probability * (1 - probability)) / varianceP - 1) : Number.POSITIVE_INFINITY
  return { probability, low: link(eta - z * sd), high: link(eta + z * sd), effectiveCount }
}

/** `buildProgramList` without factors: same figures, same order (most likely interview first, ties by id). */
export function summarizePrograms(applicant: ApplicantProfile, programs: readonly ResidencyProgram[], priors: SmartPickPriors): ProgramSummary[] {
  const prepared = prepareApplicant(applicant)
  const fits = preferenceTest(applicant, prepared)
  const z = normalQuantile((1 + priors.intervalLevel) / 2)
  const extraMatch = missingVariance(priors.match, prepared, priors.step2Sd)
  const xi = new Float64Array(INTERVIEW_FEATURE_COUNT)
  const xm = new Float64Array(MATCH_FEATURE_COUNT)
  const entries = programs.map((program): ProgramSummary => {
    const norms = normsOf(priors, program.specialty)
    interviewFeatures(prepared, program, norms, xi)
    const interview = summarize(
      priors.interview,
      xi,
      logistic,
      missingVariance(priors.interview, prepared, priors.step2Sd * norms.step2Scale * norms.conversion),
      z,
    )
    matchFeatures(prepared, program, 1, norms.step2Reference, xm)
    const matchIfInterviewed = summarize(priors.match, xm, cloglogInverse, extraMatch, z)
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
