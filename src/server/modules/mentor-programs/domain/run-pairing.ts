import { pairMaxFit, pairStable, type FitEntry, type PairKey } from '#engines/pairing/index.ts'
import { recommendMentors, type RecommendMentor, type RecommendStudent } from '#engines/recommend/index.ts'
import type { PairingMethod } from '#shared/contracts/mentor-programs.ts'
import { pairKey } from './program-rules.ts'

/**
 * One pairing run of a formal mentor program, pure: fit of every allowed pair from the
 * recommendation engine's score (the same factors and reasons as "Mentors for you"), then
 * `pairStable` (students rank; mentors prefer the students they fit best) or `pairMaxFit`
 * (largest total fit, pairing as many students as the seats allow). Hard constraints go to the
 * engines as `forbidden` and `keep`, so the result meets them by construction; the service
 * checks them again before it writes.
 */

export type PairingInput = {
  method: PairingMethod
  students: readonly RecommendStudent[]
  /** The program's mentors with their seats (already capped by the program's maximum). */
  mentors: readonly (RecommendMentor & { seats: number })[]
  forbidden: readonly PairKey[]
  /** Pairs both sides asked to keep. */
  keep: readonly PairKey[]
  /** Student-ranks: each student's ranking, mentor ids first choice first. */
  rankings: ReadonlyMap<string, readonly string[]>
}

export type FitOfPair = { fit: number; reasons: string[] }

export type PairingOutput = {
  pairs: { student: string; mentor: string; fit: number; reasons: string[]; kept: boolean }[]
  /** Student id → mentor id → fit and reasons, for every allowed pair. */
  fit: Map<string, Map<string, FitOfPair>>
  totalFit: number
  /** Max-fit: the engine's dual bound on any pairing's total fit. */
  upperBound: number | null
  /** Kept pairs dropped because they broke a constraint (a conflict, or more than the seats). */
  droppedKeeps: PairKey[]
}

/** Fit of every pair that may be made: the program's mentors with a seat, no conflict, not the student. */
export function fitOfAllowedPairs(input: Pick<PairingInput, 'students' | 'mentors' | 'forbidden'>): Map<string, Map<string, FitOfPair>> {
  const forbidden = new Set(input.forbidden.map((p) => pairKey(p.student, p.mentor)))
  // Every program mentor is scored as accepting with a free place: the program's seats, not
  // the directory's open places, decide who may be paired.
  const engineMentors = input.mentors.filter((m) => m.seats > 0).map((m) => ({ ...m, accepting: true, capacity: Math.max(1, m.capacity) }))
  const openPlaces = Object.fromEntries(engineMentors.map((m) => [m.id, Math.max(1, m.seats)]))
  const fit = new Map<string, Map<string, FitOfPair>>()
  for (const student of input.students) {
    const row = new Map<string, FitOfPair>()
    for (const r of recommendMentors(student, engineMentors, { openPlaces })) {
      if (forbidden.has(pairKey(student.id, r.mentorId))) continue
      row.set(r.mentorId, { fit: Math.round(r.score * 100) / 100, reasons: r.reasons })
    }
    fit.set(student.id, row)
  }
  return fit
}

export function runPairing(input: PairingInput): PairingOutput {
  const studentIds = new Set(input.students.map((s) => s.id))
  const seats = new Map(input.mentors.map((m) => [m.id, m.seats]))
  const forbidden = input.forbidden.filter((p) => studentIds.has(p.student) && seats.has(p.mentor))
  const forbiddenKeys = new Set(forbidden.map((p) => pairKey(p.student, p.mentor)))
  const fit = fitOfAllowedPairs({ ...input, forbidden })

  // Kept pairs that still fit the program: both in it, no conflict, a seat left, once per student.
  const keep: PairKey[] = []
  const droppedKeeps: PairKey[] = []
  const keptPerMentor = new Map<string, number>()
  const keptStudents = new Set<string>()
  for (const pair of [...input.keep].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))) {
    const left = (seats.get(pair.mentor) ?? 0) - (keptPerMentor.get(pair.mentor) ?? 0)
    if (
      !studentIds.has(pair.student) ||
      !seats.has(pair.mentor) ||
      forbiddenKeys.has(pairKey(pair.student, pair.mentor)) ||
      keptStudents.has(pair.student) ||
      left <= 0 ||
      pair.student === pair.mentor
    ) {
      droppedKeeps.push(pair)
      continue
    }
    keep.push(pair)
    keptStudents.add(pair.student)
    keptPerMentor.set(pair.mentor, (keptPerMentor.get(pair.mentor) ?? 0) + 1)
  }
  const selfPairs = input.students.filter((s) => seats.has(s.id)).map((s) => ({ student: s.id, mentor: s.id }))
  const allForbidden = [...forbidden, ...selfPairs]
  const fitOf = (student: string, mentor: string) => fit.get(student)?.get(mentor)

  let result: { student: string; mentor: string; kept?: true }[]
  let upperBound: number | null = null
  if (input.method === 'max-fit') {
    const entries: FitEntry[] = []
    for (const [student, row] of fit) for (const [mentor, f] of row) entries.push({ student, mentor, fit: f.fit })
    // A kept pair must be an allowed pair for the engine, whatever its fit.
    for (const k of keep) if (!fitOf(k.student, k.mentor)) entries.push({ student: k.student, mentor: k.mentor, fit: 0 })
    const out = pairMaxFit({
      students: [...studentIds],
      mentors: input.mentors.map((m) => ({ id: m.id, capacity: m.seats })),
      fit: entries,
      forbidden: allForbidden,
      keep,
      pairEveryone: true,
    })
    result = out.pairs
    upperBound = out.upperBound
  } else {
    const out = pairStable({
      students: input.students.map((s) => ({ id: s.id, ranks: (input.rankings.get(s.id) ?? []).filter((m) => seats.has(m)) })),
      mentors: input.mentors.map((m) => ({
        id: m.id,
        capacity: m.seats,
        scores: Object.fromEntries(input.students.map((s) => [s.id, fitOf(s.id, m.id)?.fit ?? 0])),
      })),
      forbidden: allForbidden,
      keep,
    })
    result = out.pairs
  }
  const pairs = result.map((p) => {
    const f = fitOf(p.student, p.mentor)
    return { student: p.student, mentor: p.mentor, fit: f?.fit ?? 0, reasons: f?.reasons ?? [], kept: p.kept === true }
  })
  const totalFit = Math.round(pairs.reduce((sum, p) => sum + p.fit, 0) * 100) / 100
  return { pairs, fit, totalFit, upperBound, droppedKeeps }
}
