import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildProgramList,
  chanceOfMatchingGivenApplications,
  interviewChanceBounds,
  planBackup,
  planSignals,
  recommendApplicationCount,
} from './applications.ts'
import { interviewChance, matchChanceGivenInterview, matchChanceGivenInterviews } from './chance.ts'
import { DEFAULT_PRIORS as priors } from './derive-priors.ts'
import { generateApplicants, generatePrograms } from './synthetic.ts'
import { arbitraryApplicant, arbitraryProgram, arbitraryPrograms, buildApplicant } from './testing/builders.ts'
import type { ApplicantProfile, ResidencyProgram } from './types.ts'

const RUNS = 150

/** The model's overall chance for a given set of programs. */
function chanceFor(applicant: ApplicantProfile, programs: readonly ResidencyProgram[]): number {
  const chances = programs.map((p) => interviewChance(applicant, p, priors).probability)
  const curve = matchChanceGivenInterviews(applicant, 'internal-medicine', priors, programs.length).chance
  return chanceOfMatchingGivenApplications(chances, curve).chance
}

describe('model properties', () => {
  it('every probability and interval end is in [0, 1], low ≤ p ≤ high', () => {
    fc.assert(
      fc.property(arbitraryProgram('p0'), arbitraryApplicant(['p0']), (program, applicant) => {
        for (const chance of [interviewChance(applicant, program, priors), matchChanceGivenInterview(applicant, program, priors)]) {
          expect(chance.probability).toBeGreaterThanOrEqual(0)
          expect(chance.probability).toBeLessThanOrEqual(1)
          expect(chance.low).toBeLessThanOrEqual(chance.probability + 1e-12)
          expect(chance.high).toBeGreaterThanOrEqual(chance.probability - 1e-12)
          expect(chance.low).toBeGreaterThanOrEqual(0)
          expect(chance.high).toBeLessThanOrEqual(1)
          expect(chance.effectiveCount).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('a higher Step 2 CK never lowers a chance (per program, and of matching from a list)', () => {
    fc.assert(
      fc.property(arbitraryPrograms(1, 8), fc.integer({ min: 200, max: 280 }), fc.integer({ min: 0, max: 40 }), (programs, step2, raise) => {
        const ids = programs.map((p) => p.id)
        return fc.assert(
          fc.property(arbitraryApplicant(ids), (base) => {
            const low = { ...base, step2 }
            const high = { ...base, step2: step2 + raise }
            for (const program of programs) {
              expect(interviewChance(high, program, priors).probability).toBeGreaterThanOrEqual(interviewChance(low, program, priors).probability - 1e-12)
              expect(matchChanceGivenInterview(high, program, priors).probability).toBeGreaterThanOrEqual(
                matchChanceGivenInterview(low, program, priors).probability - 1e-12,
              )
            }
            expect(chanceFor(high, programs)).toBeGreaterThanOrEqual(chanceFor(low, programs) - 1e-12)
          }),
          { numRuns: 3 },
        )
      }),
      { numRuns: 50 },
    )
  })

  it('a signal never lowers a chance', () => {
    fc.assert(
      fc.property(arbitraryPrograms(1, 8), fc.nat(), (programs, pick) => {
        const target = programs[pick % programs.length] as ResidencyProgram
        return fc.assert(
          fc.property(arbitraryApplicant([]), (base) => {
            const signalled = { ...base, signalledProgramIds: [target.id] }
            for (const program of programs) {
              expect(interviewChance(signalled, program, priors).probability).toBeGreaterThanOrEqual(interviewChance(base, program, priors).probability)
              expect(matchChanceGivenInterview(signalled, program, priors).probability).toBeGreaterThanOrEqual(
                matchChanceGivenInterview(base, program, priors).probability,
              )
            }
            expect(chanceFor(signalled, programs)).toBeGreaterThanOrEqual(chanceFor(base, programs) - 1e-12)
          }),
          { numRuns: 3 },
        )
      }),
      { numRuns: 50 },
    )
  })

  it('adding a program never lowers the chance of matching', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (ps, p) => {
        const curve = matchChanceGivenInterviews(buildApplicant(), 'internal-medicine', priors, 25).chance
        const before = chanceOfMatchingGivenApplications(ps, curve).chance
        const after = chanceOfMatchingGivenApplications([...ps, p], curve).chance
        expect(after).toBeGreaterThanOrEqual(before - 1e-12)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('recommendApplicationCount', () => {
  it('reaches the target on the model’s own numbers, and one fewer does not', () => {
    fc.assert(
      fc.property(arbitraryPrograms(1, 40), fc.double({ min: 0.3, max: 0.97, noNaN: true }), (programs, target) =>
        fc.assert(
          fc.property(arbitraryApplicant(programs.map((p) => p.id)), (applicant) => {
            const r = recommendApplicationCount(applicant, programs, priors, { target })
            expect(r.curve).toHaveLength(programs.length)
            for (let i = 1; i < r.curve.length; i++)
              expect((r.curve[i] as { chance: number }).chance).toBeGreaterThanOrEqual((r.curve[i - 1] as { chance: number }).chance - 1e-12)
            const byId = new Map(programs.map((p) => [p.id, p]))
            if (r.count === null) {
              expect(chanceFor(applicant, programs)).toBeLessThan(target)
              return
            }
            const chosen = r.order.slice(0, r.count).map((id) => byId.get(id) as ResidencyProgram)
            expect(chanceFor(applicant, chosen)).toBeGreaterThanOrEqual(target - 1e-9)
            expect(chanceFor(applicant, chosen)).toBeCloseTo(r.chance, 10)
            if (r.count > 1) expect(chanceFor(applicant, chosen.slice(0, -1))).toBeLessThan(target)
          }),
          { numRuns: 2 },
        ),
      ),
      { numRuns: 40 },
    )
  })

  it('is the smallest over every subset, not only over prefixes (brute force on small lists)', () => {
    fc.assert(
      fc.property(arbitraryPrograms(1, 9), arbitraryApplicant([]), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (programs, applicant, target) => {
        const r = recommendApplicationCount(applicant, programs, priors, { target })
        let best = Number.POSITIVE_INFINITY
        for (let mask = 1; mask < 1 << programs.length; mask++) {
          const subset = programs.filter((_, i) => mask & (1 << i))
          if (subset.length < best && chanceFor(applicant, subset) >= target) best = subset.length
        }
        expect(r.count ?? Number.POSITIVE_INFINITY).toBe(best)
      }),
      { numRuns: 60 },
    )
  })

  it('follows the applicant’s own order when given', () => {
    const programs = generatePrograms({ specialty: 'internal-medicine', count: 30, seed: 5, priors })
    const order = programs.map((p) => p.id).reverse()
    const r = recommendApplicationCount(buildApplicant(), programs, priors, { target: 0.5, order })
    expect(r.order).toEqual(order)
    expect(r.ordering).toMatch(/own order/)
  })
})

describe('a student on a large specialty', () => {
  const programs = generatePrograms({ specialty: 'internal-medicine', count: 200, seed: 3, priors })
  const [applicant] = generateApplicants({ specialty: 'internal-medicine', count: 1, seed: 4 })
  const student = applicant as ApplicantProfile

  it('lists every program, most likely interview first, with tiers from the interview chance', () => {
    const list = buildProgramList(student, programs, priors)
    expect(list).toHaveLength(200)
    for (let i = 1; i < list.length; i++)
      expect((list[i] as { interview: { probability: number } }).interview.probability).toBeLessThanOrEqual(
        (list[i - 1] as { interview: { probability: number } }).interview.probability,
      )
    for (const entry of list) {
      const p = entry.interview.probability
      expect(entry.tier).toBe(p < 0.25 ? 'reach' : p >= 0.6 ? 'likely' : 'target')
      expect(entry.interviewAndMatch).toBeCloseTo(p * entry.matchIfInterviewed.probability, 12)
    }
    const bounds = interviewChanceBounds(student, programs, priors)
    programs.forEach((program, j) => {
      const chance = interviewChance(student, program, priors)
      expect(bounds.chance[j]).toBeCloseTo(chance.probability, 12)
      expect(bounds.low[j]).toBeCloseTo(chance.low, 12)
    })
  })

  it('spends signals where they gain most, and they raise the chance', () => {
    const plan = planSignals({ ...student, signalsAvailable: 3 }, programs, priors)
    expect(plan.signals).toHaveLength(3)
    expect(new Set(plan.signals.map((s) => s.programId)).size).toBe(3)
    expect(plan.chanceWith).toBeGreaterThan(plan.chanceWithout)
    for (const s of plan.signals) expect(s.interviewWith).toBeGreaterThan(s.interviewWithout)
    // The first choice is the best single signal: check against every program by recomputation.
    const base = { ...student, signalledProgramIds: [] }
    const rec = recommendApplicationCount(base, programs, priors)
    const list = rec.order.slice(0, rec.count ?? rec.order.length)
    const byId = new Map(programs.map((p) => [p.id, p]))
    const withSignal = (id: string): number => {
      const ids = list.includes(id) ? list : [...list, id]
      return chanceFor(
        { ...base, signalledProgramIds: [id] },
        ids.map((x) => byId.get(x) as ResidencyProgram),
      )
    }
    const bestGain = Math.max(...programs.map((p) => withSignal(p.id)))
    expect(withSignal((plan.signals[0] as { programId: string }).programId)).toBeCloseTo(bestGain, 9)
  })

  it('plans a backup specialty when the preferred one stays below the target', () => {
    const weak = buildApplicant({ applicantType: 'non-us-img', step2: 225, needsVisa: true })
    const fm = generatePrograms({ specialty: 'family-medicine', count: 150, seed: 9, priors })
    const plan = planBackup(weak, programs, fm, priors, { target: 0.8, reasonableCount: 40 })
    expect(plan.needed).toBe(true)
    expect(plan.preferred.chance).toBeLessThan(0.8)
    expect(plan.backup?.specialty).toBe('family-medicine')
    if (plan.reached) expect(plan.combinedChance).toBeGreaterThanOrEqual(0.8)
    const strong = buildApplicant({ step2: 262, alphaOmegaAlpha: true, clerkshipHonors: 6 })
    expect(planBackup(strong, programs, fm, priors, { target: 0.8 }).needed).toBe(false)
  })
})
