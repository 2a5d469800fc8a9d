/**
 * The match engine's public types: the instance and result of `docs/formats/match-instance.md`
 * (format v1). Everything inside the engine works on integer ids; strings exist only here,
 * at the edges.
 */

export const PROGRAM_TRACKS = ['categorical', 'advanced', 'preliminary', 'reserved'] as const
export type ProgramTrack = (typeof PROGRAM_TRACKS)[number]

export type ProgramInput = {
  id: string
  capacity: number
  /** The program's rank order list, most preferred first. */
  ranks: string[]
  track?: ProgramTrack
  /** Program that receives this program's unfilled positions (an NRMP reversion). */
  revertTo?: string
}

export type SupplementalListInput = {
  /** Advanced programs this PGY-1 list belongs to. */
  for: string[]
  ranks: string[]
}

export type ApplicantInput = {
  id: string
  ranks: string[]
  supplemental?: SupplementalListInput[]
}

/** One line of a couple's joint list; `null` means "no match" for that partner. */
export type CoupleRankLine = [string | null, string | null]

export type CoupleInput = {
  id: string
  members: [string, string]
  ranks: CoupleRankLine[]
}

export type MatchInstance = {
  programs: ProgramInput[]
  applicants: ApplicantInput[]
  couples?: CoupleInput[]
}

export type MatchAssignment = {
  applicant: string
  program: string
  /** Set on the PGY-1 position matched from a supplemental list. */
  supplemental?: true
}

export type ProgramFill = {
  id: string
  /** Capacity after reversions. */
  capacity: number
  filled: number
}

/** Counters from the engine; the caller adds wall-clock time (`ms`), the engine reads no clock. */
export type MatchStats = {
  proposals: number
  ms?: number
  [counter: string]: number | undefined
}

export type MatchResult = {
  matches: MatchAssignment[]
  unmatched: string[]
  programs: ProgramFill[]
  stats: MatchStats
  /**
   * Present only when the engine stopped on couples it could not place stably within its
   * bounded work (with couples a stable matching need not exist).
   */
  unresolved?: {
    couples: string[]
    message: string
    /**
     * Applicants outside couples left blocking; only supplemental lists (which link an advanced
     * position to a PGY-1 one) can cause this. Absent when empty.
     */
    applicants?: string[]
  }
}

/** Bounds on the solver's work; every field has a default sized for a national match. */
export type SolveOptions = {
  /**
   * Hard cap on work units (proposals plus instability-chain steps) per run of the algorithm.
   * Default: 40 × (rank entries) + 1,000,000.
   */
  maxWork?: number
  /**
   * How many times one couple, applicant or supplemental list may be pulled back up its list
   * by an instability chain before the run is declared a loop (Roth & Peranson's loop
   * detection). Default: 30.
   */
  maxReentries?: number
  /**
   * When a run leaves anyone blocking (after a loop), it is repeated with the couples entered in
   * another fixed order, up to this many runs in all; the run with the fewest blocking couples
   * and applicants is kept. Default: 4. A simulator repeating the match may prefer 1.
   */
  attempts?: number
}

export const BLOCKING_KINDS = ['single', 'couple', 'supplemental'] as const
export type BlockingKind = (typeof BLOCKING_KINDS)[number]

/**
 * A blocking pair (or blocking couple): an applicant or couple and the program(s) that would
 * both rather be matched to each other than keep what the result gives them.
 */
export type BlockingPair =
  | { kind: 'single'; applicant: string; program: string }
  | { kind: 'supplemental'; applicant: string; program: string }
  | { kind: 'couple'; couple: string; programs: [string | null, string | null] }
