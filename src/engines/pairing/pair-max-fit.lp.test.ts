import fc from 'fast-check'
import loadHighs from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '#engines/match/random.ts'
import { pairMaxFit } from './pair-max-fit.ts'
import { maxFitInputArbitrary } from './testing/arbitraries.ts'
import { maxFitLp } from './testing/lp-max-fit.ts'
import type { FitEntry, PairMaxFitInput } from './types.ts'

type Highs = Awaited<ReturnType<typeof loadHighs>>
let highs: Highs

beforeAll(async () => {
  highs = await loadHighs()
})

/** The LP optimum from HiGHS; for `pairEveryone`, most pairs first, then the best fit among them. */
function lpOptimum(input: PairMaxFitInput): { pairs: number | null; fit: number } {
  const solve = (lp: string): number => {
    const solution = highs.solve(lp, { output_flag: false } as never)
    expect(solution.Status).toBe('Optimal')
    return solution.ObjectiveValue
  }
  if (!input.pairEveryone) return { pairs: null, fit: solve(maxFitLp(input).lp) }
  const pairs = Math.round(solve(maxFitLp(input, { cardinality: true }).lp))
  return { pairs, fit: solve(maxFitLp(input, { minPairs: pairs }).lp) }
}

function randomInput(seed: number, n: number, m: number, density: number, sparse: boolean): PairMaxFitInput {
  const random = createRandom(seed)
  const students = Array.from({ length: n }, (_, i) => `s${i}`)
  const mentors = Array.from({ length: m }, (_, j) => ({ id: `m${j}`, capacity: random.int(4) }))
  const popularity = mentors.map(() => random.next())
  // Real-valued fits with a shared popularity term, so students compete for the same mentors.
  const fit = students.map(() => mentors.map((_, j) => (random.next() < density ? 40 * random.next() + 60 * (popularity[j] as number) : Number.NaN)))
  const forbidden = Array.from({ length: Math.floor(n / 4) }, () => ({ student: `s${random.int(n)}`, mentor: `m${random.int(m)}` }))
  const entries: FitEntry[] = []
  for (const [i, row] of fit.entries()) for (const [j, f] of row.entries()) if (Number.isFinite(f)) entries.push({ student: `s${i}`, mentor: `m${j}`, fit: f })
  return { students, mentors, fit: sparse ? entries : fit, forbidden, maxPerMentor: 3 }
}

describe('pairMaxFit against the LP optimum (HiGHS)', () => {
  it('equals it on random small instances, both objectives', () => {
    fc.assert(
      fc.property(maxFitInputArbitrary({ maxStudents: 12, maxMentors: 8 }), (input) => {
        const result = pairMaxFit(input)
        const optimum = lpOptimum(input)
        if (optimum.pairs !== null) expect(result.pairs.length).toBe(optimum.pairs)
        expect(result.totalFit).toBeCloseTo(optimum.fit, 6)
      }),
      { numRuns: 100 },
    )
  })

  it.each([
    [1, 40, 60, 0.7, false],
    [2, 60, 40, 0.5, true],
    [3, 80, 240, 1, false],
    [4, 120, 90, 0.3, true],
  ] as const)('equals it on seeded medium instance %i (%i students × %i mentors)', (seed, n, m, density, sparse) => {
    for (const pairEveryone of [false, true]) {
      const input = { ...randomInput(seed, n, m, density, sparse), pairEveryone }
      const result = pairMaxFit(input)
      const optimum = lpOptimum(input)
      if (optimum.pairs !== null) expect(result.pairs.length).toBe(optimum.pairs)
      expect(Math.abs(result.totalFit - optimum.fit) / Math.max(1, Math.abs(optimum.fit))).toBeLessThan(1e-9)
      if (!pairEveryone) expect(Math.abs((result.upperBound as number) - optimum.fit) / optimum.fit).toBeLessThan(1e-9)
    }
  })
})
