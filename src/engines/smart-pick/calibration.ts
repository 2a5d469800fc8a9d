/**
 * Recalibrating the model on a school's own past outcomes, and measuring calibration.
 *
 * `fitCalibration` refits both models' coefficients by maximum a posteriori regression with
 * the current priors as a Gaussian prior (mean: the prior coefficients; covariance: their
 * stated uncertainty), so a school with few past applicants moves the coefficients little and
 * one with many moves them to its own data; the posterior covariance (Laplace) then sets the
 * intervals. `calibrationReport` gives predicted against observed by decile and the Brier
 * score (Brier 1950); `evaluateHeldOutYears` fits on some years and scores the others.
 */
import { chanceOfMatchingGivenApplications } from './applications.ts'
import { interviewLogit, logistic, matchChanceGivenInterviews, normsOf, specialtyStep2 } from './chance.ts'
import { INTERVIEW_FEATURE_COUNT, MATCH_FEATURE_COUNT, interviewFeatures, matchFeatures, prepareApplicant } from './features.ts'
import { fitMapGlm } from './glm.ts'
import type { CoefficientBlock, SmartPickPriors } from './priors.ts'
import type { ApplicantProfile, ResidencyProgram } from './types.ts'

export type PastApplication = { programId: string; interviewed: boolean }

/** One past applicant of the school: profile, applications, interviews and match result. */
export type PastOutcome = {
  year: number
  applicant: ApplicantProfile
  applications: readonly PastApplication[]
  /** The program matched, or null when unmatched. */
  matchedProgramId: string | null
}

export type BlockFitSummary = {
  rows: number
  iterations: number
  converged: boolean
  /** Coefficient name → [prior, fitted, posterior standard deviation]. */
  coefficients: Record<string, [number, number, number]>
}

export type Calibration = {
  priors: SmartPickPriors
  interview: BlockFitSummary
  match: BlockFitSummary
  /** Applications whose program id was not among `programs` (left out). */
  unknownPrograms: number
}

/**
 * Recalibrates the interview model on every past application (interviewed or not) and the
 * ranking model on every past applicant with at least one interview (matched or not, with
 * k = their interview count). MAP with a Gaussian prior centred on `priors`, Fisher scoring;
 * deterministic. Follows Gelman et al., Bayesian Data Analysis §16.2, and Le Cessie & van
 * Houwelingen (1992) on ridge-type shrinkage in logistic regression.
 */
export function fitCalibration(outcomes: readonly PastOutcome[], programs: readonly ResidencyProgram[], priors: SmartPickPriors): Calibration {
  const byId = new Map(programs.map((p) => [p.id, p] as const))
  const interviewRows: Float64Array[] = []
  const interviewY: number[] = []
  const matchRows: Float64Array[] = []
  const matchY: number[] = []
  let unknownPrograms = 0
  const applicants = new Set<ApplicantProfile>()
  let applications = 0
  for (const outcome of outcomes) {
    const prepared = prepareApplicant(outcome.applicant)
    applicants.add(outcome.applicant)
    let interviews = 0
    let specialty: string | null = null
    for (const application of outcome.applications) {
      const program = byId.get(application.programId)
      if (!program) {
        unknownPrograms++
        continue
      }
      specialty ??= program.specialty
      const x = new Float64Array(INTERVIEW_FEATURE_COUNT)
      interviewFeatures(prepared, program, normsOf(priors, program.specialty), x)
      interviewRows.push(x)
      interviewY.push(application.interviewed ? 1 : 0)
      applications++
      if (application.interviewed) interviews++
    }
    if (interviews > 0 && specialty !== null) {
      const x = new Float64Array(MATCH_FEATURE_COUNT)
      matchFeatures(prepared, null, interviews, specialtyStep2(priors, specialty), x)
      matchRows.push(x)
      matchY.push(outcome.matchedProgramId === null ? 0 : 1)
    }
  }
  const fitBlock = (block: CoefficientBlock, rows: Float64Array[], y: number[], link: 'logit' | 'cloglog'): [CoefficientBlock, BlockFitSummary] => {
    const fit = fitMapGlm({ rows, outcomes: y, link, priorMean: block.mean, priorCovariance: block.covariance })
    const coefficients: Record<string, [number, number, number]> = {}
    block.names.forEach((name, i) => {
      coefficients[name] = [block.mean[i] as number, fit.mean[i] as number, Math.sqrt((fit.covariance[i] as number[])[i] as number)]
    })
    return [
      { names: block.names, mean: fit.mean, covariance: fit.covariance, sources: block.sources.map((s) => `${s}; recalibrated on school outcomes`) },
      { rows: rows.length, iterations: fit.iterations, converged: fit.converged, coefficients },
    ]
  }
  const [interview, interviewSummary] = fitBlock(priors.interview, interviewRows, interviewY, 'logit')
  const [match, matchSummary] = fitBlock(priors.match, matchRows, matchY, 'cloglog')
  const years = [...new Set(outcomes.map((o) => o.year))].sort((a, b) => a - b)
  return {
    priors: { ...priors, interview, match, calibratedOn: { applicants: applicants.size, applications, years } },
    interview: interviewSummary,
    match: matchSummary,
    unknownPrograms,
  }
}

