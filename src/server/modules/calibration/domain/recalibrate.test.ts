import { describe, expect, it } from 'vitest'
import { DEFAULT_PRIORS as priors, evaluateHeldOutYears, type SmartPickPriors } from '#engines/smart-pick/index.ts'
import { asStored, syntheticSchool } from '../testing/synthetic-school.ts'
import { cannotRecalibrate, heldOutYearsFor, recalibrate, recalibrationSteps, toPastOutcome, warningsFor, type StoredGraduate } from './recalibrate.ts'

const coefficient = (p: SmartPickPriors, block: 'interview' | 'match', name: string) => p[block].mean[p[block].names.indexOf(name)] as number

describe('recalibrate: recovery on a synthetic cohort drawn from a known model', () => {
  const school = syntheticSchool({ perYear: 150, years: [2021, 2022, 2023, 2024, 2025], seed: 31 })
  const graduates = school.outcomes.map(asStored)
  const result = recalibrate(graduates, school.programs, priors)

  it('holds out the two newest of five years, fits the rest, and stores a fit on every year', () => {
    expect(result.report.years).toEqual({ all: [2021, 2022, 2023, 2024, 2025], training: [2021, 2022, 2023], heldOut: [2024, 2025] })
    expect(result.report.storedFitOn).toBe('all-years')
    expect(result.priors.calibratedOn?.years).toEqual([2021, 2022, 2023, 2024, 2025])
    expect(result.report.data.graduates).toBe(750)
    expect(result.report.data.trainingGraduates).toBe(450)
    expect(result.report.data.heldOutGraduates).toBe(300)
    expect(result.report.converged).toBe(true)
  })

  it('moves every shifted coefficient toward the truth', () => {
    for (const name of Object.keys(school.shift)) {
      const truth = coefficient(school.truth, 'interview', name)
      const before = Math.abs(coefficient(priors, 'interview', name) - truth)
      const after = Math.abs(coefficient(result.priors, 'interview', name) - truth)
      expect(after, name).toBeLessThan(before)
    }
    const row = result.report.coefficients.interview.find((c) => c.name === 'intercept')
    expect(row?.prior).toBeCloseTo(coefficient(priors, 'interview', 'intercept'), 12)
    expect(row?.fitted).toBeCloseTo(coefficient(result.priors, 'interview', 'intercept'), 12)
    expect(row?.fittedSd).toBeLessThan(row?.priorSd as number)
  })

  it('beats the uncalibrated priors and the base rate on the held-out years', () => {
    const { interview, match } = result.report
    expect(interview.calibrated.brier).toBeLessThan(interview.prior.brier)
    expect(interview.calibrated.brier).toBeLessThan(interview.baseRate.brier)
    expect(match.calibrated.brier).toBeLessThan(match.prior.brier)
    expect(interview.calibrated.bins).toHaveLength(10)
    const gap = interview.calibrated.bins.reduce((s, b) => s + Math.abs(b.observed - b.meanPredicted), 0) / 10
    expect(gap).toBeLessThan(0.05)
    expect(result.report.warnings.filter((w) => /worse/.test(w))).toEqual([])
  })

  it('stores the training-years fit when asked, and is deterministic', () => {
    const trainingOnly = recalibrate(graduates, school.programs, priors, { heldOutYears: 1, storeFitOn: 'training-years' })
    expect(trainingOnly.report.years.heldOut).toEqual([2025])
    expect(trainingOnly.priors.calibratedOn?.years).toEqual([2021, 2022, 2023, 2024])
    expect(recalibrate(graduates, school.programs, priors).priors).toEqual(result.priors)
  })

  it('in steps, gives what the engine’s evaluateHeldOutYears gives', () => {
    const steps = recalibrationSteps(graduates, school.programs, priors)
    const names: string[] = []
    let step = steps.next()
    while (!step.done) {
      names.push(step.value)
      step = steps.next()
    }
    expect(names).toEqual(['training fit', 'national scores', 'calibrated scores', 'stored fit'])
    const specialties = new Map(school.programs.map((p) => [p.id, p.specialty] as const))
    const outcomes = graduates.map((g) => toPastOutcome(g, specialties).outcome)
    const engine = evaluateHeldOutYears(outcomes, school.programs, priors, [2024, 2025])
    expect(step.value.report.interview.calibrated.brier).toBe(engine.interview.calibrated.brier)
    expect(step.value.report.match.prior.brier).toBe(engine.match.prior.brier)
    expect(step.value.report.interview.calibrated.bins).toEqual(engine.interview.calibrated.bins)
  })

  it('warns when data are thin', () => {
    const few = recalibrate(
      graduates.filter((_, i) => i % 25 === 0),
      school.programs,
      priors,
    )
    expect(few.report.warnings.some((w) => /rests on \d+ graduate/.test(w))).toBe(true)
    expect(few.report.warnings.some((w) => /held-out years: the scores below are rough/.test(w))).toBe(true)
  })
})

describe('helpers', () => {
  it('needs two years; holds out one of up to three, two of four or more', () => {
    expect(cannotRecalibrate([])).toMatch(/Import/)
    expect(cannotRecalibrate([2024])).toMatch(/at least two years/)
    expect(cannotRecalibrate([2024, 2025])).toBeNull()
    expect(heldOutYearsFor([2023, 2024, 2025])).toEqual([2025])
    expect(heldOutYearsFor([2022, 2023, 2024, 2025])).toEqual([2024, 2025])
    expect(heldOutYearsFor([2024, 2025], 2)).toEqual([2025])
  })

  it('leaves out applications and matches outside the graduate’s specialty', () => {
    const specialties = new Map([
      ['IM-1', 'internal-medicine'],
      ['GS-1', 'general-surgery'],
    ])
    const graduate: StoredGraduate = {
      matchYear: 2024,
      applicantType: 'us-md',
      specialtyId: 'internal-medicine',
      step2: 250,
      step1: '231',
      researchItems: 2,
      alphaOmegaAlpha: false,
      goldHumanism: false,
      clerkshipHonors: 2,
      experiences: 5,
      tieStates: ['OH'],
      tieRegions: [],
      needsVisa: false,
      awayRotationProgramIds: ['IM-1'],
      matchedProgramId: 'GS-1',
      applications: [
        { programId: 'IM-1', signalled: true, interviewed: true },
        { programId: 'GS-1', signalled: false, interviewed: true },
      ],
    }
    const { outcome, leftOut } = toPastOutcome(graduate, specialties)
    expect(leftOut).toBe(1)
    expect(outcome.applications).toEqual([{ programId: 'IM-1', interviewed: true }])
    expect(outcome.matchedProgramId).toBeNull()
    expect(outcome.applicant.step1).toBe(231)
    expect(outcome.applicant.signalledProgramIds).toEqual(['IM-1'])
    expect(outcome.applicant.awayRotations).toEqual(['IM-1'])
  })

  it('warns when the fit scored worse than the priors', () => {
    const school = syntheticSchool({ perYear: 40, years: [2024, 2025], seed: 5 })
    const { report } = recalibrate(school.outcomes.map(asStored), school.programs, priors)
    const worse = { ...report, interview: { ...report.interview, calibrated: { ...report.interview.calibrated, brier: report.interview.prior.brier + 0.01 } } }
    expect(warningsFor(worse).some((w) => /For interviews, the recalibrated model scored worse/.test(w))).toBe(true)
  })
})
