import { describe, expect, it } from 'vitest'
import { validateInstance } from '#engines/match/index.ts'
import {
  atRiskFlags,
  buildMarket,
  listTiers,
  createClassPlan,
  createClassTally,
  mergeClassTallies,
  runClassRuns,
  runsOfWorker,
  summarizeClassSimulation,
  matchStandardError,
  DEFAULT_AT_RISK,
  type ClassSimulationInput,
} from './index.ts'
import { syntheticClass } from './testing.ts'

const SMALL = { 'internal-medicine': 40, 'family-medicine': 30, 'diagnostic-radiology': 12, 'transitional-year': 10 }

function simulate(input: ClassSimulationInput, partitions = 1) {
  const plan = createClassPlan(input)
  const tallies = Array.from({ length: partitions }, (_, w) => {
    // Each partition has its own plan, as a worker thread would.
    const own = createClassPlan(input)
    return runClassRuns(own, createClassTally(own), runsOfWorker(input.options.runs, partitions, w))
  })
  const tally = tallies.reduce((into, t) => mergeClassTallies(into, t))
  return summarizeClassSimulation(plan, tally)
}

describe('class simulation', () => {
  const input = syntheticClass({ students: 12, programs: SMALL, runs: 24, markets: 3, seed: 7 })

  it('builds valid match instances with the couple and the supplemental list', () => {
    const market = buildMarket(input, 0)
    expect(() => validateInstance(JSON.parse(JSON.stringify(market.instance)))).not.toThrow()
    expect(market.instance.couples).toHaveLength(1)
    expect(market.instance.applicants.some((a) => (a.supplemental ?? []).length > 0)).toBe(true)
    expect(market.applicants).toBeGreaterThan(market.positions * 0.8)
  })

  it('is deterministic for a seed, and does not depend on how runs are split', () => {
    const once = simulate(input)
    expect(simulate(input)).toEqual(once)
    expect(simulate(input, 2)).toEqual(once)
    const other = simulate({ ...input, options: { ...input.options, seed: 8 } })
    expect(other.students.map((s) => s.pMatch)).not.toEqual(once.students.map((s) => s.pMatch))
  })

  it('reports probabilities in [0, 1], counts that add up, and partners placed on one line', () => {
    const result = simulate(input)
    expect(result.runs).toBe(24)
    for (const s of result.students) {
      expect(s.pMatch).toBeGreaterThanOrEqual(0)
      expect(s.pMatch).toBeLessThanOrEqual(1)
      expect(s.pTop3).toBeLessThanOrEqual(s.pMatch + 1e-12)
      expect(s.pMatchLow).toBeLessThanOrEqual(s.pMatch)
      expect(s.pMatchHigh).toBeGreaterThanOrEqual(s.pMatch)
      expect(s.rankCounts.reduce((a, b) => a + b, 0)).toBe(24)
      if (s.expectedRank !== null) expect(s.expectedRank).toBeGreaterThanOrEqual(1)
    }
    expect(result.matchedCountHistogram.reduce((a, b) => a + b, 0)).toBe(24)
    const histogramRuns = result.rankHistogram.reduce((n, b) => n + b.runs, 0)
    expect(histogramRuns).toBe(24 * input.students.length)
  })

  it('a longer list never lowers a student\u2019s chance of matching on a fixed market', () => {
    // No noise and every program in the market: each run is the same deferred acceptance with
    // one list extended at the bottom, which can only help its owner.
    const base = syntheticClass({ students: 10, programs: { 'internal-medicine': 30, 'family-medicine': 30 }, runs: 6, markets: 6, seed: 3, meanListLength: 4 })
    const fixed = { ...base, couples: [], options: { ...base.options, noise: 0, marketScale: 1 } }
    const before = simulate(fixed)
    for (let s = 0; s < 6; s++) {
      const student = fixed.students[s]!
      const specialty = fixed.programs.find((p) => p.id === student.primary[0])!.specialty
      const extra = fixed.programs
        .filter((p) => p.specialty === specialty && !student.primary.includes(p.id))
        .slice(0, 5)
        .map((p) => p.id)
      const longer = { ...fixed, students: fixed.students.map((x, i) => (i === s ? { ...x, primary: [...x.primary, ...extra] } : x)) }
      const after = simulate(longer)
      expect(after.students[s]!.pMatch).toBeGreaterThanOrEqual(before.students[s]!.pMatch)
    }
  })

  it('the standard error is binomial with one market and grows when markets disagree', () => {
    expect(matchStandardError([50], [100])).toBeCloseTo(0.05, 10)
    const agree = matchStandardError([25, 25], [50, 50])
    const disagree = matchStandardError([50, 0], [50, 50])
    expect(agree).toBeCloseTo(0.05, 10)
    expect(disagree).toBeGreaterThan(0.4)
  })
})

