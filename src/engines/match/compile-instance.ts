import { InstanceError } from './instance-error.ts'
import {
  checkReversionCycles,
  expectArray,
  expectId,
  expectKnownFields,
  expectObject,
  FIELDS,
  isObject,
  type Json,
  MAX_CAPACITY,
  MAX_PROGRAM_RANKS,
} from './instance-checks.ts'
import { PROGRAM_TRACKS, type ProgramTrack } from './types.ts'

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

function unknownId(value: unknown, list: string, index: number, kind: string): InstanceError {
  const path = index < 0 ? list : `${list}[${index}]`
  return new InstanceError(path, `unknown ${kind} id "${expectId(value, path)}"`)
}

/**
 * Checks a parsed instance (format v1) and turns it into integer ids and flat typed arrays (see
 * `CompiledInstance`), in one pass over the JSON: every id is looked up once, in the one map of
 * its kind, and a list naming an id twice is caught with a stamp array instead of a set per
 * list. The result is the representation the solver of Roth & Peranson (1999), AER
 * 89(4):748–780, runs on: the NRMP's primary lists, couples' joint lists and supplemental lists
 * all become entries with the program's rank of the applicant beside them.
 *
 * The rules checked are those of `validateInstance` (which runs this and keeps the input).
 *
 * @throws InstanceError with `path` naming the offending entry, e.g. `programs[3].ranks[7]`.
 */
