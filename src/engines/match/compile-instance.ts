import { PROGRAM_TRACKS, type MatchInstance, type ProgramTrack } from './types.ts'

/**
 * A match instance in integer form, built once by `compileInstance` and read by the solver.
 *
 * Programs, applicants and couples are numbered in the order of their sorted ids, so the
 * solver's result does not depend on the order of the input arrays.
 *
 * Every place where an applicant (or a couple member, or an applicant's supplemental list)
 * names a program is an *entry*; entries are laid out in one flat space:
 * - `[0, coupleEntryBase)`: applicants' primary lists, applicant `a` owning
 *   `[applicantListStart[a], applicantListStart[a + 1])`;
 * - `[coupleEntryBase, supplementalEntryBase)`: couples' lines, line `L` (global) owning entries
 *   `coupleEntryBase + 2L` (first member) and `+ 1` (second member); couple `c` owns lines
 *   `[coupleLineStart[c], coupleLineStart[c + 1])`;
 * - `[supplementalEntryBase, entryCount)`: supplemental lists, list `s` owning
 *   `[supplementalListStart[s], supplementalListStart[s + 1])`.
 *
 * `entryRank[e]` is the program's rank of the entry's applicant (0 = best), or -1 when the
 * program did not rank them, which makes every program-side comparison O(1).
 *
 * Everything that depends on the programs' rank lists (`programRankStart`,
 * `programRankApplicants`, `entryRank`, `programRankPrimaryEntry`) is recomputed by
 * `withProgramRanks`; the rest is shared between copies, so a simulator can perturb the
 * programs' lists cheaply.
 */
export type CompiledInstance = {
  readonly programIds: readonly string[]
  readonly applicantIds: readonly string[]
  readonly coupleIds: readonly string[]
  readonly programCount: number
  readonly applicantCount: number
  readonly coupleCount: number

  readonly programCapacity: Int32Array
  /** Index into `PROGRAM_TRACKS`. */
  readonly programTrack: Uint8Array
  /** Program receiving unfilled positions, or -1. */
  readonly programRevertTo: Int32Array

  /** Program `p` ranks `programRankApplicants[programRankStart[p] .. programRankStart[p + 1])`, best first. */
  readonly programRankStart: Uint32Array
  readonly programRankApplicants: Int32Array
  /**
   * Aligned with `programRankApplicants`: the entry in that applicant's primary list naming
   * the program, or -1. Lets the solver find, from a program, the applicants who would rather
   * be there.
   */
  readonly programRankPrimaryEntry: Int32Array

  readonly entryCount: number
  /** Program named by the entry; -1 for the `null` side of a couple's line. */
  readonly entryProgram: Int32Array
  readonly entryApplicant: Int32Array
  readonly entryRank: Int32Array

  readonly applicantListStart: Uint32Array
  /** Couple of each applicant, or -1. */
  readonly coupleOf: Int32Array
  /** Members of couple `c` are `coupleMembers[2c]` and `coupleMembers[2c + 1]`. */
  readonly coupleMembers: Int32Array
  readonly coupleLineStart: Uint32Array
  readonly coupleEntryBase: number

  readonly supplementalEntryBase: number
  readonly supplementalListStart: Uint32Array
  /**
   * Applicant `a`'s supplemental lists are the pairs `(supplementalAdvanced[i], supplementalList[i])`
   * for `i` in `[applicantSupplementalStart[a], applicantSupplementalStart[a + 1])`: when `a`
   * matches advanced program `supplementalAdvanced[i]`, list `supplementalList[i]` is used.
   */
  readonly applicantSupplementalStart: Uint32Array
  readonly supplementalAdvanced: Int32Array
  readonly supplementalList: Int32Array

  /** Entries naming program `p`: `programEntries[programEntryStart[p] .. programEntryStart[p + 1])`. */
  readonly programEntryStart: Uint32Array
  readonly programEntries: Int32Array
}

export const ADVANCED_TRACK = PROGRAM_TRACKS.indexOf('advanced')

