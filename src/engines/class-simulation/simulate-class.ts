/**
 * The class simulation's Monte Carlo loop. Run `r` uses market `r mod M` (each market drawn and
 * compiled once, lazily) and perturbs every program's list with the match engine's noise model
 * under `deriveSeed(seed, r)`, then solves it. Runs are independent, so any partition of run
 * numbers (one per worker thread) gives the same merged tally.
 *
 * Pure: the caller owns threads, clocks and storage.
 */
import { compileInstance } from '#engines/match/compile-instance.ts'
import { createSimulationPlan, perturbCompiled, type SimulationPlan } from '#engines/match/simulate.ts'
import { solveCompiled } from '#engines/match/solve-compiled.ts'
import { buildMarket, cleanLists, type Market } from './market.ts'
import type { ClassSimulationInput } from './types.ts'

export const SIMULATION_DEFAULTS = { noise: 2, runsPerMarket: 50, maxMarkets: 20 } as const

/** Markets drawn by default: one per 50 runs, 1 to 20. */
export function defaultMarkets(runs: number): number {
  return Math.max(1, Math.min(SIMULATION_DEFAULTS.maxMarkets, Math.round(runs / SIMULATION_DEFAULTS.runsPerMarket)))
}

type CompiledMarket = { market: Market; plan: SimulationPlan; applicantIndex: Int32Array }

export type ClassPlan = {
  input: ClassSimulationInput
  markets: number
  noise: number
  /** Length of each student's list as simulated (lines of a couple's joint list). */
  listLength: number[]
  /** Stride of `rankCounts`: longest list + 1 (the last slot counts "unmatched"). */
  stride: number
  compiled: (CompiledMarket | undefined)[]
}

/** Sums over runs; merge the tallies of disjoint runs with {@link mergeClassTallies}. */
export type ClassTally = {
  runs: number
  unresolvedRuns: number
  /** Per student × (rank 0..stride−2, unmatched at stride−1). */
  rankCounts: Float64Array
  /** Per market: runs. */
  marketRuns: Float64Array
  /** Per student × market: runs matched (for the standard error between markets). */
  marketMatched: Float64Array
  /** `matchedCount[i]`: runs in which exactly i students matched. */
  matchedCount: Float64Array
  /** Size of the first market drawn (for the report). */
  market?: MarketSize
}

export type MarketSize = { applicants: number; positions: number; programs: number; specialties: number; scale: number }