export function compileInstance(input: unknown): CompiledInstance {
  if (!isObject(input)) throw new InstanceError('$', 'instance must be an object')
  expectKnownFields(input, FIELDS.instance, '$')
  const programsIn = expectArray(input.programs, 'programs')
  const applicantsIn = expectArray(input.applicants, 'applicants')
  const couplesIn = input.couples === undefined ? [] : expectArray(input.couples, 'couples')
  const P = programsIn.length
  const A = applicantsIn.length

  // Programs and applicants: shape, ids and capacities, in input order.
  const programInput = new Map<string, number>()
  const capacityIn = new Int32Array(P)
  const trackIn = new Uint8Array(P)
  let totalCapacity = 0
  for (let i = 0; i < P; i++) {
    const path = `programs[${i}]`
    const program = expectObject(programsIn[i], path, FIELDS.program)
    const id = expectId(program.id, `${path}.id`)
    // A map that does not grow already held the id (one hash lookup instead of two).
    programInput.set(id, i)
    if (programInput.size === i) throw new InstanceError(`${path}.id`, `duplicate program id "${id}"`)
    const capacity = program.capacity
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0) {
      throw new InstanceError(`${path}.capacity`, 'must be a non-negative integer')
    }
    if (capacity > MAX_CAPACITY) throw new InstanceError(`${path}.capacity`, `must be at most ${MAX_CAPACITY}`)
    totalCapacity += capacity
    if (totalCapacity > MAX_CAPACITY) throw new InstanceError(`${path}.capacity`, `brings the total capacity of all programs over ${MAX_CAPACITY}`)
    capacityIn[i] = capacity
    const track = PROGRAM_TRACKS.indexOf((program.track ?? 'categorical') as ProgramTrack)
    if (track < 0) throw new InstanceError(`${path}.track`, `must be one of ${PROGRAM_TRACKS.join(', ')}`)
    trackIn[i] = track
  }
  const applicantInput = new Map<string, number>()
  for (let i = 0; i < A; i++) {
    const path = `applicants[${i}]`
    const id = expectId(expectObject(applicantsIn[i], path, FIELDS.applicant).id, `${path}.id`)
    applicantInput.set(id, i)
    if (applicantInput.size === i) throw new InstanceError(`${path}.id`, `duplicate applicant id "${id}"`)
  }

  // Numbering by sorted id. The default sort compares UTF-16 code units, not locale order: the
  // numbering must be the same on every machine. `programAt[p]` is the input index of program
  // p, `programNumber[i]` the number of input program i (likewise for applicants).
  const programIds = [...programInput.keys()].sort()
  const applicantIds = [...applicantInput.keys()].sort()
  const programAt = new Int32Array(P)
  const programNumber = new Int32Array(P)
  for (let p = 0; p < P; p++) {
    const i = programInput.get(programIds[p] as string) as number
    programAt[p] = i
    programNumber[i] = p
  }
  const applicantAt = new Int32Array(A)
  const applicantNumber = new Int32Array(A)
  for (let a = 0; a < A; a++) {
    const i = applicantInput.get(applicantIds[a] as string) as number
    applicantAt[a] = i
    applicantNumber[i] = a
  }
  // The number of the program (applicant) an id names. The path of an entry, `list[index]`, is
  // spelt out only for an error: building it for each of a national match's million entries
  // would cost more than the lookups.
  const programOf = (value: unknown, list: string, index = -1): number => {
    const i = typeof value === 'string' ? programInput.get(value) : undefined
    if (i === undefined) throw unknownId(value, list, index, 'program')
    return programNumber[i] as number
  }
  const applicantOf = (value: unknown, list: string, index = -1): number => {
    const i = typeof value === 'string' ? applicantInput.get(value) : undefined
    if (i === undefined) throw unknownId(value, list, index, 'applicant')
    return applicantNumber[i] as number
  }
  // A list names no id twice: `seen[x] === token` while checking the list with that token.
  const seenProgram = new Int32Array(P)
  const seenApplicant = new Int32Array(A)
  let token = 0

  // Programs' lists and reversions.
  const programCapacity = new Int32Array(P)
  const programTrack = new Uint8Array(P)
  const programRevertTo = new Int32Array(P).fill(-1)
  const rankLists: Int32Array[] = new Array(P)
  for (let p = 0; p < P; p++) {
    const i = programAt[p] as number
    const path = `programs[${i}]`
    const program = programsIn[i] as Json
    programCapacity[p] = capacityIn[i] as number
    programTrack[p] = trackIn[i] as number
    // One path string per list, not per entry (a national match has a million entries).
    const ranksPath = `${path}.ranks`
    const ranks = expectArray(program.ranks, ranksPath)
    if (ranks.length > MAX_PROGRAM_RANKS) throw new InstanceError(ranksPath, `must rank at most ${MAX_PROGRAM_RANKS} applicants`)
    const list = new Int32Array(ranks.length)
    token++
    for (let k = 0; k < ranks.length; k++) {
      const a = applicantOf(ranks[k], ranksPath, k)
      if (seenApplicant[a] === token) throw new InstanceError(`${ranksPath}[${k}]`, `"${ranks[k]}" is ranked twice`)
      seenApplicant[a] = token
      list[k] = a
    }
    rankLists[p] = list
    if (program.revertTo !== undefined) programRevertTo[p] = programOf(program.revertTo, `${path}.revertTo`)
  }
  checkReversionCycles(programRevertTo, programAt, programNumber)

  // Sizes, for the flat entry arrays (the lists are checked as they are copied).
  const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0)
  let primaryCount = 0
  let supplementalListCount = 0
  let supplementalEntryCount = 0
  let supplementalPairCount = 0
  for (let i = 0; i < A; i++) {
    const applicant = applicantsIn[i] as Json
    primaryCount += lengthOf(applicant.ranks)
    if (!Array.isArray(applicant.supplemental)) continue
    for (const list of applicant.supplemental) {
      supplementalListCount++
      supplementalEntryCount += isObject(list) ? lengthOf(list.ranks) : 0
      supplementalPairCount += isObject(list) ? lengthOf(list.for) : 0
    }
  }
  let lineCount = 0
  for (const couple of couplesIn) lineCount += isObject(couple) ? lengthOf(couple.ranks) : 0

  const coupleEntryBase = primaryCount
  const supplementalEntryBase = coupleEntryBase + 2 * lineCount
  const entryCount = supplementalEntryBase + supplementalEntryCount
  const entryProgram = new Int32Array(entryCount)
  const entryApplicant = new Int32Array(entryCount)

  // Applicants' primary and supplemental lists, in applicant number order.
  const applicantListStart = new Uint32Array(A + 1)
  const applicantSupplementalStart = new Uint32Array(A + 1)
  const supplementalListStart = new Uint32Array(supplementalListCount + 1)
  const supplementalAdvanced = new Int32Array(supplementalPairCount)
  const supplementalList = new Int32Array(supplementalPairCount)
  const advancedSeen = new Int32Array(P)
  let e = 0
  let s = 0
  let pair = 0
  let se = supplementalEntryBase
  for (let a = 0; a < A; a++) {
    const i = applicantAt[a] as number
    const path = `applicants[${i}]`
    const applicant = applicantsIn[i] as Json
    applicantListStart[a] = e
    const ranksPath = `${path}.ranks`
    const ranks = expectArray(applicant.ranks, ranksPath)
    token++
    for (let k = 0; k < ranks.length; k++) {
      const p = programOf(ranks[k], ranksPath, k)
      if (seenProgram[p] === token) throw new InstanceError(`${ranksPath}[${k}]`, `"${ranks[k]}" is ranked twice`)
      seenProgram[p] = token
      entryProgram[e] = p
      entryApplicant[e] = a
      e++
    }
    applicantSupplementalStart[a] = pair
    if (applicant.supplemental === undefined) continue
    const listsIn = expectArray(applicant.supplemental, `${path}.supplemental`)
    if (listsIn.length === 0) continue
    // Lists in input order would make the numbering depend on it; key them by their first
    // advanced program instead (each advanced program has at most one list).
    const lists = listsIn.map((value, j) => {
      const listPath = `${path}.supplemental[${j}]`
      const list = expectObject(value, listPath, FIELDS.supplemental)
      const forIds = expectArray(list.for, `${listPath}.for`)
      const advanced: number[] = []
      token++
      for (let k = 0; k < forIds.length; k++) {
        const forPath = `${listPath}.for[${k}]`
        const p = programOf(forIds[k], forPath)
        if (seenProgram[p] === token) throw new InstanceError(forPath, `"${forIds[k]}" is ranked twice`)
        seenProgram[p] = token
        if (programTrack[p] !== ADVANCED_TRACK) throw new InstanceError(forPath, `"${forIds[k]}" is not an advanced program`)
        if (advancedSeen[p] === a + 1) throw new InstanceError(forPath, `"${forIds[k]}" already has a supplemental list`)
        advancedSeen[p] = a + 1
        advanced.push(p)
      }
      const ranksPath = `${listPath}.ranks`
      const ranksIn = expectArray(list.ranks, ranksPath)
      const programs = new Int32Array(ranksIn.length)
      token++
      for (let k = 0; k < ranksIn.length; k++) {
        const p = programOf(ranksIn[k], ranksPath, k)
        if (seenProgram[p] === token) throw new InstanceError(`${ranksPath}[${k}]`, `"${ranksIn[k]}" is ranked twice`)
        seenProgram[p] = token
        if (programTrack[p] === ADVANCED_TRACK) {
          throw new InstanceError(`${ranksPath}[${k}]`, `"${ranksIn[k]}" is an advanced program; supplemental lists rank PGY-1 programs`)
        }
        programs[k] = p
      }
      advanced.sort((x, y) => x - y)
      return { advanced, programs, key: advanced[0] ?? -1 }
    })
    lists.sort((x, y) => x.key - y.key)
    for (const list of lists) {
      supplementalListStart[s] = se
      for (const p of list.programs) {
        entryProgram[se] = p
        entryApplicant[se] = a
        se++
      }
      for (const p of list.advanced) {
        supplementalAdvanced[pair] = p
        supplementalList[pair] = s
        pair++
      }
      s++
    }
  }
  applicantListStart[A] = e
  applicantSupplementalStart[A] = pair
  supplementalListStart[supplementalListCount] = se

  // Couples: members and lines, in input order; then numbered by sorted id.
  const C = couplesIn.length
  const coupleInput = new Map<string, number>()
  const coupleOf = new Int32Array(A).fill(-1)
  const membersIn = new Int32Array(2 * C)
  const lineProgramsIn: Int32Array[] = new Array(C)
  for (let i = 0; i < C; i++) {
    const path = `couples[${i}]`
    const couple = expectObject(couplesIn[i], path, FIELDS.couple)
    const id = expectId(couple.id, `${path}.id`)
    if (coupleInput.has(id)) throw new InstanceError(`${path}.id`, `duplicate couple id "${id}"`)
    coupleInput.set(id, i)
    const members = expectArray(couple.members, `${path}.members`)
    if (members.length !== 2) throw new InstanceError(`${path}.members`, 'must list two applicants')
    for (let k = 0; k < 2; k++) {
      const memberPath = `${path}.members[${k}]`
      const a = applicantOf(members[k], memberPath)
      const previous = coupleOf[a] as number
      if (previous >= 0) {
        throw new InstanceError(memberPath, previous === i ? `"${members[k]}" is listed twice` : `"${members[k]}" is already in couples[${previous}]`)
      }
      coupleOf[a] = i
      if (applicantListStart[a + 1] !== applicantListStart[a]) throw new InstanceError(memberPath, `"${members[k]}" is in a couple but has its own ranks`)
      membersIn[2 * i + k] = a
    }
    const lines = expectArray(couple.ranks, `${path}.ranks`)
    const programs = new Int32Array(2 * lines.length)
    const seenLines = new Set<number>()
    for (let k = 0; k < lines.length; k++) {
      const linePath = `${path}.ranks[${k}]`
      const line = lines[k]
      if (!Array.isArray(line) || line.length !== 2) throw new InstanceError(linePath, 'must be a pair [program or null, program or null]')
      const first = line[0] === null ? -1 : programOf(line[0], linePath, 0)
      const second = line[1] === null ? -1 : programOf(line[1], linePath, 1)
      if (first < 0 && second < 0) throw new InstanceError(linePath, 'a line must name at least one program')
      const key = (first + 1) * (P + 1) + second + 1
      if (seenLines.has(key)) throw new InstanceError(linePath, 'this pair is ranked twice')
      seenLines.add(key)
      programs[2 * k] = first
      programs[2 * k + 1] = second
    }
    lineProgramsIn[i] = programs
  }
  const coupleIds = [...coupleInput.keys()].sort()
  const coupleMembers = new Int32Array(2 * C)
  const coupleLineStart = new Uint32Array(C + 1)
  let line = 0
  for (let c = 0; c < C; c++) {
    const i = coupleInput.get(coupleIds[c] as string) as number
    const first = membersIn[2 * i] as number
    const second = membersIn[2 * i + 1] as number
    coupleMembers[2 * c] = first
    coupleMembers[2 * c + 1] = second
    coupleOf[first] = c
    coupleOf[second] = c
    coupleLineStart[c] = line
    const programs = lineProgramsIn[i] as Int32Array
    for (let k = 0; k < programs.length; k += 2) {
      const base = coupleEntryBase + 2 * line
      entryProgram[base] = programs[k] as number
      entryApplicant[base] = first
      entryProgram[base + 1] = programs[k + 1] as number
      entryApplicant[base + 1] = second
      line++
    }
  }
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
    programIds,
    applicantIds,
    coupleIds,
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
