import { describe, expect, it } from 'vitest'
import { interviewChance, matchChanceGivenInterview, normalQuantile, tierOf } from './chance.ts'
import { DEFAULT_PRIORS as priors } from './derive-priors.ts'
import { buildApplicant, buildProgram } from './testing/builders.ts'

const factor = (chance: ReturnType<typeof interviewChance>, key: string) => chance.factors.find((f) => f.key === key)

describe('interviewChance: factors in plain words with their signed size', () => {
  const program = buildProgram({ step2Range: { p25: 240, p75: 250 }, region: 'northeast', state: 'MA', sponsorsVisa: false })

  it.each([
    [{ step2: 258 }, 'step2Gap', "Step 2 CK 8 points above this program's typical range (240–250)", '+'],
    [{ step2: 231 }, 'step2Gap', "Step 2 CK 9 points below this program's typical range (240–250)", '−'],
    [{}, 'geographicTie', 'no tie to the Northeast', '−'],
    [{ ties: { states: ['MA'], regions: [] } }, 'geographicTie', 'tie to MA', '+'],
    [{ ties: { states: [], regions: ['northeast' as const] } }, 'geographicTie', 'tie to the Northeast', '+'],
    [{ signalledProgramIds: ['im-ma-1'] }, 'signal', 'signalled this program', '+'],
    [{ awayRotations: ['im-ma-1'] }, 'awayRotation', 'away rotation here', '+'],
    [{ needsVisa: true, applicantType: 'non-us-img' as const }, 'visaBlocked', 'visa needed, program does not sponsor', '−'],
    [{ step1: 'fail' as const }, 'step1Failed', 'Step 1 not passed on the first attempt', '−'],
    [{ alphaOmegaAlpha: true }, 'alphaOmegaAlpha', 'AOA member', '+'],
  ])('%o → %s: "%s" (%s)', (overrides, key, label, sign) => {
    const chance = interviewChance(buildApplicant(overrides), program, priors)
    const f = factor(chance, key)
    expect(f?.label).toBe(label)
    expect(f?.sign).toBe(sign)
    expect(Math.sign(f?.change ?? 0)).toBe(sign === '+' ? 1 : -1)
  })

  it('the reference applicant at a typical program has the derived intercept as its chance', () => {
    const chance = interviewChance(
      buildApplicant({ step2: 245, alphaOmegaAlpha: false, clerkshipHonors: 2.4 }),
      buildProgram({ step2Range: { p25: 240, p75: 250 }, researchEmphasis: 0 }),
      priors,
    )
    expect(chance.probability).toBeGreaterThan(0.15)
    expect(chance.probability).toBeLessThan(0.3)
    expect(chance.low).toBeLessThan(chance.probability)
    expect(chance.high).toBeGreaterThan(chance.probability)
    expect(chance.basis).toMatch(/not yet calibrated/)
  })

  it('a missing Step 2 CK widens the interval and says so', () => {
    const known = interviewChance(buildApplicant({ step2: 245 }), program, priors)
    const unknown = interviewChance(buildApplicant({ step2: null }), program, priors)
    expect(unknown.high - unknown.low).toBeGreaterThan(known.high - known.low)
    expect(unknown.effectiveCount).toBeLessThan(known.effectiveCount)
    expect(factor(unknown, 'step2Gap')).toBeUndefined()
  })

  it('visa needed at a program that does not sponsor is nearly hopeless', () => {
    const chance = interviewChance(buildApplicant({ needsVisa: true }), program, priors)
    expect(chance.probability).toBeLessThan(0.02)
  })
})

describe('matchChanceGivenInterview', () => {
  it('for the reference applicant is the one-rank figure (≈ 55 %)', () => {
    const chance = matchChanceGivenInterview(buildApplicant({ step2: 245 }), buildProgram(), priors)
    expect(chance.probability).toBeGreaterThan(0.5)
    expect(chance.probability).toBeLessThan(0.6)
  })

  it('an away rotation raises it', () => {
    const base = matchChanceGivenInterview(buildApplicant(), buildProgram(), priors)
    const away = matchChanceGivenInterview(buildApplicant({ awayRotations: ['im-ma-1'] }), buildProgram(), priors)
    expect(away.probability).toBeGreaterThan(base.probability)
    expect(away.factors.some((f) => f.key === 'awayRotation' && f.sign === '+')).toBe(true)
  })
})

describe('tiers and intervals', () => {
  it.each([
    [0.1, 'reach'],
    [0.25, 'target'],
    [0.59, 'target'],
    [0.6, 'likely'],
  ] as const)('interview chance %d is %s', (p, tier) => {
    expect(tierOf(p, priors)).toBe(tier)
  })

  it('normalQuantile matches known values', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815516, 6)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263479, 6)
  })
})