function sortedIndex<T extends { id: string }>(items: readonly T[]): { ids: string[]; order: T[]; index: Map<string, number> } {
  // The default sort compares UTF-16 code units, not locale order: the numbering must be the
  // same on every machine. Sorting the bare strings keeps the comparison native.
  const ids = items.map((item) => item.id).sort()
  const index = new Map<string, number>()
  for (let i = 0; i < ids.length; i++) index.set(ids[i] as string, i)
  const order = new Array<T>(items.length)
  for (const item of items) order[index.get(item.id) as number] = item
  return { ids, order, index }
}

function lookup(index: ReadonlyMap<string, number>, id: string): number {
  const i = index.get(id)
  if (i === undefined) throw new Error(`unknown id "${id}" (validate the instance first)`)
  return i
}

/**
 * Turns a validated instance into integer ids and flat typed arrays (see `CompiledInstance`),
 * the representation the solver of Roth & Peranson (1999), AER 89(4):748–780, runs on: the
 * NRMP's primary lists, couples' joint lists and supplemental lists all become entries with
 * the program's rank of the applicant beside them. Assumes `validateInstance` accepted the
 * instance.
 */
export function compileInstance(instance: MatchInstance): CompiledInstance {
  const programs = sortedIndex(instance.programs)
  const applicants = sortedIndex(instance.applicants)
  const couples = sortedIndex(instance.couples ?? [])
  const P = programs.ids.length
  const A = applicants.ids.length
  const C = couples.ids.length

  const programCapacity = new Int32Array(P)
  const programTrack = new Uint8Array(P)
  const programRevertTo = new Int32Array(P).fill(-1)
  programs.order.forEach((program, p) => {
    programCapacity[p] = program.capacity
    programTrack[p] = PROGRAM_TRACKS.indexOf((program.track ?? 'categorical') as ProgramTrack)
    if (program.revertTo !== undefined) programRevertTo[p] = lookup(programs.index, program.revertTo)
  })

  let primaryCount = 0
  let lineCount = 0
  let supplementalListCount = 0
  let supplementalEntryCount = 0
  let supplementalPairCount = 0
  for (const applicant of applicants.order) {
    primaryCount += applicant.ranks.length
    for (const list of applicant.supplemental ?? []) {
      supplementalListCount++
      supplementalEntryCount += list.ranks.length
      supplementalPairCount += list.for.length
    }
  }
  for (const couple of couples.order) lineCount += couple.ranks.length

  const coupleEntryBase = primaryCount
  const supplementalEntryBase = coupleEntryBase + 2 * lineCount
  const entryCount = supplementalEntryBase + supplementalEntryCount
  const entryProgram = new Int32Array(entryCount)
  const entryApplicant = new Int32Array(entryCount)

  const applicantListStart = new Uint32Array(A + 1)
  const applicantSupplementalStart = new Uint32Array(A + 1)
  const supplementalListStart = new Uint32Array(supplementalListCount + 1)
  const supplementalAdvanced = new Int32Array(supplementalPairCount)
  const supplementalList = new Int32Array(supplementalPairCount)
  let e = 0
  let s = 0
  let pair = 0
  let se = supplementalEntryBase
  const programIndex = programs.index
  applicants.order.forEach((applicant, a) => {
    applicantListStart[a] = e
    for (const id of applicant.ranks) {
      const p = programIndex.get(id)
      if (p === undefined) throw new Error(`unknown program id "${id}" (validate the instance first)`)
      entryProgram[e] = p
      entryApplicant[e] = a
      e++
    }
    applicantSupplementalStart[a] = pair
    if (applicant.supplemental === undefined || applicant.supplemental.length === 0) return
    // Lists in input order would make the numbering depend on it; key them by their first
    // advanced program instead (validation guarantees each advanced program has one list).
    const lists = [...(applicant.supplemental ?? [])]
      .map((list) => ({ list, key: [...list.for].sort()[0] ?? '' }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    for (const { list } of lists) {
      supplementalListStart[s] = se
      for (const id of list.ranks) {
        entryProgram[se] = lookup(programs.index, id)
        entryApplicant[se] = a
        se++
      }
      for (const id of [...list.for].sort()) {
        supplementalAdvanced[pair] = lookup(programs.index, id)
        supplementalList[pair] = s
        pair++
      }
      s++
    }
  })
  applicantListStart[A] = e
  applicantSupplementalStart[A] = pair
  supplementalListStart[supplementalListCount] = se

  const coupleOf = new Int32Array(A).fill(-1)
  const coupleMembers = new Int32Array(2 * C)
  const coupleLineStart = new Uint32Array(C + 1)
  let line = 0
  couples.order.forEach((couple, c) => {
    const first = lookup(applicants.index, couple.members[0])
    const second = lookup(applicants.index, couple.members[1])
    coupleMembers[2 * c] = first
    coupleMembers[2 * c + 1] = second
    coupleOf[first] = c
    coupleOf[second] = c
    coupleLineStart[c] = line
    for (const [p, q] of couple.ranks) {
      const base = coupleEntryBase + 2 * line
      entryProgram[base] = p === null ? -1 : lookup(programs.index, p)
      entryApplicant[base] = first
      entryProgram[base + 1] = q === null ? -1 : lookup(programs.index, q)
      entryApplicant[base + 1] = second
      line++
    }
  })
  coupleLineStart[C] = line

  // Counting sort of entries by program: from a program, the entries that name it.
  const programEntryStart = new Uint32Array(P + 1)
  for (let i = 0; i < entryCount; i++) {
    const p = entryProgram[i] as number
    if (p >= 0) programEntryStart[p + 1]!++
  }
  for (let p = 0; p < P; p++) programEntryStart[p + 1]! += programEntryStart[p] as number
  const programEntries = new Int32Array(programEntryStart[P] as number)
  const fill = programEntryStart.slice(0, P)
  for (let i = 0; i < entryCount; i++) {
    const p = entryProgram[i] as number
    if (p >= 0) programEntries[fill[p]!++] = i
  }

  const base: CompiledInstance = {
    programIds: programs.ids,
    applicantIds: applicants.ids,
    coupleIds: couples.ids,
    programCount: P,
    applicantCount: A,
    coupleCount: C,
    programCapacity,
    programTrack,
    programRevertTo,
    programRankStart: new Uint32Array(P + 1),
    programRankApplicants: new Int32Array(0),
    programRankPrimaryEntry: new Int32Array(0),
    entryCount,
    entryProgram,
    entryApplicant,
    entryRank: new Int32Array(entryCount),
    applicantListStart,
    coupleOf,
    coupleMembers,
    coupleLineStart,
    coupleEntryBase,
    supplementalEntryBase,
    supplementalListStart,
    applicantSupplementalStart,
    supplementalAdvanced,
    supplementalList,
    programEntryStart,
    programEntries,
  }
  const applicantIndex = applicants.index
  const rankLists = programs.order.map((program) => {
    const list = new Int32Array(program.ranks.length)
    for (let k = 0; k < list.length; k++) {
      const id = program.ranks[k] as string
      const a = applicantIndex.get(id)
      if (a === undefined) throw new Error(`unknown applicant id "${id}" (validate the instance first)`)
      list[k] = a
    }
    return list
  })
  return withProgramRanks(base, (p) => rankLists[p] as Int32Array)
}

/**
 * Returns a copy of `compiled` whose programs rank `ranksOf(p)` (applicant indices, best first,
 * no applicant twice) instead of their own lists — for simulating the match of Roth & Peranson
 * (1999), AER 89(4):748–780, under uncertain program preferences. Applicant-side arrays are shared, not copied;
 * the cost is linear in the number of rank entries, so a Monte-Carlo simulator can call it once
 * per perturbed replica.
 */
export function withProgramRanks(compiled: CompiledInstance, ranksOf: (programIndex: number) => ArrayLike<number>): CompiledInstance {
  const P = compiled.programCount
  const programRankStart = new Uint32Array(P + 1)
  const lists: ArrayLike<number>[] = []
  for (let p = 0; p < P; p++) {
    const list = ranksOf(p)
    lists.push(list)
    programRankStart[p + 1] = (programRankStart[p] as number) + list.length
  }
  const programRankApplicants = new Int32Array(programRankStart[P] as number)
  for (let p = 0; p < P; p++) programRankApplicants.set(lists[p] as ArrayLike<number>, programRankStart[p])

  const entryRank = new Int32Array(compiled.entryCount)
  const programRankPrimaryEntry = new Int32Array(programRankApplicants.length)
  rankEntries(compiled, programRankStart, programRankApplicants, entryRank, programRankPrimaryEntry)
  return { ...compiled, programRankStart, programRankApplicants, programRankPrimaryEntry, entryRank }
}

/**
 * Fills `entryRank` and `programRankPrimaryEntry` for the given program lists. The program lists
 * are first transposed to per-applicant (program, rank) pairs, so that the entries, grouped by
 * applicant, are then read in memory order against a small program-indexed scratch array:
 * random access stays within arrays that fit in cache.
 */
function rankEntries(
  compiled: CompiledInstance,
  programRankStart: Uint32Array,
  programRankApplicants: Int32Array,
  entryRank: Int32Array,
  programRankPrimaryEntry: Int32Array,
): void {
  const {
    programCount: P,
    applicantCount: A,
    entryProgram,
    applicantListStart,
    coupleOf,
    coupleMembers,
    coupleLineStart,
    coupleEntryBase,
    applicantSupplementalStart,
    supplementalList,
    supplementalListStart,
  } = compiled
  const total = programRankApplicants.length
  const pairStart = new Uint32Array(A + 1)
  for (let k = 0; k < total; k++) pairStart[(programRankApplicants[k] as number) + 1]!++
  for (let a = 0; a < A; a++) pairStart[a + 1]! += pairStart[a] as number
  const fill = pairStart.slice(0, A)
  const pairProgram = new Int32Array(total)
  const pairIndex = new Int32Array(total)
  for (let p = 0; p < P; p++) {
    const to = programRankStart[p + 1] as number
    for (let k = programRankStart[p] as number; k < to; k++) {
      const slot = fill[programRankApplicants[k] as number]!++
      pairProgram[slot] = p
      pairIndex[slot] = k
    }
  }

  // rankIn[p] is a's rank in p's list while stamp[p] === a + 1.
  const stamp = new Int32Array(P)
  const rankIn = new Int32Array(P)
  const indexIn = new Int32Array(P)
  const rankOf = (a: number, p: number): number => (p >= 0 && stamp[p] === a + 1 ? (rankIn[p] as number) : -1)
  programRankPrimaryEntry.fill(-1)
  for (let a = 0; a < A; a++) {
    const to = pairStart[a + 1] as number
    for (let i = pairStart[a] as number; i < to; i++) {
      const p = pairProgram[i] as number
      const k = pairIndex[i] as number
      stamp[p] = a + 1
      indexIn[p] = k
      rankIn[p] = k - (programRankStart[p] as number)
    }
    const listEnd = applicantListStart[a + 1] as number
    for (let e = applicantListStart[a] as number; e < listEnd; e++) {
      const p = entryProgram[e] as number
      const rank = rankOf(a, p)
      entryRank[e] = rank
      if (rank >= 0) programRankPrimaryEntry[indexIn[p] as number] = e
    }
    const pairsEnd = applicantSupplementalStart[a + 1] as number
    for (let i = applicantSupplementalStart[a] as number; i < pairsEnd; i++) {
      // Several `for` programs may share one list; ranking it again is harmless.
      const list = supplementalList[i] as number
      const end = supplementalListStart[list + 1] as number
      for (let e = supplementalListStart[list] as number; e < end; e++) entryRank[e] = rankOf(a, entryProgram[e] as number)
    }
    const c = coupleOf[a] as number
    if (c >= 0) {
      const side = coupleMembers[2 * c] === a ? 0 : 1
      const end = coupleLineStart[c + 1] as number
      for (let line = coupleLineStart[c] as number; line < end; line++) {
        const e = coupleEntryBase + 2 * line + side
        entryRank[e] = rankOf(a, entryProgram[e] as number)
      }
    }
  }
}
