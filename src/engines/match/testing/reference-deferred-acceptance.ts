import type { MatchInstance } from '../types.ts'

/**
 * Textbook applicant-proposing deferred acceptance (Gale & Shapley 1962, with capacities), on
 * string ids and plain arrays — written to be obviously correct, not fast. Singles only: the
 * instance must have no couples, supplemental lists or reversions. Returns applicant → program.
 */
export function referenceDeferredAcceptance(instance: MatchInstance): Map<string, string> {
  const capacity = new Map(instance.programs.map((p) => [p.id, p.capacity]))
  const rank = new Map(instance.programs.map((p) => [p.id, p.ranks]))
  const held = new Map<string, string[]>(instance.programs.map((p) => [p.id, []]))
  const next = new Map(instance.applicants.map((a) => [a.id, 0]))
  const lists = new Map(instance.applicants.map((a) => [a.id, a.ranks]))
  const free = instance.applicants.map((a) => a.id)

  while (free.length > 0) {
    const applicant = free.pop() as string
    const list = lists.get(applicant) ?? []
    const k = next.get(applicant) ?? 0
    if (k >= list.length) continue // exhausted: stays unmatched
    next.set(applicant, k + 1)
    const program = list[k] as string
    const programRanks = rank.get(program) ?? []
    if (!programRanks.includes(applicant)) {
      free.push(applicant)
      continue
    }
    const holding = [...(held.get(program) ?? []), applicant]
    holding.sort((x, y) => programRanks.indexOf(x) - programRanks.indexOf(y))
    const keep = holding.slice(0, capacity.get(program) ?? 0)
    const rejected = holding.slice(keep.length)
    held.set(program, keep)
    free.push(...rejected)
  }

  const matching = new Map<string, string>()
  for (const [program, applicants] of held) for (const applicant of applicants) matching.set(applicant, program)
  return matching
}
