import { compileInstance } from './compile-instance.ts'
import { decodeResult } from './decode-result.ts'
import { solveCompiled } from './solve-compiled.ts'
import type { MatchInstance, MatchResult, SolveOptions } from './types.ts'

/**
 * Runs the residency match on one instance: compile, solve (Roth & Peranson 1999, AER
 * 89(4):748–780, applicant-proposing, with the NRMP's couples, supplemental-list and reversion
 * rules), decode. The instance must have passed `validateInstance`. `stats.ms` is left to the
 * caller: the engine reads no clock.
 */
export function solveMatch(instance: MatchInstance, options?: SolveOptions): MatchResult {
  const compiled = compileInstance(instance)
  return decodeResult(compiled, solveCompiled(compiled, options))
}
