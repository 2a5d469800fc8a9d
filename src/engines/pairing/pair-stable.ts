import { solveMatch, validateInstance, type MatchInstance } from '#engines/match/index.ts'
import { PairingError } from './pairing-error.ts'
import type { MentorFill, PairKey, PairStableInput, PairStableResult } from './types.ts'

const pairKey = (student: string, mentor: string): string => `${student}\u0000${mentor}`

/**
 * Pairs a class when students rank mentors: student-proposing deferred acceptance for a
 * many-to-one market with capacities (Gale & Shapley 1962; Roth & Sotomayor 1990, ch. 5), run
 * by the residency match engine (`solveMatch`) with students as applicants and mentors as
 * programs. The result is stable — no student and mentor both prefer each other to what they
 * got — and the best stable pairing for every student; no student gains by misreporting their
 * list (Dubins & Freedman 1981; Roth 1982).
 *
 * Before matching, forbidden pairs are removed from both sides' lists, so they can never be
 * made or block. Kept pairs are fixed first: the student leaves the market and the mentor has
 * one seat fewer; the rest is stable among itself. A mentor's order comes from `ranks`, else
 * from `scores` (highest first, ties by student id), else every student in id order.
 * Throws `PairingError` on unknown or repeated ids, a forbidden or over-capacity kept pair.
 */
export function pairStable(input: PairStableInput): PairStableResult {
  const studentIds = new Set<string>()
  input.students.forEach((s, i) => {
    if (studentIds.has(s.id)) throw new PairingError(`students[${i}].id`, `"${s.id}" appears twice`)
    studentIds.add(s.id)
  })
  const mentorIds = new Set<string>()
  input.mentors.forEach((m, j) => {
    if (mentorIds.has(m.id)) throw new PairingError(`mentors[${j}].id`, `"${m.id}" appears twice`)
    if (!Number.isInteger(m.capacity) || m.capacity < 0) throw new PairingError(`mentors[${j}].capacity`, 'must be an integer ≥ 0')
    mentorIds.add(m.id)
  })
  const known = (path: string, pair: PairKey): void => {
    if (!studentIds.has(pair.student)) throw new PairingError(`${path}.student`, `unknown student id "${pair.student}"`)
    if (!mentorIds.has(pair.mentor)) throw new PairingError(`${path}.mentor`, `unknown mentor id "${pair.mentor}"`)
  }
  const forbidden = new Set<string>()
  ;(input.forbidden ?? []).forEach((pair, k) => {
    known(`forbidden[${k}]`, pair)
    forbidden.add(pairKey(pair.student, pair.mentor))
  })

  const seats = new Map(input.mentors.map((m) => [m.id, m.capacity]))
  const kept = new Map<string, string>()
  ;(input.keep ?? []).forEach((pair, k) => {
    known(`keep[${k}]`, pair)
    if (forbidden.has(pairKey(pair.student, pair.mentor))) throw new PairingError(`keep[${k}]`, 'a kept pair is also forbidden')
    if (kept.has(pair.student)) throw new PairingError(`keep[${k}].student`, `"${pair.student}" is kept twice`)
    const left = seats.get(pair.mentor) as number
    if (left <= 0) throw new PairingError(`keep[${k}].mentor`, `kept pairs exceed the capacity of "${pair.mentor}"`)
    seats.set(pair.mentor, left - 1)
    kept.set(pair.student, pair.mentor)
  })

  const inMarket = (student: string): boolean => studentIds.has(student) && !kept.has(student)
  const sortedStudents = [...studentIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const instance: MatchInstance = {
    programs: input.mentors.map((m, j) => {
      let ranks: readonly string[]
      if (m.ranks !== undefined) ranks = m.ranks
      else if (m.scores !== undefined) {
        const scores = m.scores
        ranks = sortedStudents
          .filter((s) => Object.hasOwn(scores, s) && Number.isFinite(scores[s]))
          .sort((a, b) => (scores[b] as number) - (scores[a] as number))
      } else ranks = sortedStudents
      ranks.forEach((s, k) => {
        if (!studentIds.has(s)) throw new PairingError(`mentors[${j}].ranks[${k}]`, `unknown student id "${s}"`)
      })
      return {
        id: m.id,
        capacity: seats.get(m.id) as number,
        ranks: ranks.filter((s) => inMarket(s) && !forbidden.has(pairKey(s, m.id))),
      }
    }),
    applicants: input.students
      .filter((s) => !kept.has(s.id))
      .map((s) => {
        const i = input.students.indexOf(s)
        s.ranks.forEach((mentor, k) => {
          if (!mentorIds.has(mentor)) throw new PairingError(`students[${i}].ranks[${k}]`, `unknown mentor id "${mentor}"`)
        })
        return { id: s.id, ranks: s.ranks.filter((mentor) => !forbidden.has(pairKey(s.id, mentor))) }
      }),
  }
  // The match engine's own checks (a list naming someone twice) report the instance path.
  const result = solveMatch(validateInstance(instance))

  const mentorOf = new Map<string, string>(result.matches.map((m) => [m.applicant, m.program]))
  const filled = new Map<string, number>()
  const pairs: PairStableResult['pairs'] = []
  const unpaired: string[] = []
  for (const student of sortedStudents) {
    const keptMentor = kept.get(student)
    const mentor = keptMentor ?? mentorOf.get(student)
    if (mentor === undefined) {
      unpaired.push(student)
      continue
    }
    filled.set(mentor, (filled.get(mentor) ?? 0) + 1)
    pairs.push(keptMentor === undefined ? { student, mentor } : { student, mentor, kept: true })
  }
  const mentors: MentorFill[] = [...input.mentors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => ({ id: m.id, capacity: m.capacity, filled: filled.get(m.id) ?? 0 }))
  return { pairs, unpaired, mentors, stats: { proposals: result.stats.proposals } }
}
