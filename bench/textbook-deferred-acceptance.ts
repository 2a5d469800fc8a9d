/**
 * Textbook applicant-proposing deferred acceptance (Gale & Shapley 1962), written the plain
 * way — string ids, Maps, a sorted array of held applicants per program — as the baseline the
 * match engine is measured against. Singles only: no couples, supplemental lists or reversions.
 */
import type { MatchInstance } from '#engines/match/types.ts'

export type TextbookResult = { matches: Map<string, string>; proposals: number }

export function textbookDeferredAcceptance(instance: MatchInstance): TextbookResult {
  const programRank = new Map<string, Map<string, number>>()
  const capacity = new Map<string, number>()
  const held = new Map<string, string[]>()
  for (const program of instance.programs) {
    const ranks = new Map<string, number>()
    for (const [k, applicant] of program.ranks.entries()) ranks.set(applicant, k)
    programRank.set(program.id, ranks)
    capacity.set(program.id, program.capacity)
    held.set(program.id, [])
  }
  const lists = new Map<string, string[]>()
  const next = new Map<string, number>()
  const free: string[] = []
  for (const applicant of instance.applicants) {
    lists.set(applicant.id, applicant.ranks)
    next.set(applicant.id, 0)
    free.push(applicant.id)
  }
  let proposals = 0
  while (free.length > 0) {
    const applicant = free.pop() as string
    const list = lists.get(applicant) as string[]
    const k = next.get(applicant) as number
    if (k >= list.length) continue
    next.set(applicant, k + 1)
    const program = list[k] as string
    proposals++
    const ranks = programRank.get(program) as Map<string, number>
    if (!ranks.has(applicant) || (capacity.get(program) as number) === 0) {
      free.push(applicant)
      continue
    }
    const holding = held.get(program) as string[]
    holding.push(applicant)
    holding.sort((x, y) => (ranks.get(x) as number) - (ranks.get(y) as number))
    if (holding.length > (capacity.get(program) as number)) free.push(holding.pop() as string)
  }
  const matches = new Map<string, string>()
  for (const [program, holding] of held) for (const applicant of holding) matches.set(applicant, program)
  return { matches, proposals }
}
