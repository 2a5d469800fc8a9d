import { describe, expect, it } from 'vitest'
import { matchChanceGivenInterviews, specialtyStep2 } from './chance.ts'
import { DEFAULT_DERIVATION, DEFAULT_PRIORS, derivePriors, fitContiguousRanks, referenceChance } from './derive-priors.ts'
import { CITED_FIGURES, INTERVIEW_FEATURES, MATCH_FEATURES, coefficient } from './priors.ts'
import { buildApplicant } from './testing/builders.ts'

const logit = (p: number): number => Math.log(p / (1 - p))

describe('the priors reproduce the figures they were derived from', () => {
  const d = DEFAULT_DERIVATION
  const chanceAt = (n: number, offset = 0): number =>
    referenceChance(d.interviewIntercept + offset, d.contiguousRanks.intercept, d.contiguousRanks.logInterviews, n)

  it('P(match | k) for the reference U.S. MD falls in every contiguous-ranks band', () => {
    const curve = matchChanceGivenInterviews(
      buildApplicant({ step2: specialtyStep2(DEFAULT_PRIORS, 'internal-medicine') }),
      'internal-medicine',
      DEFAULT_PRIORS,
      12,
    )
    expect(curve.chance[0]).toBe(0)
    for (const point of CITED_FIGURES.contiguousRanks) {
      const value = curve.chance[point.ranks] as number
      expect(value).toBeGreaterThanOrEqual(point.low)
      expect(value).toBeLessThanOrEqual(point.high)
    }
  })

  it('AAMC Apply Smart: 80 % at 18 applications', () => {
    expect(chanceAt(18)).toBeCloseTo(0.8, 6)
  })

  it('U.S. MD match rate 93.5 % is first reached at the typical list length', () => {
    expect(chanceAt(d.typicalApplications)).toBeGreaterThanOrEqual(0.935)
    expect(chanceAt(d.typicalApplications - 1)).toBeLessThan(0.935)
  })

  it('applicant-type offsets keep the odds ratios of the 2025 match rates', () => {
    const md = chanceAt(d.typicalApplications)
    const rates = CITED_FIGURES.matchRateByType
    const cases = [
      ['typeDo', rates['us-do']],
      ['typeUsImg', rates['us-img']],
      ['typeNonUsImg', rates['non-us-img']],
    ] as const
    for (const [name, rate] of cases) {
      const withOffset = chanceAt(d.typicalApplications, coefficient(DEFAULT_PRIORS.interview, name))
      expect(logit(withOffset) - logit(md)).toBeCloseTo(logit(rate) - logit(rates['us-md']), 4)
    }
    expect(d.typeOffsets.typeDo).toBeLessThan(0)
    expect(d.typeOffsets.typeNonUsImg).toBeLessThan(d.typeOffsets.typeUsImg)
  })

  it('Step 2 CK slope: about (257 − 246) / 15² log-odds of matching per point at the typical list', () => {
    expect(d.step2LogOddsPerPoint).toBeCloseTo(11 / 225, 10)
    expect(d.step2Gap).toBeGreaterThan(0)
  })

  it('is deterministic and names every feature', () => {
    expect(derivePriors().priors).toEqual(DEFAULT_PRIORS)
    expect(DEFAULT_PRIORS.interview.names).toEqual(INTERVIEW_FEATURES)
    expect(DEFAULT_PRIORS.match.names).toEqual(MATCH_FEATURES)
    for (const source of [...DEFAULT_PRIORS.interview.sources, ...DEFAULT_PRIORS.match.sources]) expect(source.length).toBeGreaterThan(2)
  })

  it('fitContiguousRanks recovers an exact complementary log-log curve', () => {
    const points = [1, 2, 4, 9].map((k) => ({ ranks: k, chance: 1 - Math.exp(-Math.exp(-0.3 + 0.6 * Math.log(k))) }))
    const fit = fitContiguousRanks(points)
    expect(fit.intercept).toBeCloseTo(-0.3, 10)
    expect(fit.logInterviews).toBeCloseTo(0.6, 10)
  })
})
