/**
 * Monte-Carlo match simulation: how sure is an applicant's match, and how full will a program
 * be, if programs' rank order lists are uncertain?
 *
 * Run `i` perturbs every program's list with the noise model of `noise.ts` using the random
 * stream `deriveSeed(seed, i)`, solves the perturbed instance and tallies the outcome. Runs are
 * independent, so any partition of the run indices (one per worker thread) gives the same
 * totals once the tallies are merged with {@link mergeTallies}.
 *
 * Pure: the caller (the command line) owns threads, clocks and files.
 */
import type { CompiledInstance } from './compile-instance.ts'
import { createNoiseScratch, perturbedOrder, type NoiseScratch } from './noise.ts'
import { createRandom, deriveSeed } from './random.ts'
import { createSolveWorkspace, type SolveWorkspace } from './run-buffers.ts'
import { solveCompiled, type CompiledResult } from './solve-compiled.ts'
import type { SolveOptions } from './types.ts'

/** Default "top k" cut-offs reported per applicant. */
export const DEFAULT_TOP_CHOICES = [1, 2, 3, 5] as const

export type SimulationOptions = {
  /** Noise σ in rank positions (see `noise.ts`). */
  noise: number
  seed: number | string
  /** Cut-offs k for "matched to one of the top k choices"; default 1, 2, 3, 5. */
  topChoices?: readonly number[]
  /**
   * Bounds on each run's solve. When couples loop, the solver retries with other couple orders
   * (`attempts`, default 4 for a single match); the simulator's callers usually pass
   * `attempts: 1`, keeping each run's first pass and counting it in `unresolvedRuns`, because
   * a retry costs a whole run again and the tail of slow runs dominates a simulation.
   */
  solve?: SolveOptions
}

/** Sums over runs; merge the tallies of disjoint sets of runs with {@link mergeTallies}. */
export type SimulationTally = {
  runs: number
  /** Runs that ended with couples the solver could not place stably. */
  unresolvedRuns: number
  proposals: number
  /** Per applicant (compiled order): runs in which the applicant matched. */
  matched: Float64Array
  /** Per applicant × cut-off: runs matched within the top `topChoices[k]` choices; index `a * K + k`. */
  top: Float64Array
  /** Per program (compiled order): positions filled, summed over runs. */
  filled: Float64Array
  /** Per program: capacity after reversions, summed over runs. */
  capacity: Float64Array
}

export type ApplicantOutlook = {
  id: string
  /** Probability of matching at all. */
  pMatch: number
  /** `pTop[k]`: probability of matching one of the first `topChoices[k]` lines of the list. */
  pTop: number[]
}

export type ProgramOutlook = {
  id: string
  /** Capacity in the instance, before reversions. */
  capacity: number
  meanFilled: number
  /** Mean filled over mean capacity after reversions (1 = always full). */
  expectedFill: number
}

export type SimulationReport = {
  runs: number
  noise: number
  seed: number | string
  topChoices: number[]
  /** The solver bounds each run used. */
  solve: SolveOptions
  summary: {
    /** Mean P(match) over applicants who ranked at least one program (alone or as a couple). */
    meanMatchRate: number
    /** Positions filled over positions offered, over all runs. */
    fillRate: number
    unresolvedRuns: number
    meanProposals: number
  }
  applicants: ApplicantOutlook[]
  programs: ProgramOutlook[]
}

/** What the runs share: the compiled instance, the cut-offs and reusable buffers. */
export type SimulationPlan = {
  compiled: CompiledInstance
  topChoices: number[]
  longestProgramList: number
  /** One run's rank-dependent arrays, reused from run to run (see {@link perturbCompiled}). */
  scratch: {
    ranks: Int32Array
    primaryEntry: Int32Array
    /** New position of each old rank position, per program (the inverse permutation). */
    position: Int32Array
    /** For each entry, its slot `programRankStart[p] + rank` in the program's list, or -1. */
    entrySlot: Int32Array
    entryRank: Int32Array
    noise: NoiseScratch
    /** The solver's buffers, kept from run to run (see {@link simulateRun}). */
    solver: SolveWorkspace
  }
}

export function createSimulationPlan(compiled: CompiledInstance, topChoices: readonly number[] = DEFAULT_TOP_CHOICES): SimulationPlan {
  for (const k of topChoices) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`top choice cut-offs must be positive integers, got ${k}`)
  }
  let longestProgramList = 0
  for (let p = 0; p < compiled.programCount; p++) {
    longestProgramList = Math.max(longestProgramList, (compiled.programRankStart[p + 1] as number) - (compiled.programRankStart[p] as number))
  }
  return {
    compiled,
    topChoices: [...topChoices],
    longestProgramList,
    scratch: {
      ranks: new Int32Array(compiled.programRankApplicants.length),
      primaryEntry: new Int32Array(compiled.programRankApplicants.length),
      position: new Int32Array(compiled.programRankApplicants.length),
      entrySlot: entrySlots(compiled),
      entryRank: new Int32Array(compiled.entryCount),
      noise: createNoiseScratch(longestProgramList),
      solver: createSolveWorkspace(),
    },
  }
}

