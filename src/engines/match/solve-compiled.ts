import { ADVANCED_TRACK, type CompiledInstance } from './compile-instance.ts'
import { createSolveWorkspace, heapRoom, type RunBuffers, resetBuffers, returnBuffers, type SolveWorkspace, takeBuffers } from './run-buffers.ts'
import type { SolveOptions } from './types.ts'

/** The solver's answer in integer form; `decodeResult` turns it back into ids. */
export type CompiledResult = {
  /** Primary match of each applicant (a program index), or -1. */
  readonly applicantProgram: Int32Array
  /** PGY-1 program matched from a supplemental list, or -1. */
  readonly supplementalProgram: Int32Array
  /** Capacity of each program after reversions. */
  readonly programCapacity: Int32Array
  readonly programFilled: Int32Array
  readonly stats: CompiledStats
  /** Couples left blocking (or unplaced) when the bounded work ran out; empty when stable. */
  readonly unresolvedCouples: readonly number[]
  /**
   * Applicants left blocking, alone or through their supplemental list, when the bounded work
   * ran out (supplemental lists link two positions, so like couples they can cycle); empty
   * when stable.
   */
  readonly unresolvedApplicants: readonly number[]
  readonly unresolvedMessage?: string
}

export type CompiledStats = {
  /** Every (applicant or couple, list entry) the algorithm considered. */
  proposals: number
  /** Couples sent down to their next line because a member was displaced. */
  coupleRestarts: number
  /** Applicants or couples pulled back up their lists by an instability chain. */
  reentries: number
  /** Runs of the algorithm, counting reruns after reversions and after loops. */
  runs: number
  reversionRounds: number
  revertedPositions: number
}

const DEFAULT_MAX_REENTRIES = 30
const DEFAULT_ATTEMPTS = 4
/** Heap entries are `rank · HELD_SHIFT + applicant` (see runOnce). */
const HELD_SHIFT = 2 ** 32

type Blocking = { couples: number[]; applicants: number[] }

type RunOutcome = {
  applicantProgram: Int32Array
  supplementalProgram: Int32Array
  programFilled: Int32Array
  looped: boolean
  /** The order in which the run entered the couples. */
  order: Int32Array
  /** The buffers holding the run's state, and their use count when the run ended. */
  buffers: RunBuffers
  use: number
  /** Who blocks, once {@link blockingOf} has looked (it reads the run's final state). */
  blocking?: Blocking
  findBlocking: () => Blocking
}

/**
 * Couples and applicants left blocking by a run. Looked for only when needed — to compare
 * retries, and for the result — because it reads every list up to its cursor, about as much
 * work as a tenth of a run; it must be called before the run's buffers or capacities are reused.
 */
function blockingOf(outcome: RunOutcome): Blocking {
  if (outcome.blocking === undefined) {
    if (outcome.buffers.uses !== outcome.use) throw new Error('internal error: a run was asked who blocks after its buffers were reused')
    outcome.blocking = outcome.findBlocking()
  }
  return outcome.blocking
}

/**
 * Applicant-proposing deferred acceptance with couples, supplemental PGY-1 lists and
 * reversions, after Roth & Peranson (1999), "The Redesign of the Matching Market for American
 * Physicians", AER 89(4):748–780, and the NRMP's rules for couples:
 *
 * 1. singles propose first; then couples enter one at a time (in id order), each followed by
 *    the chain of displacements it causes;
 * 2. a couple is placed on a line only when both programs take their member; a displaced member
 *    withdraws the partner and the couple resumes from its next line;
 * 3. a seat freed by a withdrawal (rather than by the program's own choice) is offered, in the
 *    program's order, to the applicants and couples who now prefer it — Roth & Peranson's
 *    program stack — so instability chains are repaired instead of left behind;
 * 4. loops are detected: an applicant, couple or supplemental list pulled back up its list
 *    `maxReentries` times is frozen where it is, and a run that exceeds `maxWork` finishes
 *    without any further re-entry (everyone then only moves down their lists, so it ends). A
 *    run that looped is retried with the couples entered in another deterministic order (up to
 *    `attempts` runs); the run with the fewest blocking couples and applicants wins and they
 *    are reported as unresolved;
 * 5. an applicant holding an advanced position also proposes, as a separate PGY-1 seeker, down
 *    the supplemental list attached to that program;
 * 6. unfilled positions of programs with `revertTo` move there and the match runs again until
 *    no position moves (NRMP reversions).
 *
 * Without couples, supplemental lists and reversions this is textbook deferred acceptance and
 * returns the applicant-optimal stable matching. No clock, no randomness: equal inputs give
 * equal outputs.
 */