export type CalibrationBin = {
  /** Predicted range of the bin. */
  from: number
  to: number
  count: number
  meanPredicted: number
  observed: number
  /** Wilson 95 % interval of the observed rate. */
  observedLow: number
  observedHigh: number
}

export type CalibrationReport = {
  count: number
  bins: CalibrationBin[]
  /** Mean squared error of the probabilities (Brier 1950); lower is better. */
  brier: number
  /** Brier score of always predicting the observed rate. */
  brierOfBaseRate: number
  /** 1 − brier / brierOfBaseRate: above 0 means better than the base rate. */
  brierSkill: number
  logLoss: number
  meanPredicted: number
  observedRate: number
}

/**
 * Predicted against observed in `bins` equal-count bins of the predictions (deciles by default),
 * with Wilson intervals, the Brier score and log loss.
 */
export function calibrationReport(predictions: readonly number[], outcomes: readonly (boolean | number)[], bins = 10): CalibrationReport {
  if (predictions.length !== outcomes.length) throw new RangeError('predictions and outcomes differ in length')
  const n = predictions.length
  const y = outcomes.map((o) => (o === true || o === 1 ? 1 : 0))
  const order = predictions.map((_, i) => i).sort((a, b) => (predictions[a] as number) - (predictions[b] as number) || a - b)
  let brier = 0
  let logLoss = 0
  let sumP = 0
  let sumY = 0
  for (let i = 0; i < n; i++) {
    const p = predictions[i] as number
    const o = y[i] as number
    brier += (p - o) ** 2
    const clipped = Math.min(Math.max(p, 1e-12), 1 - 1e-12)
    logLoss -= o ? Math.log(clipped) : Math.log(1 - clipped)
    sumP += p
    sumY += o
  }
  const rate = n ? sumY / n : 0
  const result: CalibrationBin[] = []
  const binCount = Math.max(1, Math.min(bins, n))
  for (let b = 0; b < binCount && n > 0; b++) {
    const start = Math.floor((b * n) / binCount)
    const end = Math.floor(((b + 1) * n) / binCount)
    if (end <= start) continue
    let p = 0
    let o = 0
    for (let i = start; i < end; i++) {
      p += predictions[order[i] as number] as number
      o += y[order[i] as number] as number
    }
    const count = end - start
    const [low, high] = wilson(o, count)
    result.push({
      from: predictions[order[start] as number] as number,
      to: predictions[order[end - 1] as number] as number,
      count,
      meanPredicted: p / count,
      observed: o / count,
      observedLow: low,
      observedHigh: high,
    })
  }
  const brierOfBaseRate = rate * (1 - rate)
  return {
    count: n,
    bins: result,
    brier: n ? brier / n : 0,
    brierOfBaseRate,
    brierSkill: brierOfBaseRate > 0 && n ? 1 - brier / n / brierOfBaseRate : 0,
    logLoss: n ? logLoss / n : 0,
    meanPredicted: n ? sumP / n : 0,
    observedRate: rate,
  }
}

