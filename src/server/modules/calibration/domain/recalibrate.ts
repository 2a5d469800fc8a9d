/**
 * Recalibrating the list builder's model on the school's past outcomes, and the report staff
 * read before they switch it on. Pure: the stored graduates, the programs and the current
 * priors in; the fitted priors and the report out.
 *
 * The newest one or two match years are held out: the model is fitted on the years before
 * them and scored on them, against the national priors and against always saying the
 * training years' rate. That judges the method on years it has not seen. The coefficients
 * stored are then fitted on every year by default (the newest years are the most like the
 * next), or on the training years only when asked, so what was scored is exactly what is used.
 */
import {
  APPLICANT_TYPES,
  calibrationReport,
  fitCalibration,
  predictInterviews,
  predictMatches,
  type ApplicantProfile,
  type ApplicantType,
  type Calibration,
  type CalibrationReport,
  type HeldOutEvaluation,
  type PastOutcome,
  type Region,
  type ResidencyProgram,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import type { BlockFitSummary } from '#engines/smart-pick/calibration.ts'

/** A past applicant as stored, with their applications. */
export type StoredGraduate = {
  matchYear: number
  applicantType: ApplicantType
  specialtyId: string
  step2: number | null
  step1: string | null
  researchItems: number
  alphaOmegaAlpha: boolean
  goldHumanism: boolean
  clerkshipHonors: number
  experiences: number
  tieStates: readonly string[]
  tieRegions: readonly Region[]
  needsVisa: boolean
  awayRotationProgramIds: readonly string[]
  matchedProgramId: string | null
  applications: readonly { programId: string; signalled: boolean; interviewed: boolean }[]
}

export const STORE_FIT_ON = ['all-years', 'training-years'] as const
export type StoreFitOn = (typeof STORE_FIT_ON)[number]

export type RecalibrateOptions = {
  /** How many of the newest years to hold out (1 or 2); by default 2 with four years or more, else 1. */
  heldOutYears?: 1 | 2
  storeFitOn?: StoreFitOn
}

export type ScoreSummary = Omit<CalibrationReport, 'brierSkill' | 'brierOfBaseRate'>

export type ModelScores = {
  /** The national priors, as the list builder uses them without calibration. */
  prior: ScoreSummary
  /** Fitted on the training years. */
  calibrated: ScoreSummary
  /** Always saying the training years' observed rate. */
  baseRate: { rate: number; brier: number }
}

export type CoefficientChange = {
  name: string
  label: string
  prior: number
  priorSd: number
  fitted: number
  fittedSd: number
}

export type YearCounts = { year: number; graduates: number; applications: number; interviews: number; matched: number }

export type RecalibrationReport = {
  version: 1
  years: { all: number[]; training: number[]; heldOut: number[] }
  storedFitOn: StoreFitOn
  data: {
    graduates: number
    applications: number
    interviews: number
    matched: number
    byYear: YearCounts[]
    /** Applications to programs of another specialty than the graduate's: kept, not used by the fit. */
    otherSpecialtyApplications: number
    trainingGraduates: number
    heldOutGraduates: number
  }
  interview: ModelScores
  match: ModelScores
  coefficients: { interview: CoefficientChange[]; match: CoefficientChange[] }
  converged: boolean
  warnings: string[]
}

export const COEFFICIENT_LABELS: Readonly<Record<string, string>> = {
  intercept: 'Baseline: a typical U.S. MD at a typical program',
  typeDo: 'U.S. DO applicant',
  typeUsImg: 'U.S.-citizen IMG applicant',
  typeNonUsImg: 'non-U.S.-citizen IMG applicant',
  step2Gap: 'Step 2 CK, per 10 points above the program’s typical score',
  step1Failed: 'Step 1 not passed on the first attempt',
  research: 'Research, where the program emphasises it',
  alphaOmegaAlpha: 'AOA membership',
  goldHumanism: 'Gold Humanism membership',
  clerkshipHonors: 'Each clerkship honor',
  experiences: 'Experiences (log scale)',
  geographicTie: 'Geographic tie to the program’s state or region',
  awayRotation: 'Away rotation at the program',
  signal: 'Preference signal to the program',
  visaBlocked: 'Needs a visa, program does not sponsor',
  competitiveness: 'Program competitiveness (0 to 1)',
  logInterviews: 'Number of interviews (log scale)',
}

/** A stored graduate as the model reads them; applications outside their specialty are left out. */
export function toPastOutcome(graduate: StoredGraduate, programSpecialty: ReadonlyMap<string, string>): { outcome: PastOutcome; leftOut: number } {
  const inSpecialty = graduate.applications.filter((a) => programSpecialty.get(a.programId) === graduate.specialtyId)
  const step1 = graduate.step1 === null ? null : graduate.step1 === 'pass' || graduate.step1 === 'fail' ? graduate.step1 : Number(graduate.step1)
  const applicant: ApplicantProfile = {
    applicantType: APPLICANT_TYPES.includes(graduate.applicantType) ? graduate.applicantType : 'us-md',
    step2: graduate.step2,
    step1: typeof step1 === 'number' && !Number.isFinite(step1) ? null : step1,
    researchItems: graduate.researchItems,
    alphaOmegaAlpha: graduate.alphaOmegaAlpha,
    goldHumanism: graduate.goldHumanism,
    clerkshipHonors: graduate.clerkshipHonors,
    experiences: graduate.experiences,
    awayRotations: graduate.awayRotationProgramIds,
    preferredSpecialty: graduate.specialtyId,
    backupSpecialty: null,
    geographicPreferences: { states: [], regions: [] },
    ties: { states: graduate.tieStates, regions: graduate.tieRegions },
    settingPreferences: [],
    needsVisa: graduate.needsVisa,
    signalsAvailable: inSpecialty.filter((a) => a.signalled).length,
    signalledProgramIds: inSpecialty.filter((a) => a.signalled).map((a) => a.programId),
  }
  // Matched in another specialty (a backup) is not a match in the one the model is about.
  const matched =
    graduate.matchedProgramId !== null && programSpecialty.get(graduate.matchedProgramId) === graduate.specialtyId ? graduate.matchedProgramId : null
  return {
    outcome: {
      year: graduate.matchYear,
      applicant,
      applications: inSpecialty.map((a) => ({ programId: a.programId, interviewed: a.interviewed })),
      matchedProgramId: matched,
    },
    leftOut: graduate.applications.length - inSpecialty.length,
  }
}

/** Why a recalibration cannot run, in words for the page; null when it can. */
export function cannotRecalibrate(years: readonly number[]): string | null {
  if (years.length === 0) return 'No past outcomes yet. Import the school’s past outcomes first.'
  if (years.length === 1) return `Only match year ${years[0]} is imported. Recalibrating needs at least two years: one to fit on and one to test on.`
  return null
}

export function heldOutYearsFor(years: readonly number[], requested?: 1 | 2): number[] {
  const count = Math.min(requested ?? (years.length >= 4 ? 2 : 1), years.length - 1)
  return [...years].sort((a, b) => a - b).slice(-count)
}

/** Fits, scores on the held-out years, and builds the report. */
export function recalibrate(
  graduates: readonly StoredGraduate[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: RecalibrateOptions = {},
): RecalibrationResult {
  const steps = recalibrationSteps(graduates, programs, priors, options)
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

export type RecalibrationResult = { priors: SmartPickPriors; report: RecalibrationReport }

/**
 * `recalibrate` in steps: it pauses (yields the step just done) between the heavy parts — the
 * fit on the training years, scoring the national priors, scoring the fit, the refit on every
 * year — so a server can let other requests through between them. The same result as
 * `evaluateHeldOutYears` followed by `fitCalibration`.
 */
export function* recalibrationSteps(
  graduates: readonly StoredGraduate[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: RecalibrateOptions = {},
): Generator<string, RecalibrationResult, void> {
  const programSpecialty = new Map(programs.map((p) => [p.id, p.specialty] as const))
  let otherSpecialtyApplications = 0
  const outcomes = graduates.map((g) => {
    const { outcome, leftOut } = toPastOutcome(g, programSpecialty)
    otherSpecialtyApplications += leftOut
    return outcome
  })
  const years = [...new Set(graduates.map((g) => g.matchYear))].sort((a, b) => a - b)
  const why = cannotRecalibrate(years)
  if (why) throw new RangeError(why)
  const heldOut = heldOutYearsFor(years, options.heldOutYears)
  const storedFitOn = options.storeFitOn ?? 'all-years'
  const evaluation = yield* evaluateInSteps(outcomes, programs, priors, heldOut)
  const stored: Calibration = storedFitOn === 'all-years' ? fitCalibration(outcomes, programs, priors) : evaluation.calibration
  yield 'stored fit'

  const held = new Set(heldOut)
  const trainingOutcomes = outcomes.filter((o) => !held.has(o.year))
  const baseRate = (observed: (o: PastOutcome) => number[], report: CalibrationReport): { rate: number; brier: number } => {
    const trainY = trainingOutcomes.flatMap(observed)
    const rate = trainY.length ? trainY.reduce((s, y) => s + y, 0) / trainY.length : 0
    // Brier of a constant r on outcomes with rate q: q(1 − r)² + (1 − q)r².
    const q = report.observedRate
    return { rate, brier: report.count ? q * (1 - rate) ** 2 + (1 - q) * rate ** 2 : 0 }
  }
  const interviewObserved = (o: PastOutcome) => o.applications.map((a) => (a.interviewed ? 1 : 0))
  const matchObserved = (o: PastOutcome) => (o.applications.length > 0 ? [o.matchedProgramId === null ? 0 : 1] : [])

  const byYear = years.map((year) => {
    const of = graduates.filter((g) => g.matchYear === year)
    return {
      year,
      graduates: of.length,
      applications: of.reduce((s, g) => s + g.applications.length, 0),
      interviews: of.reduce((s, g) => s + g.applications.filter((a) => a.interviewed).length, 0),
      matched: of.filter((g) => g.matchedProgramId !== null).length,
    }
  })
  const sum = (key: keyof Omit<YearCounts, 'year'>) => byYear.reduce((s, y) => s + y[key], 0)
  const report: RecalibrationReport = {
    version: 1,
    years: { all: years, training: evaluation.trainYears, heldOut: evaluation.testYears },
    storedFitOn,
    data: {
      graduates: graduates.length,
      applications: sum('applications'),
      interviews: sum('interviews'),
      matched: sum('matched'),
      byYear,
      otherSpecialtyApplications,
      trainingGraduates: evaluation.trainApplicants,
      heldOutGraduates: evaluation.testApplicants,
    },
    interview: {
      prior: summary(evaluation.interview.prior),
      calibrated: summary(evaluation.interview.calibrated),
      baseRate: baseRate(interviewObserved, evaluation.interview.prior),
    },
    match: {
      prior: summary(evaluation.match.prior),
      calibrated: summary(evaluation.match.calibrated),
      baseRate: baseRate(matchObserved, evaluation.match.prior),
    },
    coefficients: { interview: changes(stored.interview, priors.interview.covariance), match: changes(stored.match, priors.match.covariance) },
    converged: stored.interview.converged && stored.match.converged && evaluation.calibration.interview.converged && evaluation.calibration.match.converged,
    warnings: [],
  }
  report.warnings = warningsFor(report)
  return { priors: stored.priors, report }
}

/** `evaluateHeldOutYears` (engine), one heavy part per step. */
function* evaluateInSteps(
  outcomes: readonly PastOutcome[],
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  testYears: readonly number[],
): Generator<string, HeldOutEvaluation, void> {
  const test = new Set(testYears)
  const train = outcomes.filter((o) => !test.has(o.year))
  const held = outcomes.filter((o) => test.has(o.year))
  const calibration = fitCalibration(train, programs, priors)
  yield 'training fit'
  const report = (p: SmartPickPriors, predict: typeof predictInterviews): CalibrationReport => {
    const { predictions, observed } = predict(held, programs, p)
    return calibrationReport(predictions, observed, 10)
  }
  const prior = { interview: report(priors, predictInterviews), match: report(priors, predictMatches) }
  yield 'national scores'
  const calibrated = { interview: report(calibration.priors, predictInterviews), match: report(calibration.priors, predictMatches) }
  yield 'calibrated scores'
  return {
    trainYears: [...new Set(train.map((o) => o.year))].sort((a, b) => a - b),
    testYears: [...test].sort((a, b) => a - b),
    trainApplicants: train.length,
    testApplicants: held.length,
    interview: { prior: prior.interview, calibrated: calibrated.interview },
    match: { prior: prior.match, calibrated: calibrated.match },
    calibration,
  }
}

function summary(report: CalibrationReport): ScoreSummary {
  const { brierSkill: _skill, brierOfBaseRate: _base, ...rest } = report
  return rest
}

function changes(fit: BlockFitSummary, priorCovariance: readonly (readonly number[])[]): CoefficientChange[] {
  return Object.entries(fit.coefficients).map(([name, [prior, fitted, fittedSd]], i) => ({
    name,
    label: COEFFICIENT_LABELS[name] ?? name,
    prior,
    priorSd: Math.sqrt((priorCovariance[i] as readonly number[])[i] as number),
    fitted,
    fittedSd,
  }))
}

/** Plain-words warnings when the data are thin or the fit did not help. */
export function warningsFor(report: RecalibrationReport): string[] {
  const warnings: string[] = []
  const { data } = report
  if (data.trainingGraduates < 100) {
    warnings.push(
      `The fit on the training years rests on ${data.trainingGraduates} graduate${data.trainingGraduates === 1 ? '' : 's'}: with fewer than 100 the coefficients move little from the national figures and their intervals stay wide.`,
    )
  }
  if (data.heldOutGraduates < 50) {
    warnings.push(
      `Only ${data.heldOutGraduates} graduate${data.heldOutGraduates === 1 ? '' : 's'} in the held-out year${report.years.heldOut.length === 1 ? '' : 's'}: the scores below are rough; read the intervals on the plot.`,
    )
  }
  if (report.years.all.length < 3) warnings.push('Fewer than three match years: one unusual year weighs heavily.')
  const matchBins = report.match.calibrated.bins
  if (matchBins.length > 0 && matchBins.some((b) => b.count < 20))
    warnings.push('Each point of the matching plot rests on fewer than 20 graduates: its interval is wide.')
  const rate = report.match.prior.observedRate
  if (report.match.prior.count > 0 && (rate >= 0.97 || rate <= 0.03)) {
    warnings.push(`In the held-out years ${Math.round(rate * 100)} % of graduates matched: there is little for the matching scores to tell apart.`)
  }
  if (!report.converged) warnings.push('The fit did not settle (it stopped at its iteration limit). Check the data for a column that is always the same.')
  for (const [what, scores] of [
    ['interviews', report.interview],
    ['matching', report.match],
  ] as const) {
    if (scores.calibrated.count > 0 && scores.calibrated.brier > scores.prior.brier) {
      warnings.push(
        `For ${what}, the recalibrated model scored worse than the national figures on the held-out years. Consider keeping the national figures for now.`,
      )
    }
  }
  if (data.graduates > 0 && data.otherSpecialtyApplications > data.applications / 2) {
    warnings.push(
      'More than half of the applications are to programs outside the graduate’s own specialty; those are not used by the fit. Check the specialty column.',
    )
  }
  return warnings
}