function entrySlots(compiled: CompiledInstance): Int32Array {
  const slots = new Int32Array(compiled.entryCount)
  for (let e = 0; e < compiled.entryCount; e++) {
    const rank = compiled.entryRank[e] as number
    slots[e] = rank < 0 ? -1 : (compiled.programRankStart[compiled.entryProgram[e] as number] as number) + rank
  }
  return slots
}

export function createTally(plan: SimulationPlan): SimulationTally {
  const { compiled, topChoices } = plan
  return {
    runs: 0,
    unresolvedRuns: 0,
    proposals: 0,
    matched: new Float64Array(compiled.applicantCount),
    top: new Float64Array(compiled.applicantCount * topChoices.length),
    filled: new Float64Array(compiled.programCount),
    capacity: new Float64Array(compiled.programCount),
  }
}

/** Adds `from` into `into` (in place) and returns `into`. */
export function mergeTallies(into: SimulationTally, from: SimulationTally): SimulationTally {
  into.runs += from.runs
  into.unresolvedRuns += from.unresolvedRuns
  into.proposals += from.proposals
  const add = (x: Float64Array, y: Float64Array): void => {
    if (x.length !== y.length) throw new RangeError('tallies of different instances')
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (y[i] as number)
  }
  add(into.matched, from.matched)
  add(into.top, from.top)
  add(into.filled, from.filled)
  add(into.capacity, from.capacity)
  return into
}

/**
 * The compiled instance of run `run`: every program's list perturbed by the noise model with
 * the stream `deriveSeed(seed, run)`, programs taken in compiled (sorted id) order.
 *
 * Equal to `withProgramRanks(compiled, perturbed lists)` (a test holds them together), but
 * cheaper: a perturbation only permutes each list, so the rank-dependent arrays are permuted
 * rather than rebuilt, into buffers of the plan. The returned instance is valid until the next
 * call with the same plan.
 */
export function perturbCompiled(plan: SimulationPlan, noise: number, seed: number | string, run: number): CompiledInstance {
  if (!(noise >= 0)) throw new RangeError(`noise must be a non-negative number, got ${noise}`)
  const { compiled } = plan
  if (noise === 0) return compiled
  const random = createRandom(deriveSeed(seed, run))
  const { ranks, primaryEntry, position, entrySlot, entryRank, noise: scratch } = plan.scratch
  const sourceRanks = compiled.programRankApplicants
  const sourcePrimary = compiled.programRankPrimaryEntry
  const starts = compiled.programRankStart
  for (let p = 0; p < compiled.programCount; p++) {
    const from = starts[p] as number
    const length = (starts[p + 1] as number) - from
    if (length < 2) {
      if (length === 1) {
        ranks[from] = sourceRanks[from] as number
        primaryEntry[from] = sourcePrimary[from] as number
        position[from] = 0
      }
      continue
    }
    const order = perturbedOrder(length, noise, random, scratch)
    for (let k = 0; k < length; k++) {
      const old = from + (order[k] as number)
      ranks[from + k] = sourceRanks[old] as number
      primaryEntry[from + k] = sourcePrimary[old] as number
      position[old] = k
    }
  }
  for (let e = 0; e < entryRank.length; e++) {
    const slot = entrySlot[e] as number
    entryRank[e] = slot < 0 ? -1 : (position[slot] as number)
  }
  return { ...compiled, programRankApplicants: ranks, programRankPrimaryEntry: primaryEntry, entryRank }
}

/**
 * Solves one perturbed replica; the result is in compiled (integer) form. It lives in the
 * plan's buffers: it is valid until the next run with the same plan.
 */
export function simulateRun(plan: SimulationPlan, options: SimulationOptions, run: number): CompiledResult {
  return solveCompiled(perturbCompiled(plan, options.noise, options.seed, run), options.solve, plan.scratch.solver)
}