describe('tiers of a rank order list', () => {
  const input = syntheticClass({ students: 1, programs: { 'internal-medicine': 40 }, runs: 1 })
  const programs = new Map(input.programs.map((p) => [p.id, p]))
  const hardest = [...input.programs].sort((a, b) => b.competitiveness - a.competitiveness).slice(0, 5)
  const easiest = [...input.programs].sort((a, b) => a.competitiveness - b.competitiveness).slice(0, 5)
  const profile = input.students[0]!.profile!

  it('calls the strongest programs reaches for a weak profile and the weakest likely for a strong one', () => {
    const weak = { ...profile, applicantType: 'us-md' as const, step2: 215, alphaOmegaAlpha: false }
    const strong = { ...profile, applicantType: 'us-md' as const, step2: 265, alphaOmegaAlpha: true }
    const list = (p: typeof profile, ps: typeof hardest) => listTiers({ id: 's', profile: p, primary: ps.map((x) => x.id), supplemental: [] }, programs)
    expect(list(weak, hardest)).toEqual({ reach: 5, target: 0, likely: 0 })
    expect(list(strong, easiest)).toEqual({ reach: 0, target: 0, likely: 5 })
    // A higher score never moves a program to a harder tier.
    const order = { likely: 0, target: 1, reach: 2 }
    const tierOf = (p: typeof profile, x: (typeof hardest)[number]) => Object.entries(list(p, [x])).find(([, n]) => n === 1)![0] as keyof typeof order
    for (const x of input.programs) expect(order[tierOf(strong, x)]).toBeLessThanOrEqual(order[tierOf(weak, x)])
  })

  it('has no tiers without a profile', () => {
    expect(listTiers({ id: 's', profile: null, primary: hardest.map((x) => x.id), supplemental: [] }, programs)).toEqual({ reach: 0, target: 0, likely: 0 })
  })
})

describe('at-risk flags', () => {
  const base: Parameters<typeof atRiskFlags>[0] = {
    listLength: 12,
    pMatch: 0.97,
    tiers: { reach: 2, target: 6, likely: 4 },
    specialties: ['internal-medicine', 'family-medicine'],
  }
  it.each([
    ['a long, balanced list in two specialties', base, []],
    ['a short list, below 95 %', { ...base, listLength: 4, pMatch: 0.9 }, ['short-list']],
    ['mostly reaches, below 95 %', { ...base, pMatch: 0.9, tiers: { reach: 8, target: 3, likely: 1 } }, ['reach-heavy']],
    // A student who matched in every simulated market is not at risk of not matching.
    ['a short list of reaches that matched every time', { ...base, listLength: 3, pMatch: 1, tiers: { reach: 3, target: 0, likely: 0 } }, []],
    ['a short list at 97 %', { ...base, listLength: 4 }, []],
    ['one specialty, safe', { ...base, specialties: ['dermatology'] }, []],
    ['one specialty, below 90 %', { ...base, specialties: ['dermatology'], pMatch: 0.85 }, ['one-specialty']],
    ['low chance', { ...base, pMatch: 0.5 }, ['low-match-chance']],
  ] as [string, typeof base, string[]][])('%s', (_, outcome, reasons) => {
    const flags = atRiskFlags(outcome, DEFAULT_AT_RISK)
    expect(flags.map((f) => f.reason)).toEqual(reasons)
    for (const f of flags) expect(f.message.length).toBeGreaterThan(10)
  })
})
