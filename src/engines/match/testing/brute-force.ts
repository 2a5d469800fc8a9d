import { checkStability } from '../check-stability.ts'
import type { MatchAssignment, MatchInstance, MatchResult } from '../types.ts'

/**
 * Every stable matching of a tiny instance (singles and couples, no supplemental lists or
 * reversions), by trying every assignment. Exponential: for instances of a handful of agents.
 */
export function listStableMatchings(instance: MatchInstance): MatchResult[] {
  const inCouple = new Set((instance.couples ?? []).flatMap((c) => c.members))
  const singles = instance.applicants.filter((a) => !inCouple.has(a.id))
  type Choice = MatchAssignment[]
  const options: Choice[][] = [
    ...singles.map((a) => [[], ...a.ranks.map((program) => [{ applicant: a.id, program }])]),
    ...(instance.couples ?? []).map((c) => [
      [],
      ...c.ranks.map(([p, q]) => [
        ...(p === null ? [] : [{ applicant: c.members[0], program: p }]),
        ...(q === null ? [] : [{ applicant: c.members[1], program: q }]),
      ]),
    ]),
  ]
  const stable: MatchResult[] = []
  const pick = (i: number, chosen: MatchAssignment[]): void => {
    if (i === options.length) {
      const filled = new Map<string, number>()
      for (const m of chosen) filled.set(m.program, (filled.get(m.program) ?? 0) + 1)
      for (const program of instance.programs) {
        if ((filled.get(program.id) ?? 0) > program.capacity) return
      }
      for (const m of chosen) {
        if (!instance.programs.find((p) => p.id === m.program)?.ranks.includes(m.applicant)) return
      }
      const matched = new Set(chosen.map((m) => m.applicant))
      const result: MatchResult = {
        matches: chosen,
        unmatched: instance.applicants.map((a) => a.id).filter((id) => !matched.has(id)),
        programs: instance.programs.map((p) => ({ id: p.id, capacity: p.capacity, filled: filled.get(p.id) ?? 0 })),
        stats: { proposals: 0 },
      }
      if (checkStability(instance, result).length === 0) stable.push(result)
      return
    }
    for (const option of options[i] ?? []) pick(i + 1, [...chosen, ...option])
  }
  pick(0, [])
  return stable
}
