/**
 * Inputs and results of the pairing engine: pairing a whole class of students with mentors at
 * once for a formal mentor program. Ids are strings at the edges; the solvers work on integer
 * indices inside.
 */

/** One student–mentor pair, by id. */
export type PairKey = { student: string; mentor: string }

/** A mentor and the number of students they take in this program. */
export type MentorSeats = { id: string; capacity: number }

/** Fit of one allowed pair; pairs not listed are not allowed. */
export type FitEntry = { student: string; mentor: string; fit: number }

/**
 * Fit as a dense matrix, `fit[i][j]` for `students[i]` and `mentors[j]` (a non-finite entry —
 * `NaN`, `±Infinity` — means the pair is not allowed), or as a sparse list of allowed pairs.
 */
export type FitInput = readonly (readonly number[])[] | readonly FitEntry[]

export type PairMaxFitInput = {
  students: readonly string[]
  mentors: readonly MentorSeats[]
  fit: FitInput
  /** Pairs that must never be made (a mentor who grades the student, a conflict of interest). */
  forbidden?: readonly PairKey[]
  /** Pairs that must be kept (last year's pair, when both asked to continue). */
  keep?: readonly PairKey[]
  /** Upper bound on students per mentor for the whole program, on top of each capacity. */
  maxPerMentor?: number
  /**
   * false (default): maximise total fit; a student may stay unpaired, and a pair with fit ≤ 0
   * is never made, since it adds nothing. true: pair as many students as the allowed pairs and
   * capacities permit, and among those pairings maximise total fit (pairs of any fit are used).
   */
  pairEveryone?: boolean
}

export type PairedStudent = {
  student: string
  mentor: string
  fit: number
  /** Set on pairs that came from `keep`. */
  kept?: true
}

export type MentorFill = {
  id: string
  /** Capacity after `maxPerMentor`. */
  capacity: number
  filled: number
}

export type PairMaxFitResult = {
  /** In student id order. */
  pairs: PairedStudent[]
  /** Students left without a mentor, in id order. */
  unpaired: string[]
  /** In mentor id order. */
  mentors: MentorFill[]
  totalFit: number
  /**
   * An upper bound on the total fit of any feasible pairing, from a dual solution of the
   * assignment LP that is made feasible by construction (weak duality); equal to `totalFit` up
   * to rounding when the pairing is optimal. `null` with `pairEveryone`, whose objective is
   * lexicographic.
   */
  upperBound: number | null
  stats: {
    /** Allowed pairs given to the solver, after forbidden and kept pairs are removed. */
    edges: number
    /** Allowed pairs in the last restricted problem (all of them when solved directly). */
    candidateEdges: number
    /** Restricted solves before the dual check passed (0: solved on all pairs at once). */
    pricingRounds: number
    /** Shortest-path searches in the last solve, one per student not kept. */
    augmentations: number
    /** Mentors settled by those searches, all together. */
    mentorsSettled: number
    /** Students whose lists those searches scanned, all together. */
    rowsScanned: number
  }
}

export type StudentRanking = {
  id: string
  /** Mentor ids, most wanted first. */
  ranks: readonly string[]
}

export type MentorRanking = {
  id: string
  capacity: number
  /** Student ids, most wanted first. */
  ranks?: readonly string[]
  /**
   * Or a score per student id, higher preferred (ties by student id). Students without a
   * finite score are not acceptable to the mentor. With neither `ranks` nor `scores`, the
   * mentor accepts every student in student id order.
   */
  scores?: Readonly<Record<string, number>>
}

export type PairStableInput = {
  students: readonly StudentRanking[]
  mentors: readonly MentorRanking[]
  forbidden?: readonly PairKey[]
  /** Pairs fixed before matching: the student leaves the market, the mentor loses a seat. */
  keep?: readonly PairKey[]
}

export type PairStableResult = {
  /** In student id order. */
  pairs: (PairKey & { kept?: true })[]
  unpaired: string[]
  mentors: MentorFill[]
  /** The match engine's counters. */
  stats: { proposals: number }
}