/** Wilson score interval (95 %) for x successes in n. */
function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054
  const p = x / n
  const denominator = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator
  return [x === 0 ? 0 : Math.max(0, centre - half), x === n ? 1 : Math.min(1, centre + half)]
}

/** Interview predictions and outcomes for every application of `outcomes` under `priors`. */
export function predictInterviews(
  outcomes: readonly PastOutcome[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
): { predictions: number[]; observed: number[] } {
  const byId = new Map(programs.map((p) => [p.id, p] as const))
  const predictions: number[] = []
  const observed: number[] = []
  for (const outcome of outcomes) {
    const prepared = prepareApplicant(outcome.applicant)
    for (const application of outcome.applications) {
      const program = byId.get(application.programId)
      if (!program) continue
      predictions.push(logistic(interviewLogit(prepared, program, priors)))
      observed.push(application.interviewed ? 1 : 0)
    }
  }
  return { predictions, observed }
}

/** Each past applicant's chance of matching from their list, as the model would have said before interviews. */
export function predictMatches(
  outcomes: readonly PastOutcome[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
): { predictions: number[]; observed: number[] } {
  const byId = new Map(programs.map((p) => [p.id, p] as const))
  const predictions: number[] = []
  const observed: number[] = []
  for (const outcome of outcomes) {
    const prepared = prepareApplicant(outcome.applicant)
    const listed = outcome.applications.flatMap((a) => {
      const program = byId.get(a.programId)
      return program ? [program] : []
    })
    if (listed.length === 0) continue
    const chances = listed.map((program) => logistic(interviewLogit(prepared, program, priors)))
    const curve = matchChanceGivenInterviews(outcome.applicant, (listed[0] as ResidencyProgram).specialty, priors, listed.length).chance
    predictions.push(chanceOfMatchingGivenApplications(chances, curve).chance)
    observed.push(outcome.matchedProgramId === null ? 0 : 1)
  }
  return { predictions, observed }
}

export type HeldOutEvaluation = {
  trainYears: number[]
  testYears: number[]
  trainApplicants: number
  testApplicants: number
  interview: { prior: CalibrationReport; calibrated: CalibrationReport }
  match: { prior: CalibrationReport; calibrated: CalibrationReport }
  calibration: Calibration
}

/**
 * Fits on the outcomes of every year not in `testYears` and reports calibration on
 * `testYears`, for the priors as given and for the recalibrated model — the honest check that
 * recalibration helps on years it has not seen.
 */
export function evaluateHeldOutYears(
  outcomes: readonly PastOutcome[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  testYears: readonly number[],
  bins = 10,
): HeldOutEvaluation {
  const test = new Set(testYears)
  const train = outcomes.filter((o) => !test.has(o.year))
  const held = outcomes.filter((o) => test.has(o.year))
  const calibration = fitCalibration(train, programs, priors)
  const report = (p: SmartPickPriors, predict: typeof predictInterviews): CalibrationReport => {
    const { predictions, observed } = predict(held, programs, p)
    return calibrationReport(predictions, observed, bins)
  }
  return {
    trainYears: [...new Set(train.map((o) => o.year))].sort((a, b) => a - b),
    testYears: [...test].sort((a, b) => a - b),
    trainApplicants: train.length,
    testApplicants: held.length,
    interview: { prior: report(priors, predictInterviews), calibrated: report(calibration.priors, predictInterviews) },
    match: { prior: report(priors, predictMatches), calibrated: report(calibration.priors, predictMatches) },
    calibration,
  }
}
