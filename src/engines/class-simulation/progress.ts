/**
 * How far a class simulation has got. A simulation first draws its markets (each a whole
 * national market built and compiled, seconds apiece) and then solves its runs (a fraction of a
 * second each), so "runs done / runs" sits near 0 % for most of the first half. The share here
 * weighs each step by what it has been measured to cost so far. Pure.
 */
export type ClassSimulationProgress = {
  /** Markets drawn so far, of `markets` (counted per worker thread: each thread draws its own). */
  marketsDrawn: number
  markets: number
  runsDone: number
  runs: number
  /** Milliseconds spent drawing markets and solving runs so far. */
  marketMs: number
  runMs: number
}

/** Until measured: a market draw costs about as much as this many runs (the benchmark's ratio, roughly). */
export const ASSUMED_RUNS_PER_MARKET_DRAW = 15

/** The share of the work done, from 0 to 1, by the measured cost of a market draw and of a run. */
export function progressShare(p: ClassSimulationProgress): number {
  if (p.runs <= 0) return 0
  if (p.runsDone >= p.runs) return 1
  const perMarket = p.marketsDrawn > 0 ? p.marketMs / p.marketsDrawn : null
  const perRun = p.runsDone > 0 ? p.runMs / p.runsDone : null
  const weight = perMarket !== null && perRun !== null && perRun > 0 ? perMarket / perRun : ASSUMED_RUNS_PER_MARKET_DRAW
  const total = p.markets * weight + p.runs
  const done = Math.min(p.marketsDrawn, p.markets) * weight + p.runsDone
  return total > 0 ? Math.max(0, Math.min(0.999, done / total)) : 0
}

/** The distinct markets that the given run numbers use (run r uses market r mod M), in first-use order. */
export function marketsOfRuns(markets: number, runs: Iterable<number>): number[] {
  const seen = new Set<number>()
  for (const r of runs) seen.add(r % markets)
  return [...seen]
}
