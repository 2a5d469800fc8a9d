import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileInstance, withProgramRanks } from './compile-instance.ts'
import { decodeResult } from './decode-result.ts'
import { solveCompiled } from './solve-compiled.ts'
import { instanceArbitrary } from './testing/arbitraries.ts'
import type { MatchInstance } from './types.ts'

const instance: MatchInstance = {
  programs: [
    { id: 'B', capacity: 1, ranks: ['y', 'x'] },
    { id: 'A', capacity: 2, ranks: ['x', 'z'] },
  ],
  applicants: [
    { id: 'z', ranks: ['A'] },
    { id: 'x', ranks: ['B', 'A'] },
    { id: 'y', ranks: ['B'] },
  ],
}

describe('compileInstance', () => {
  it('numbers programs and applicants in id order', () => {
    const compiled = compileInstance(instance)
    expect(compiled.programIds).toEqual(['A', 'B'])
    expect(compiled.applicantIds).toEqual(['x', 'y', 'z'])
    expect([...compiled.programRankApplicants]).toEqual([0, 2, 1, 0])
    expect([...compiled.programRankStart]).toEqual([0, 2, 4])
  })

  it("stores each program's rank of each listing applicant next to the applicant's entry", () => {
    const compiled = compileInstance(instance)
    // x ranks B (which ranks x second) then A (which ranks x first); y ranks B (first); z ranks A (second).
    expect([...compiled.entryProgram]).toEqual([1, 0, 1, 0])
    expect([...compiled.entryRank]).toEqual([1, 0, 0, 1])
  })
})

describe('withProgramRanks', () => {
  it('equals compiling the instance with the replaced lists', () => {
    fc.assert(
      fc.property(instanceArbitrary({ couples: true, supplemental: true, reversions: true }), (generated) => {
        const reversed: MatchInstance = {
          ...generated,
          programs: generated.programs.map((p) => ({ ...p, ranks: [...p.ranks].reverse() })),
        }
        const compiled = compileInstance(generated)
        const replaced = withProgramRanks(compiled, (p) => {
          const from = compiled.programRankStart[p] as number
          const to = compiled.programRankStart[p + 1] as number
          return compiled.programRankApplicants.slice(from, to).reverse()
        })
        const direct = compileInstance(reversed)
        expect(replaced.entryRank).toEqual(direct.entryRank)
        expect(replaced.programRankPrimaryEntry).toEqual(direct.programRankPrimaryEntry)
        expect(decodeResult(replaced, solveCompiled(replaced))).toEqual(decodeResult(direct, solveCompiled(direct)))
        // The original is untouched.
        expect(compiled.entryRank).toEqual(compileInstance(generated).entryRank)
      }),
      { numRuns: 150 },
    )
  })
})
