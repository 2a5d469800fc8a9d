import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkStability } from './check-stability.ts'
import { solveMatch } from './solve-match.ts'
import { instanceArbitrary, shuffleInstance } from './testing/arbitraries.ts'
import { listStableMatchings } from './testing/brute-force.ts'
import { referenceDeferredAcceptance } from './testing/reference-deferred-acceptance.ts'
import type { MatchInstance, MatchResult } from './types.ts'
import { validateInstance } from './validate-instance.ts'

const everything = instanceArbitrary({ couples: true, supplemental: true, reversions: true })
const singlesOnly = instanceArbitrary()

function assertFeasible(instance: MatchInstance, result: MatchResult): void {
  const capacity = new Map(result.programs.map((p) => [p.id, p]))
  const filled = new Map<string, number>()
  for (const m of result.matches) filled.set(m.program, (filled.get(m.program) ?? 0) + 1)
  for (const program of result.programs) {
    expect(filled.get(program.id) ?? 0).toBe(program.filled)
    expect(program.filled).toBeLessThanOrEqual(program.capacity)
  }
  const before = instance.programs.reduce((sum, p) => sum + p.capacity, 0)
  const after = result.programs.reduce((sum, p) => sum + p.capacity, 0)
  expect(after).toBe(before)

  // Mutual acceptability: the program ranked the applicant, and the applicant (or couple)
  // ranked the program, on the list the position came from.
  const programs = new Map(instance.programs.map((p) => [p.id, p]))
  const applicants = new Map(instance.applicants.map((a) => [a.id, a]))
  const primary = new Map<string, string>()
  for (const m of result.matches) {
    expect(programs.get(m.program)?.ranks).toContain(m.applicant)
    if (!m.supplemental) primary.set(m.applicant, m.program)
    expect(capacity.has(m.program)).toBe(true)
  }
  const inCouple = new Set<string>()
  for (const couple of instance.couples ?? []) {
    const [first, second] = couple.members
    inCouple.add(first)
    inCouple.add(second)
    const pair = [primary.get(first) ?? null, primary.get(second) ?? null]
    if (pair[0] !== null || pair[1] !== null) {
      expect(couple.ranks.map((line) => JSON.stringify(line))).toContain(JSON.stringify(pair))
    }
  }
  for (const m of result.matches) {
    const applicant = applicants.get(m.applicant)
    if (m.supplemental) {
      const advanced = primary.get(m.applicant) as string
      expect(programs.get(advanced)?.track).toBe('advanced')
      const list = applicant?.supplemental?.find((s) => s.for.includes(advanced))
      expect(list?.ranks).toContain(m.program)
    } else if (!inCouple.has(m.applicant)) {
      expect(applicant?.ranks).toContain(m.program)
    }
  }
  const matched = new Set(result.matches.map((m) => m.applicant))
  expect(new Set(result.unmatched)).toEqual(new Set(instance.applicants.map((a) => a.id).filter((id) => !matched.has(id))))
}

describe('solveMatch properties', () => {
  it('generated instances are valid', () => {
    fc.assert(
      fc.property(everything, (instance) => void validateInstance(instance)),
      { numRuns: 200 },
    )
  })

  it('respects capacities and mutual acceptability, and conserves positions', () => {
    fc.assert(
      fc.property(everything, (instance) => assertFeasible(instance, solveMatch(instance))),
      { numRuns: 300 },
    )
  })

  it('is stable; only couples and applicants it reports as unresolved may block', () => {
    fc.assert(
      fc.property(everything, (instance) => {
        const result = solveMatch(instance)
        const blocking = checkStability(instance, result)
        const couples = new Set(result.unresolved?.couples ?? [])
        const applicants = new Set(result.unresolved?.applicants ?? [])
        for (const b of blocking) {
          expect(b.kind === 'couple' ? couples.has(b.couple) : applicants.has(b.applicant)).toBe(true)
        }
        if (blocking.length === 0) expect(result.unresolved).toBeUndefined()
      }),
      { numRuns: 400 },
    )
  })

  it('does not depend on the order of the input arrays', () => {
    fc.assert(
      fc.property(everything, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (instance, seed) => {
        expect(solveMatch(shuffleInstance(instance, seed))).toEqual(solveMatch(instance))
      }),
      { numRuns: 300 },
    )
  })

  it('equals textbook deferred acceptance on singles-only instances', () => {
    fc.assert(
      fc.property(singlesOnly, (instance) => {
        const result = solveMatch(instance)
        const engine = new Map(result.matches.map((m) => [m.applicant, m.program]))
        expect(engine).toEqual(referenceDeferredAcceptance(instance))
        expect(checkStability(instance, result)).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('with reversions and singles only: the applicant-optimal stable matching for the capacities after reversions', () => {
    // Each reversion round reruns deferred acceptance; a round that only repaired the last
    // matching (offering the moved seats along vacancy chains) could end in another stable
    // matching, worse for applicants.
    fc.assert(
      fc.property(instanceArbitrary({ reversions: true, maxPrograms: 8, maxApplicants: 20 }), (instance) => {
        const result = solveMatch(instance)
        const after = new Map(result.programs.map((p) => [p.id, p.capacity]))
        const rerun = { ...instance, programs: instance.programs.map(({ revertTo: _, ...p }) => ({ ...p, capacity: after.get(p.id) as number })) }
        const engine = new Map(result.matches.map((m) => [m.applicant, m.program]))
        expect(engine).toEqual(referenceDeferredAcceptance(rerun))
      }),
      { numRuns: 400 },
    )
  })

  it('with couples: stable whenever exhaustive search finds a stable matching, unresolved when none exists', () => {
    // Finding a stable matching with couples is NP-complete and the engine's search is bounded,
    // so "stable whenever one exists" is not a theorem; a fixed seed keeps this a regression
    // test over a fixed sample of small markets rather than a flaky one.
    fc.assert(
      fc.property(instanceArbitrary({ couples: true, maxPrograms: 3, maxApplicants: 6 }), (instance) => {
        const result = solveMatch(instance)
        const exists = listStableMatchings(instance).length > 0
        expect(checkStability(instance, result).length === 0).toBe(exists)
        expect(result.unresolved === undefined).toBe(exists)
      }),
      { numRuns: 300, seed: 20260401 },
    )
  })

  it('larger singles-only instances: still the applicant-optimal stable matching', () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxPrograms: 15, maxApplicants: 60 }), (instance) => {
        const engine = new Map(solveMatch(instance).matches.map((m) => [m.applicant, m.program]))
        expect(engine).toEqual(referenceDeferredAcceptance(instance))
      }),
      { numRuns: 100 },
    )
  })
})
