import type { BlockingPair, MatchInstance, MatchResult } from './types.ts'

/**
 * Lists every blocking pair of `result` for `instance`, straight from the definitions in
 * docs/match.md (Roth & Peranson 1999, AER 89(4):748–780, section on couples; the NRMP's
 * rules). Deliberately independent of the solver — string ids, maps, no shared code — so that
 * tests and benchmarks can use it to judge the solver.
 *
 * - A single applicant `a` and program `p` block when `a` ranks `p` above its match and `p`
 *   ranked `a` and has a free seat or holds someone it ranks below `a`.
 * - A couple and a line `(p, q)` it ranks above its match block when each named program would
 *   take its member, counting the seats the couple itself holds as free; when `p = q` the
 *   program must have room for both among the applicants it prefers.
 * - An applicant matched to an advanced program blocks with a PGY-1 program of the supplemental
 *   list attached to that program, by the same test as a single.
 *
 * Capacities are those the result reports (after reversions). An empty array means stable.
 */
export function checkStability(instance: MatchInstance, result: MatchResult): BlockingPair[] {
  const capacity = new Map<string, number>()
  for (const program of instance.programs) capacity.set(program.id, program.capacity)
  for (const program of result.programs) capacity.set(program.id, program.capacity)

  const rankOf = new Map<string, Map<string, number>>()
  for (const program of instance.programs) {
    rankOf.set(program.id, new Map(program.ranks.map((applicant, k) => [applicant, k])))
  }

  const primary = new Map<string, string>()
  const supplemental = new Map<string, string>()
  const heldBy = new Map<string, { applicant: string; supplemental: boolean }[]>()
  for (const match of result.matches) {
    if (match.supplemental) supplemental.set(match.applicant, match.program)
    else primary.set(match.applicant, match.program)
    const held = heldBy.get(match.program) ?? []
    held.push({ applicant: match.applicant, supplemental: match.supplemental === true })
    heldBy.set(match.program, held)
  }

  /**
   * Would `program` take all of `joining`, counting as free the seats of `leaving` — their
   * primary positions only: a couple member who keeps an advanced position keeps the
   * supplemental position that goes with it. An applicant's own seat in the program (a
   * supplemental one, when it joins as a single) is free too.
   */
  const wouldTake = (program: string, joining: string[], leaving: string[]): boolean => {
    const ranks = rankOf.get(program)
    if (ranks === undefined) return false
    let worst = -1
    for (const applicant of joining) {
      const rank = ranks.get(applicant)
      if (rank === undefined) return false
      worst = Math.max(worst, rank)
    }
    let preferred = 0
    for (const { applicant: other, supplemental: isSupplemental } of heldBy.get(program) ?? []) {
      if (joining.includes(other) && (leaving.length === 0 || !isSupplemental)) continue
      if (leaving.includes(other) && !isSupplemental) continue
      const rank = ranks.get(other)
      if (rank !== undefined && rank < worst) preferred++
    }
    return preferred + joining.length <= (capacity.get(program) ?? 0)
  }

  const blocking: BlockingPair[] = []
  const inCouple = new Set<string>()
  for (const couple of instance.couples ?? []) for (const member of couple.members) inCouple.add(member)

  for (const applicant of instance.applicants) {
    if (inCouple.has(applicant.id)) continue
    const current = primary.get(applicant.id)
    const currentIndex = current === undefined ? -1 : applicant.ranks.indexOf(current)
    const better = currentIndex < 0 ? applicant.ranks : applicant.ranks.slice(0, currentIndex)
    for (const program of better) {
      if (program !== current && wouldTake(program, [applicant.id], [])) {
        blocking.push({ kind: 'single', applicant: applicant.id, program })
      }
    }
  }

  for (const couple of instance.couples ?? []) {
    const [first, second] = couple.members
    const now: [string | null, string | null] = [primary.get(first) ?? null, primary.get(second) ?? null]
    let currentIndex = couple.ranks.findIndex(([p, q]) => p === now[0] && q === now[1])
    if (currentIndex < 0) currentIndex = couple.ranks.length
    for (const [p, q] of couple.ranks.slice(0, currentIndex)) {
      const leaving = [first, second]
      const takes =
        p !== null && p === q
          ? wouldTake(p, [first, second], leaving)
          : (p === null || wouldTake(p, [first], leaving)) && (q === null || wouldTake(q, [second], leaving))
      if (takes) blocking.push({ kind: 'couple', couple: couple.id, programs: [p, q] })
    }
  }

  const advanced = new Set(instance.programs.filter((p) => p.track === 'advanced').map((p) => p.id))
  for (const applicant of instance.applicants) {
    const program = primary.get(applicant.id)
    if (program === undefined || !advanced.has(program)) continue
    const list = (applicant.supplemental ?? []).find((candidate) => candidate.for.includes(program))
    if (list === undefined) continue
    const current = supplemental.get(applicant.id)
    const currentIndex = current === undefined ? -1 : list.ranks.indexOf(current)
    const better = currentIndex < 0 ? list.ranks : list.ranks.slice(0, currentIndex)
    for (const candidate of better) {
      if (candidate !== current && wouldTake(candidate, [applicant.id], [])) {
        blocking.push({ kind: 'supplemental', applicant: applicant.id, program: candidate })
      }
    }
  }
  return blocking
}
