import { describe, expect, it } from 'vitest'
import { interviewChance, matchChanceGivenInterviews } from './chance.ts'
import { calibrationReport, evaluateHeldOutYears, fitCalibration } from './calibration.ts'
import { DEFAULT_PRIORS as priors } from './derive-priors.ts'
import { fitMapGlm } from './glm.ts'
import { coefficient, type SmartPickPriors } from './priors.ts'
import { buildApplicant } from './testing/builders.ts'
import { drawOutcomes, generateApplicants, generatePrograms } from './synthetic.ts'

describe('calibrationReport', () => {
  it('bins by decile of the prediction and scores Brier', () => {
    const predictions = Array.from({ length: 100 }, (_, i) => i / 100)
    const outcomes = predictions.map((p) => p >= 0.5)
    const report = calibrationReport(predictions, outcomes)
    expect(report.bins).toHaveLength(10)
    expect(report.bins.every((b) => b.count === 10)).toBe(true)
    expect(report.bins[0]?.observed).toBe(0)
    expect(report.bins[9]?.observed).toBe(1)
    const brier = predictions.reduce((s, p, i) => s + (p - (outcomes[i] ? 1 : 0)) ** 2, 0) / 100
    expect(report.brier).toBeCloseTo(brier, 12)
    expect(report.brierOfBaseRate).toBeCloseTo(0.25, 12)
    expect(report.brierSkill).toBeGreaterThan(0)
    for (const bin of report.bins) {
      expect(bin.observedLow).toBeLessThanOrEqual(bin.observed)
      expect(bin.observedHigh).toBeGreaterThanOrEqual(bin.observed)
    }
  })

  it('a perfect forecast has Brier 0', () => {
    expect(calibrationReport([0, 1, 1, 0], [0, 1, 1, 0]).brier).toBe(0)
  })
})

describe('fitMapGlm', () => {
  it('with a very tight prior stays at the prior; with a flat one matches the maximum-likelihood logit', () => {
    // y = 1 for 3 of 4 rows with x = 1: MLE of the intercept is logit(3/4).
    const rows = [1, 1, 1, 1].map(() => Float64Array.of(1))
    const outcomes = [1, 1, 1, 0]
    const flat = fitMapGlm({ rows, outcomes, link: 'logit', priorMean: [0], priorCovariance: [[1e8]] })
    expect(flat.mean[0]).toBeCloseTo(Math.log(3), 6)
    expect(flat.converged).toBe(true)
    const tight = fitMapGlm({ rows, outcomes, link: 'logit', priorMean: [0.2], priorCovariance: [[1e-8]] })
    expect(tight.mean[0]).toBeCloseTo(0.2, 6)
    const cloglog = fitMapGlm({ rows, outcomes, link: 'cloglog', priorMean: [0], priorCovariance: [[1e8]] })
    expect(1 - Math.exp(-Math.exp(cloglog.mean[0] as number))).toBeCloseTo(0.75, 6)
  })
})

describe('calibration recovery on a synthetic cohort drawn from a known model', () => {
  const programs = generatePrograms({ specialty: 'internal-medicine', count: 300, seed: 21, priors })
  const shift: Record<string, number> = { intercept: -0.5, step2Gap: 0.3, geographicTie: -0.4, signal: 0.6, competitiveness: -0.5 }
  const truth: SmartPickPriors = {
    ...priors,
    interview: { ...priors.interview, mean: priors.interview.names.map((name, i) => (priors.interview.mean[i] as number) + (shift[name] ?? 0)) },
    match: { ...priors.match, mean: priors.match.names.map((name, i) => (priors.match.mean[i] as number) + (name === 'intercept' ? -0.3 : 0)) },
  }
  const applicants = generateApplicants({ specialty: 'internal-medicine', count: 1000, seed: 22, programs })
  const years = [2021, 2022, 2023, 2024]
  const outcomes = years.flatMap((year, y) => drawOutcomes({ applicants: applicants.slice(y * 250, (y + 1) * 250), programs, truth, year, seed: 100 + y }))

  it('recovers the shifted coefficients within tolerance, and is deterministic', () => {
    const calibration = fitCalibration(outcomes, programs, priors)
    expect(calibration.interview.converged).toBe(true)
    expect(calibration.match.converged).toBe(true)
    for (const name of Object.keys(shift)) {
      const fitted = coefficient(calibration.priors.interview, name)
      const sd = (calibration.interview.coefficients[name] as [number, number, number])[2]
      expect(Math.abs(fitted - coefficient(truth.interview, name)), name).toBeLessThan(Math.max(0.15, 3.5 * sd))
      // Closer to the truth than the prior was.
      expect(Math.abs(fitted - coefficient(truth.interview, name)), name).toBeLessThan(
        Math.abs(coefficient(priors.interview, name) - coefficient(truth.interview, name)),
      )
    }
    // Intercept and slope of the ranking model trade off over the narrow range of ln k seen;
    // the curve itself is recovered where the data are.
    const applicant = buildApplicant({ step2: priors.defaultSpecialtyStep2 })
    const fitted = matchChanceGivenInterviews(applicant, 'internal-medicine', calibration.priors, 12).chance
    const known = matchChanceGivenInterviews(applicant, 'internal-medicine', truth, 12).chance
    for (const k of [3, 6, 10]) expect(Math.abs((fitted[k] as number) - (known[k] as number)), `k = ${k}`).toBeLessThan(0.04)
    expect(calibration.priors.calibratedOn?.years).toEqual(years)
    expect(fitCalibration(outcomes, programs, priors).priors).toEqual(calibration.priors)
  })

  it('improves the Brier score over the uncalibrated priors on held-out years', () => {
    const evaluation = evaluateHeldOutYears(outcomes, programs, priors, [2023, 2024])
    expect(evaluation.trainYears).toEqual([2021, 2022])
    expect(evaluation.testApplicants).toBe(500)
    expect(evaluation.interview.calibrated.brier).toBeLessThan(evaluation.interview.prior.brier)
    expect(evaluation.match.calibrated.brier).toBeLessThan(evaluation.match.prior.brier)
    // Calibrated deciles: observed within a few points of predicted on average.
    const bins = evaluation.interview.calibrated.bins
    const gap = bins.reduce((s, b) => s + Math.abs(b.observed - b.meanPredicted), 0) / bins.length
    expect(gap).toBeLessThan(0.05)
  })

  it('with thin data moves little and keeps the intervals wide', () => {
    const few = fitCalibration(outcomes.slice(0, 5), programs, priors)
    const many = fitCalibration(outcomes, programs, priors)
    const sd = (c: typeof few, name: string): number => (c.interview.coefficients[name] as [number, number, number])[2]
    for (const name of ['intercept', 'step2Gap', 'signal', 'geographicTie']) expect(sd(few, name), name).toBeGreaterThan(sd(many, name))
    const program = programs[0] as (typeof programs)[number]
    const applicant = applicants[0] as (typeof applicants)[number]
    expect(interviewChance(applicant, program, few.priors).effectiveCount).toBeLessThan(interviewChance(applicant, program, many.priors).effectiveCount)
    // Coefficients no data speak to stay at the prior.
    expect(coefficient(few.priors.match, 'awayRotation')).toBeCloseTo(coefficient(priors.match, 'awayRotation'), 12)
  })
})
