import { describe, expect, it } from 'vitest'
import { generateInstance } from '#engines/match/generate.ts'
import { solveMatch } from '#engines/match/index.ts'
import { singlesOnly } from './singles-only.ts'
import { textbookDeferredAcceptance } from './textbook-deferred-acceptance.ts'

describe('textbook deferred acceptance (bench baseline)', () => {
  it('agrees with the engine on a singles-only instance', () => {
    const instance = singlesOnly(generateInstance({ applicants: 800, programs: 110, couples: 20, seed: 8 }))
    expect(instance.couples).toBeUndefined()
    const baseline = textbookDeferredAcceptance(instance)
    const engine = solveMatch(instance)
    expect(new Map(engine.matches.map((m) => [m.applicant, m.program]))).toEqual(baseline.matches)
  })
})
