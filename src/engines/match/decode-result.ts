import type { CompiledInstance } from './compile-instance.ts'
import type { CompiledResult } from './solve-compiled.ts'
import type { MatchAssignment, MatchResult, MatchStats } from './types.ts'

/**
 * Turns the solver's integer result back into the result format v1: primary matches, PGY-1
 * positions from supplemental lists marked `supplemental: true` (the NRMP's rule for advanced
 * positions, Roth & Peranson 1999, AER 89(4):748–780), capacities after reversions. Output lists are in id
 * order, so the same instance gives byte-identical JSON whatever the order of its arrays.
 */
export function decodeResult(compiled: CompiledInstance, result: CompiledResult): MatchResult {
  const { programIds, applicantIds, coupleIds } = compiled
  const matches: MatchAssignment[] = []
  const unmatched: string[] = []
  for (let a = 0; a < compiled.applicantCount; a++) {
    const applicant = applicantIds[a] as string
    const program = result.applicantProgram[a] as number
    if (program < 0) {
      unmatched.push(applicant)
      continue
    }
    matches.push({ applicant, program: programIds[program] as string })
    const supplemental = result.supplementalProgram[a] as number
    if (supplemental >= 0) {
      matches.push({ applicant, program: programIds[supplemental] as string, supplemental: true })
    }
  }
  const programs = programIds.map((id, p) => ({
    id,
    capacity: result.programCapacity[p] as number,
    filled: result.programFilled[p] as number,
  }))
  const stats: MatchStats = { ...result.stats }
  const decoded: MatchResult = { matches, unmatched, programs, stats }
  if (result.unresolvedCouples.length > 0 || result.unresolvedApplicants.length > 0) {
    decoded.unresolved = {
      couples: result.unresolvedCouples.map((c) => coupleIds[c] as string),
      message: result.unresolvedMessage ?? 'no stable matching found within the work bound',
      ...(result.unresolvedApplicants.length > 0 ? { applicants: result.unresolvedApplicants.map((a) => applicantIds[a] as string) } : {}),
    }
  }
  return decoded
}
