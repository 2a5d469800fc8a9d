import { describe, expect, it } from 'vitest'
import { generateInstance } from '#engines/match/generate.ts'
import { solveMatch } from '#engines/match/index.ts'
import { plainDeferredAcceptance } from './plain-deferred-acceptance.ts'
import { singlesOnly } from './singles-only.ts'

describe('plain deferred acceptance (the match command’s yardstick)', () => {
  it.each([8, 9, 10])('finds the engine’s applicant-optimal matching on a singles market (seed %i)', (seed) => {
    const instance = singlesOnly(generateInstance({ applicants: 900, programs: 120, couples: 20, seed }))
    const plain = plainDeferredAcceptance(instance)
    const engine = solveMatch(instance)
    const byApplicant = (matches: { applicant: string; program: string }[]) => new Map(matches.map((m) => [m.applicant, m.program]))
    expect(byApplicant(plain.matches)).toEqual(byApplicant(engine.matches))
    expect(new Set(plain.unmatched)).toEqual(new Set(engine.unmatched))
    const filled = (programs: { id: string; filled: number }[]) => Object.fromEntries(programs.map((p) => [p.id, p.filled]))
    expect(filled(plain.programs)).toEqual(filled(engine.programs))
  })
})