export function createClassPlan(input: ClassSimulationInput): ClassPlan {
  const { runs } = input.options
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`)
  const noise = input.options.noise ?? SIMULATION_DEFAULTS.noise
  const markets = Math.max(1, Math.min(runs, input.options.markets ?? defaultMarkets(runs)))
  const known = new Map(input.programs.map((p) => [p.id, p]))
  const partnerOf = new Map<string, string>()
  for (const c of input.couples ?? []) {
    partnerOf.set(c.members[0], c.members[1])
    partnerOf.set(c.members[1], c.members[0])
  }
  const cleaned = new Map(input.students.map((s) => [s.id, cleanLists(s, known).primary]))
  const listLength = input.students.map((s) => {
    const mine = cleaned.get(s.id) as (string | null)[]
    const partner = partnerOf.get(s.id)
    const theirs = partner !== undefined ? cleaned.get(partner) : undefined
    if (theirs === undefined) return new Set(mine.filter((id) => id !== null)).size
    let lines = 0
    for (let i = 0; i < Math.max(mine.length, theirs.length); i++) if ((mine[i] ?? null) !== null || (theirs[i] ?? null) !== null) lines++
    return lines
  })
  const stride = Math.max(0, ...listLength) + 1
  return { input, markets, noise, listLength, stride, compiled: new Array(markets).fill(undefined) }
}

/** Market `m`, drawn and compiled on first use. */
export function marketOf(plan: ClassPlan, m: number): CompiledMarket {
  const cached = plan.compiled[m]
  if (cached) return cached
  const market = buildMarket(plan.input, m)
  const compiled = compileInstance(market.instance)
  const index = new Map(compiled.applicantIds.map((id, a) => [id, a]))
  const applicantIndex = Int32Array.from(market.studentIds, (id) => index.get(id) ?? -1)
  const entry = { market, plan: createSimulationPlan(compiled, [1]), applicantIndex }
  plan.compiled[m] = entry
  return entry
}

export function createClassTally(plan: ClassPlan): ClassTally {
  const S = plan.input.students.length
  return {
    runs: 0,
    unresolvedRuns: 0,
    rankCounts: new Float64Array(S * plan.stride),
    marketRuns: new Float64Array(plan.markets),
    marketMatched: new Float64Array(S * plan.markets),
    matchedCount: new Float64Array(S + 1),
  }
}

export function mergeClassTallies(into: ClassTally, from: ClassTally): ClassTally {
  into.runs += from.runs
  into.unresolvedRuns += from.unresolvedRuns
  into.market ??= from.market
  for (const key of ['rankCounts', 'marketRuns', 'marketMatched', 'matchedCount'] as const) {
    const x = into[key]
    const y = from[key]
    if (x.length !== y.length) throw new RangeError('tallies of different simulations')
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (y[i] as number)
  }
  return into
}

/** Runs one simulation run and adds it to `tally`. */
export function runClassRun(plan: ClassPlan, tally: ClassTally, run: number): void {
  const m = run % plan.markets
  const { plan: simulation, applicantIndex, market } = marketOf(plan, m)
  tally.market ??= { applicants: market.applicants, positions: market.positions, programs: market.programs, specialties: market.markets, scale: market.scale }
  const compiled = simulation.compiled
  // The market's plan keeps the solver's buffers; the result is read before the next run.
  const result = solveCompiled(perturbCompiled(simulation, plan.noise, plan.input.options.seed, run), { attempts: 1 }, simulation.scratch.solver)
  tally.runs++
  tally.marketRuns[m] = (tally.marketRuns[m] as number) + 1
  if (result.unresolvedCouples.length > 0 || result.unresolvedApplicants.length > 0) tally.unresolvedRuns++
  const programOf = result.applicantProgram
  const { applicantListStart, entryProgram, coupleOf, coupleMembers, coupleLineStart, coupleEntryBase } = compiled
  const S = applicantIndex.length
  const stride = plan.stride
  let matchedStudents = 0
  for (let s = 0; s < S; s++) {
    const a = applicantIndex[s] as number
    let rank = -1
    const p = a < 0 ? -1 : (programOf[a] as number)
    if (p >= 0) {
      const c = coupleOf[a] as number
      if (c < 0) {
        const from = applicantListStart[a] as number
        const to = applicantListStart[a + 1] as number
        for (let e = from; e < to; e++) {
          if (entryProgram[e] === p) {
            rank = e - from
            break
          }
        }
      } else {
        const first = programOf[coupleMembers[2 * c] as number] as number
        const second = programOf[coupleMembers[2 * c + 1] as number] as number
        const from = coupleLineStart[c] as number
        const to = coupleLineStart[c + 1] as number
        for (let line = from; line < to; line++) {
          const base = coupleEntryBase + 2 * line
          if (entryProgram[base] === first && entryProgram[base + 1] === second) {
            rank = line - from
            break
          }
        }
      }
    }
    // A match outside the list cannot happen; counted as unmatched if it ever did.
    const slot = rank >= 0 && rank < stride - 1 ? rank : stride - 1
    tally.rankCounts[s * stride + slot] = (tally.rankCounts[s * stride + slot] as number) + 1
    if (slot < stride - 1) {
      matchedStudents++
      tally.marketMatched[s * plan.markets + m] = (tally.marketMatched[s * plan.markets + m] as number) + 1
    }
  }
  tally.matchedCount[matchedStudents] = (tally.matchedCount[matchedStudents] as number) + 1
}

/** Runs the given run numbers; `onRun` after each (progress, cancellation checks). */
export function runClassRuns(plan: ClassPlan, tally: ClassTally, runs: Iterable<number>, onRun?: (run: number) => void): ClassTally {
  for (const run of runs) {
    runClassRun(plan, tally, run)
    onRun?.(run)
  }
  return tally
}

/** Run numbers `r` in `[0, runs)` with `r % workers === worker`. */
export function runsOfWorker(runs: number, workers: number, worker: number): number[] {
  const out: number[] = []
  for (let r = worker; r < runs; r += workers) out.push(r)
  return out
}