export function solveCompiled(compiled: CompiledInstance, options: SolveOptions = {}, workspace?: SolveWorkspace): CompiledResult {
  const stats: CompiledStats = {
    proposals: 0,
    coupleRestarts: 0,
    reentries: 0,
    runs: 0,
    reversionRounds: 0,
    revertedPositions: 0,
  }
  const capacity = compiled.programCapacity.slice()
  const P = compiled.programCount
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS)
  const idOrder = new Int32Array(compiled.coupleCount)
  for (let c = 0; c < compiled.coupleCount; c++) idOrder[c] = c
  const pool: BufferPool = { workspace: workspace ?? createSolveWorkspace(), room: heapRoom(compiled) }
  let outcome = runWithRetries(compiled, capacity, options, idOrder, attempts, stats, pool)
  // Seats only move forward along the (acyclic) revertTo chains, so this ends; the bound is a
  // second guard.
  for (let round = 0; round <= P; round++) {
    let moved = 0
    const next = capacity.slice()
    for (let p = 0; p < P; p++) {
      const target = compiled.programRevertTo[p] as number
      const unfilled = (capacity[p] as number) - (outcome.programFilled[p] as number)
      if (target < 0 || unfilled <= 0) continue
      next[p]! -= unfilled
      next[target]! += unfilled
      moved += unfilled
    }
    if (moved === 0) break
    // Reversions change little; start from the order that worked, and when no order gave a
    // stable matching, do not pay for all of them again.
    const roundAttempts = attempts > 1 && unstable(outcome) === 0 ? attempts : 1
    capacity.set(next)
    stats.reversionRounds++
    stats.revertedPositions += moved
    returnBuffers(pool.workspace, outcome.buffers)
    outcome = runWithRetries(compiled, capacity, options, outcome.order, roundAttempts, stats, pool)
  }
  const { couples: unresolvedCouples, applicants: unresolvedApplicants } = blockingOf(outcome)
  // The result lives in the buffers: with the caller's workspace, until its next solve.
  if (workspace !== undefined) returnBuffers(workspace, outcome.buffers)
  const unresolvedCount = unresolvedCouples.length + unresolvedApplicants.length
  return {
    applicantProgram: outcome.applicantProgram,
    supplementalProgram: outcome.supplementalProgram,
    programCapacity: capacity,
    programFilled: outcome.programFilled,
    stats,
    unresolvedCouples,
    unresolvedApplicants,
    ...(unresolvedCount > 0
      ? {
          unresolvedMessage: `no stable matching found within the work bound (${count(stats.runs, 'run')}); ${blockingWho(unresolvedCouples.length, unresolvedApplicants.length)} left with a blocking program`,
        }
      : {}),
  }
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/** "2 couples", "1 applicant", "1 couple and 3 applicants outside couples". */
function blockingWho(couples: number, applicants: number): string {
  if (couples === 0) return count(applicants, 'applicant')
  if (applicants === 0) return count(couples, 'couple')
  return `${count(couples, 'couple')} and ${count(applicants, 'applicant')} outside couples`
}

function runWithRetries(
  compiled: CompiledInstance,
  capacity: Int32Array,
  options: SolveOptions,
  firstOrder: Int32Array,
  attempts: number,
  stats: CompiledStats,
  pool: BufferPool,
): RunOutcome {
  let best: RunOutcome | undefined
  const tried: Int32Array[] = []
  let order: Int32Array | undefined = firstOrder
  let next = 1
  while (order !== undefined && tried.length < attempts) {
    tried.push(order)
    const outcome = runOnce(compiled, capacity, order, options, stats, takeBuffers(pool.workspace, compiled, pool.room))
    // With one attempt nothing is compared, and who blocks is looked for only in the result.
    if (attempts === 1) return outcome
    if (best === undefined) best = outcome
    else if (unstable(outcome) < unstable(best)) {
      returnBuffers(pool.workspace, best.buffers)
      best = outcome
    } else returnBuffers(pool.workspace, outcome.buffers)
    if (unstable(outcome) === 0) break
    order = undefined
    // Another order, not one already run: with one couple there is no other order at all, and
    // with two or three the permutations repeat. Same orders give the same run, so a repeat
    // would only cost time.
    for (const limit = next + DISTINCT_ORDER_TRIES; next < limit && tried.length < distinctOrders(compiled.coupleCount); next++) {
      const candidate = coupleOrder(compiled.coupleCount, next)
      if (!tried.some((seen) => sameOrder(seen, candidate))) {
        order = candidate
        next++
        break
      }
    }
  }
  return best as RunOutcome
}