/** Adds one run's result to a tally. */
export function tallyResult(plan: SimulationPlan, tally: SimulationTally, result: CompiledResult): void {
  const { compiled, topChoices } = plan
  const K = topChoices.length
  tally.runs++
  tally.proposals += result.stats.proposals
  if (result.unresolvedCouples.length > 0) tally.unresolvedRuns++
  // Primary (non-supplemental) program of each applicant; the supplemental PGY-1 year rides on it.
  const programOf = result.applicantProgram
  for (let p = 0; p < compiled.programCount; p++) {
    tally.filled[p] = (tally.filled[p] as number) + (result.programFilled[p] as number)
    tally.capacity[p] = (tally.capacity[p] as number) + (result.programCapacity[p] as number)
  }
  const { applicantListStart, entryProgram, coupleOf, coupleMembers, coupleLineStart, coupleEntryBase } = compiled
  for (let a = 0; a < compiled.applicantCount; a++) {
    const p = programOf[a] as number
    const c = coupleOf[a] as number
    if (p < 0 && c < 0) continue
    let choice = -1
    if (c < 0) {
      const from = applicantListStart[a] as number
      const to = applicantListStart[a + 1] as number
      for (let e = from; e < to; e++) {
        if (entryProgram[e] === p) {
          choice = e - from
          break
        }
      }
    } else {
      // A couple member's choice is the line of the joint list the couple matched.
      const first = programOf[coupleMembers[2 * c] as number] as number
      const second = programOf[coupleMembers[2 * c + 1] as number] as number
      if (first < 0 && second < 0) continue
      const from = coupleLineStart[c] as number
      const to = coupleLineStart[c + 1] as number
      for (let line = from; line < to; line++) {
        const base = coupleEntryBase + 2 * line
        if (entryProgram[base] === first && entryProgram[base + 1] === second) {
          choice = line - from
          break
        }
      }
      if (p < 0) continue
    }
    tally.matched[a] = (tally.matched[a] as number) + 1
    if (choice < 0) continue
    for (let k = 0; k < K; k++) {
      if (choice < (topChoices[k] as number)) tally.top[a * K + k] = (tally.top[a * K + k] as number) + 1
    }
  }
}

/**
 * Runs `runs` (any subset of run indices) and returns their tally. `onRun` is called after
 * each run, e.g. to report progress.
 */
export function simulateRuns(plan: SimulationPlan, options: SimulationOptions, runs: Iterable<number>, onRun?: (run: number) => void): SimulationTally {
  const tally = createTally(plan)
  for (const run of runs) {
    tallyResult(plan, tally, simulateRun(plan, options, run))
    onRun?.(run)
  }
  return tally
}

/** Run indices `i` in `[0, runs)` with `i % workers === worker`. */
export function runsOfWorker(runs: number, workers: number, worker: number): number[] {
  const out: number[] = []
  for (let i = worker; i < runs; i += workers) out.push(i)
  return out
}

/** Probabilities and expected fills from a tally. */
export function summarizeSimulation(plan: SimulationPlan, tally: SimulationTally, options: SimulationOptions): SimulationReport {
  const { compiled, topChoices } = plan
  const K = topChoices.length
  const n = Math.max(1, tally.runs)
  const applicants: ApplicantOutlook[] = []
  let rateSum = 0
  let rateCount = 0
  for (let a = 0; a < compiled.applicantCount; a++) {
    const pMatch = (tally.matched[a] as number) / n
    const pTop: number[] = []
    for (let k = 0; k < K; k++) pTop.push((tally.top[a * K + k] as number) / n)
    applicants.push({ id: compiled.applicantIds[a] as string, pMatch, pTop })
    const ranksSomething = (compiled.applicantListStart[a + 1] as number) > (compiled.applicantListStart[a] as number) || (compiled.coupleOf[a] as number) >= 0
    if (ranksSomething) {
      rateSum += pMatch
      rateCount++
    }
  }
  const programs: ProgramOutlook[] = []
  let filledTotal = 0
  let capacityTotal = 0
  for (let p = 0; p < compiled.programCount; p++) {
    const filled = tally.filled[p] as number
    const capacity = tally.capacity[p] as number
    filledTotal += filled
    capacityTotal += capacity
    programs.push({
      id: compiled.programIds[p] as string,
      capacity: compiled.programCapacity[p] as number,
      meanFilled: filled / n,
      expectedFill: capacity > 0 ? filled / capacity : 0,
    })
  }
  return {
    runs: tally.runs,
    noise: options.noise,
    seed: options.seed,
    topChoices: [...topChoices],
    solve: { ...options.solve },
    summary: {
      meanMatchRate: rateCount > 0 ? rateSum / rateCount : 0,
      fillRate: capacityTotal > 0 ? filledTotal / capacityTotal : 0,
      unresolvedRuns: tally.unresolvedRuns,
      meanProposals: tally.proposals / n,
    },
    applicants,
    programs,
  }
}