/** How many fresh permutations to draw while looking for an order not yet run. */
const DISTINCT_ORDER_TRIES = 64

/** The number of orders of `count` couples (capped; only small counts matter). */
function distinctOrders(count: number): number {
  let orders = 1
  for (let k = 2; k <= count && orders < 1e6; k++) orders *= k
  return orders
}

function sameOrder(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}

/** Buffers for runs: the caller's workspace, or one for this solve. */
type BufferPool = { workspace: SolveWorkspace; room: number }

const unstable = (outcome: RunOutcome): number => {
  const blocking = blockingOf(outcome)
  return blocking.couples.length + blocking.applicants.length
}

/** Attempt `k` > 0 enters the couples in a fixed, seedless permutation of their ids. */
function coupleOrder(count: number, attempt: number): Int32Array {
  const order = new Int32Array(count)
  for (let c = 0; c < count; c++) order[c] = c
  if (attempt === 0) return order
  const key = new Uint32Array(count)
  for (let c = 0; c < count; c++) key[c] = mix(c * 0x9e3779b1 + attempt * 0x85ebca6b)
  return order.sort((x, y) => (key[x] as number) - (key[y] as number) || x - y)
}

function mix(value: number): number {
  let h = value >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

function runOnce(
  compiled: CompiledInstance,
  capacity: Int32Array,
  order: Int32Array,
  options: SolveOptions,
  stats: CompiledStats,
  buffers: RunBuffers,
): RunOutcome {
  stats.runs++
  const {
    applicantCount: A,
    coupleCount: C,
    programTrack,
    programRankStart,
    programRankApplicants,
    programRankPrimaryEntry,
    entryProgram,
    entryRank,
    applicantListStart,
    coupleOf,
    coupleMembers,
    coupleLineStart,
    coupleEntryBase,
    supplementalListStart,
    applicantSupplementalStart,
    supplementalAdvanced,
    supplementalList,
  } = compiled
  const maxWork = options.maxWork ?? 40 * (compiled.entryCount + programRankApplicants.length) + 1_000_000
  const maxReentries = options.maxReentries ?? DEFAULT_MAX_REENTRIES
  // A cycle through a couple pulls the couple and the singles it meets back equally often;
  // the couple, the cause, should be the one frozen and reported.
  const applicantLimit = 2 * maxReentries

  // Each program holds the program-side ranks of its current applicants in a max-heap, so the
  // worst held applicant — the one a better proposal displaces — is at the top.
  // A program holds only applicants it ranked, each in at most two seats (a primary and a
  // supplemental one), so a capacity beyond that needs no room: a capacity of a million
  // costs nothing.
  // The heap regions are sized by this run's capacities (see resetBuffers).
  resetBuffers(buffers, compiled, capacity)
  const {
    heapStart,
    heap,
    heapSize,
    primaryProgram,
    cursor,
    coupleCursor,
    couplePlaced,
    coupleReentries,
    applicantReentries,
    supplementalReentries,
    supplementalActive,
    supplementalProgram,
    supplementalCursor,
    stack,
    inStack,
    vacancies,
    inVacancies,
  } = buffers
  let stackSize = 0
  let vacancyCount = 0

  let work = 0
  let proposals = 0
  let looped = false
  let reentryAllowed = true

  /**
   * Roth & Peranson's loop detection: an agent pulled back up its list too often is frozen
   * where it is (it may stay blocking, and is then reported), while everyone else's chains are
   * still repaired. Any endless cycle must pull some agent back endlessly, so freezing ends it.
   */
  const mayReenter = (counter: Int32Array, index: number, limit: number): boolean => {
    if (!reentryAllowed) return false
    if ((counter[index] as number) >= limit) {
      looped = true
      return false
    }
    counter[index]!++
    stats.reentries++
    return true
  }

  const push = (agent: number): void => {
    if (inStack[agent] === 1) return
    inStack[agent] = 1
    stack[stackSize++] = agent
  }
  const queueVacancy = (p: number): void => {
    if (inVacancies[p] === 1) return
    inVacancies[p] = 1
    vacancies[vacancyCount++] = p
  }

  // --- max-heap of ranks per program -------------------------------------------------------
  // An entry is the rank and the applicant in one number, `rank · 2³² + applicant` (exact in a
  // double): ordered by rank (a program ranks each applicant once), and whoever a program lets
  // go is read from the heap itself, not looked up in the program's list.
  const siftUp = (base: number, i: number): void => {
    const value = heap[base + i] as number
    while (i > 0) {
      const parent = (i - 1) >> 1
      const above = heap[base + parent] as number
      if (above >= value) break
      heap[base + i] = above
      i = parent
    }
    heap[base + i] = value
  }
  const siftDown = (base: number, size: number, i: number): void => {
    const value = heap[base + i] as number
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      const right = child + 1
      if (right < size && (heap[base + right] as number) > (heap[base + child] as number)) child = right
      const below = heap[base + child] as number
      if (below <= value) break
      heap[base + i] = below
      i = child
    }
    heap[base + i] = value
  }
  const heapInsert = (p: number, rank: number, a: number): void => {
    const base = heapStart[p] as number
    const size = heapSize[p] as number
    heap[base + size] = rank * HELD_SHIFT + a
    heapSize[p] = size + 1
    siftUp(base, size)
  }
  const heapPop = (p: number): number => {
    const base = heapStart[p] as number
    const size = (heapSize[p] as number) - 1
    const top = heap[base] as number
    heapSize[p] = size
    if (size > 0) {
      heap[base] = heap[base + size] as number
      siftDown(base, size, 0)
    }
    return top
  }
  const heapRemove = (p: number, rank: number, a: number): void => {
    const base = heapStart[p] as number
    const size = (heapSize[p] as number) - 1
    const held = rank * HELD_SHIFT + a
    let i = 0
    while ((heap[base + i] as number) !== held) i++
    heapSize[p] = size
    if (i === size) return
    heap[base + i] = heap[base + size] as number
    siftUp(base, i)
    siftDown(base, size, i)
  }

  /** Would `p` take an applicant it ranks `rank`, given whom it holds now? */
  const accepts = (p: number, rank: number): boolean => {
    if (rank < 0) return false
    const size = heapSize[p] as number
    return size < (capacity[p] as number) || (size > 0 && (heap[heapStart[p] as number] as number) >= (rank + 1) * HELD_SHIFT)
  }

  /** Held applicants ranked above `rank`, not counting the ranks `skipA` and `skipB`. */
  const countAbove = (p: number, rank: number, skipA: number, skipB: number): number => {
    const base = heapStart[p] as number
    const size = heapSize[p] as number
    let count = 0
    for (let i = 0; i < size; i++) {
      const held = Math.floor((heap[base + i] as number) / HELD_SHIFT)
      if (held < rank && held !== skipA && held !== skipB) count++
    }
    return count
  }

  /** Program-side rank of a placed couple's member (side 0 or 1) at the program it holds. */
  const memberRank = (c: number, side: number): number => entryRank[coupleEntryBase + 2 * (coupleCursor[c] as number) + side] as number

  // --- supplemental lists ------------------------------------------------------------------
  const onEnter = (a: number, p: number): void => {
    if (programTrack[p] !== ADVANCED_TRACK) return
    const to = applicantSupplementalStart[a + 1] as number
    for (let i = applicantSupplementalStart[a] as number; i < to; i++) {
      if (supplementalAdvanced[i] !== p) continue
      const list = supplementalList[i] as number
      supplementalActive[a] = list
      supplementalCursor[a] = supplementalListStart[list] as number
      push(A + C + a)
      return
    }
  }
  const onLeave = (a: number): void => {
    if (supplementalActive[a] === -1) return
    supplementalActive[a] = -1
    const held = supplementalProgram[a] as number
    if (held < 0) return
    heapRemove(held, entryRank[supplementalCursor[a] as number] as number, a)
    supplementalProgram[a] = -1
    queueVacancy(held)
  }

  // --- displacement ------------------------------------------------------------------------
  /** `p` drops the applicant of heap entry `held`, who re-enters the stack. */
  const displace = (p: number, held: number): void => {
    // The low 32 bits (ToUint32 is exact on these integers).
    const a = held >>> 0
    if (primaryProgram[a] !== p) {
      supplementalProgram[a] = -1
      supplementalCursor[a]!++
      push(A + C + a)
      return
    }
    primaryProgram[a] = -1
    onLeave(a)
    const c = coupleOf[a] as number
    if (c < 0) {
      cursor[a]!++
      push(a)
      return
    }
    const partnerSide = coupleMembers[2 * c] === a ? 1 : 0
    const partner = coupleMembers[2 * c + partnerSide] as number
    const partnerProgram = primaryProgram[partner] as number
    if (partnerProgram >= 0) {
      heapRemove(partnerProgram, memberRank(c, partnerSide), partner)
      primaryProgram[partner] = -1
      onLeave(partner)
      queueVacancy(partnerProgram)
    }
    couplePlaced[c] = 0
    coupleCursor[c]!++
    stats.coupleRestarts++
    push(A + c)
  }

  const admit = (p: number, rank: number, a: number): void => {
    if ((heapSize[p] as number) >= (capacity[p] as number)) displace(p, heapPop(p))
    heapInsert(p, rank, a)
  }

  /**
   * Seats supplemental seeker `a` (list `list`) at `p`. The applicant `p` lets go may be the
   * seeker's own partner, whose withdrawal costs the seeker its advanced position and so its
   * supplemental list; then the seat stays free and is offered to others.
   */
  const admitSupplemental = (a: number, list: number, p: number, rank: number, entry: number): void => {
    if ((heapSize[p] as number) >= (capacity[p] as number)) displace(p, heapPop(p))
    if (supplementalActive[a] !== list) {
      queueVacancy(p)
      return
    }
    heapInsert(p, rank, a)
    supplementalCursor[a] = entry
    supplementalProgram[a] = p
    // A single who ranked p above its advanced program would rather hold this seat as its
    // primary match (giving up the advanced position and so the supplemental list).
    if (coupleOf[a] !== -1) return
    const upTo = cursor[a] as number
    for (let e = applicantListStart[a] as number; e < upTo; e++) {
      if (entryProgram[e] !== p) continue
      if (!mayReenter(applicantReentries, a, applicantLimit)) return
      const held = primaryProgram[a] as number
      heapRemove(held, entryRank[upTo] as number, a)
      primaryProgram[a] = -1
      onLeave(a)
      queueVacancy(held)
      cursor[a] = e
      admit(p, entryRank[e] as number, a)
      primaryProgram[a] = p
      onEnter(a, p)
      return
    }
  }

  // --- proposals ---------------------------------------------------------------------------
  const proposeSingle = (a: number): void => {
    if (primaryProgram[a] !== -1) return
    const end = applicantListStart[a + 1] as number
    for (let e = cursor[a] as number; e < end; e++) {
      work++
      proposals++
      const p = entryProgram[e] as number
      const rank = entryRank[e] as number
      if (!accepts(p, rank)) continue
      cursor[a] = e
      admit(p, rank, a)
      primaryProgram[a] = p
      onEnter(a, p)
      return
    }
    cursor[a] = end
  }

  const proposeSupplemental = (a: number): void => {
    const list = supplementalActive[a] as number
    if (list < 0 || supplementalProgram[a] !== -1) return
    const end = supplementalListStart[list + 1] as number
    for (let e = supplementalCursor[a] as number; e < end; e++) {
      work++
      proposals++
      const p = entryProgram[e] as number
      const rank = entryRank[e] as number
      if (!accepts(p, rank)) continue
      admitSupplemental(a, list, p, rank, e)
      return
    }
    supplementalCursor[a] = end
  }

  /**
   * Would line `line` take both members, counting the seats the couple itself holds as free?
   * This is the stability test for couples stated in docs/match.md.
   */
  const lineTakes = (c: number, line: number): boolean => {
    const e = coupleEntryBase + 2 * line
    const p = entryProgram[e] as number
    const q = entryProgram[e + 1] as number
    const rankP = entryRank[e] as number
    const rankQ = entryRank[e + 1] as number
    if ((p >= 0 && rankP < 0) || (q >= 0 && rankQ < 0)) return false
    const first = coupleMembers[2 * c] as number
    const second = coupleMembers[2 * c + 1] as number
    const heldFirst = primaryProgram[first] as number
    const heldSecond = primaryProgram[second] as number
    if (heldFirst < 0 && heldSecond < 0) {
      if (p >= 0 && p === q) return countAbove(p, Math.max(rankP, rankQ), -1, -1) <= (capacity[p] as number) - 2
      return (p < 0 || accepts(p, rankP)) && (q < 0 || accepts(q, rankQ))
    }
    const ownFirst = heldFirst >= 0 ? memberRank(c, 0) : -1
    const ownSecond = heldSecond >= 0 ? memberRank(c, 1) : -1
    const ownAt = (x: number, held: number, own: number): number => (held === x ? own : -1)
    if (p >= 0 && p === q) {
      const above = countAbove(p, Math.max(rankP, rankQ), ownAt(p, heldFirst, ownFirst), ownAt(p, heldSecond, ownSecond))
      return above <= (capacity[p] as number) - 2
    }
    if (p >= 0) {
      const above = countAbove(p, rankP, ownAt(p, heldFirst, ownFirst), ownAt(p, heldSecond, ownSecond))
      if (above > (capacity[p] as number) - 1) return false
    }
    if (q >= 0) {
      const above = countAbove(q, rankQ, ownAt(q, heldFirst, ownFirst), ownAt(q, heldSecond, ownSecond))
      if (above > (capacity[q] as number) - 1) return false
    }
    return true
  }

  const placeCouple = (c: number, line: number): void => {
    const e = coupleEntryBase + 2 * line
    const first = coupleMembers[2 * c] as number
    const second = coupleMembers[2 * c + 1] as number
    const p = entryProgram[e] as number
    const q = entryProgram[e + 1] as number
    coupleCursor[c] = line
    couplePlaced[c] = 1
    if (p >= 0) {
      admit(p, entryRank[e] as number, first)
      primaryProgram[first] = p
    }
    if (q >= 0) {
      admit(q, entryRank[e + 1] as number, second)
      primaryProgram[second] = q
    }
    if (p >= 0) onEnter(first, p)
    if (q >= 0) onEnter(second, q)
  }

  const proposeCouple = (c: number): void => {
    if (couplePlaced[c] === 1) return
    const end = coupleLineStart[c + 1] as number
    for (let line = coupleCursor[c] as number; line < end; line++) {
      work++
      proposals++
      if (lineTakes(c, line)) {
        placeCouple(c, line)
        return
      }
    }
    coupleCursor[c] = end
  }

  const withdrawCouple = (c: number): void => {
    for (let side = 0; side < 2; side++) {
      const member = coupleMembers[2 * c + side] as number
      const held = primaryProgram[member] as number
      if (held < 0) continue
      heapRemove(held, memberRank(c, side), member)
      primaryProgram[member] = -1
      onLeave(member)
      queueVacancy(held)
    }
    couplePlaced[c] = 0
  }

  // --- instability chains: a seat freed by a withdrawal ------------------------------------
  /** Offers `p`'s free or contestable seats, in p's order, to whoever now prefers p. */
  const repair = (p: number): void => {
    const from = programRankStart[p] as number
    const to = programRankStart[p + 1] as number
    const base = heapStart[p] as number
    for (let k = from; k < to; k++) {
      const rank = k - from
      const size = heapSize[p] as number
      if (size >= (capacity[p] as number) && (size === 0 || (heap[base] as number) < rank * HELD_SHIFT)) return
      work++
      const a = programRankApplicants[k] as number
      const c = coupleOf[a] as number
      if (c < 0) {
        const entry = programRankPrimaryEntry[k] as number
        if (entry >= 0 && entry < (cursor[a] as number) && primaryProgram[a] !== p && mayReenter(applicantReentries, a, applicantLimit)) {
          const held = primaryProgram[a] as number
          if (held >= 0) {
            heapRemove(held, entryRank[cursor[a] as number] as number, a)
            primaryProgram[a] = -1
            onLeave(a)
            queueVacancy(held)
          }
          cursor[a] = entry
          admit(p, rank, a)
          primaryProgram[a] = p
          onEnter(a, p)
          continue
        }
      } else {
        const side = coupleMembers[2 * c] === a ? 0 : 1
        // Lines from the cursor on are still to be tried by the couple itself.
        const upTo = coupleCursor[c] as number
        for (let line = coupleLineStart[c] as number; line < upTo; line++) {
          if (entryProgram[coupleEntryBase + 2 * line + side] !== p || !lineTakes(c, line)) continue
          if (!mayReenter(coupleReentries, c, maxReentries)) break
          withdrawCouple(c)
          placeCouple(c, line)
          break
        }
        if (primaryProgram[a] === p) continue
      }
      const list = supplementalActive[a] as number
      if (list >= 0 && supplementalProgram[a] !== p) {
        const current = supplementalProgram[a] as number
        const limit = supplementalCursor[a] as number
        for (let e = supplementalListStart[list] as number; e < limit; e++) {
          if (entryProgram[e] !== p) continue
          if (!mayReenter(supplementalReentries, a, applicantLimit)) break
          if (current >= 0) {
            heapRemove(current, entryRank[supplementalCursor[a] as number] as number, a)
            supplementalProgram[a] = -1
            queueVacancy(current)
          }
          admitSupplemental(a, list, p, rank, e)
          break
        }
      }
    }
  }

  // --- main loop ---------------------------------------------------------------------------
  // A stack: singles come off first, in id order, then the couples in `order`.
  for (let i = C - 1; i >= 0; i--) push(A + (order[i] as number))
  for (let a = A - 1; a >= 0; a--) if (coupleOf[a] === -1) push(a)

  let budget = maxWork
  for (;;) {
    if (stackSize > 0) {
      const agent = stack[--stackSize] as number
      inStack[agent] = 0
      if (agent < A) proposeSingle(agent)
      else if (agent < A + C) proposeCouple(agent - A)
      else proposeSupplemental(agent - A - C)
    } else if (vacancyCount > 0) {
      const p = vacancies[--vacancyCount] as number
      inVacancies[p] = 0
      if (reentryAllowed) repair(p)
    } else break
    if (work > budget && reentryAllowed) {
      // Out of budget: finish without pulling anyone back up their list; every cursor then
      // only moves down, so the run ends. Whoever still blocks is reported as unresolved.
      looped = true
      reentryAllowed = false
      budget = work + maxWork
    } else if (work > budget) break
  }

  stats.proposals += proposals
  const findBlocking = (): Blocking => {
    const blockingCouples: number[] = []
    for (let c = 0; c < C; c++) {
      const upTo = couplePlaced[c] === 1 ? (coupleCursor[c] as number) : (coupleLineStart[c + 1] as number)
      for (let line = coupleLineStart[c] as number; line < upTo; line++) {
        if (lineTakes(c, line)) {
          blockingCouples.push(c)
          break
        }
      }
    }
    const blockingApplicants: number[] = []
    for (let a = 0; a < A; a++) {
      let blocks = false
      if (coupleOf[a] === -1) {
        const upTo = primaryProgram[a] === -1 ? (applicantListStart[a + 1] as number) : (cursor[a] as number)
        for (let e = applicantListStart[a] as number; e < upTo && !blocks; e++) {
          const p = entryProgram[e] as number
          // Its own supplemental seat there counts as free: it would give it up to move.
          blocks = supplementalProgram[a] === p || accepts(p, entryRank[e] as number)
        }
      }
      const list = supplementalActive[a] as number
      if (list >= 0) {
        const upTo = supplementalProgram[a] === -1 ? (supplementalListStart[list + 1] as number) : (supplementalCursor[a] as number)
        for (let e = supplementalListStart[list] as number; e < upTo && !blocks; e++) {
          blocks = accepts(entryProgram[e] as number, entryRank[e] as number)
        }
      }
      if (blocks) blockingApplicants.push(a)
    }
    return { couples: blockingCouples, applicants: blockingApplicants }
  }
  return {
    applicantProgram: primaryProgram,
    supplementalProgram,
    programFilled: heapSize,
    looped,
    order,
    buffers,
    use: buffers.uses,
    findBlocking,
  }
}
