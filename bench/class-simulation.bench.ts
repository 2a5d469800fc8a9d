/**
 * Class simulation benchmark: a class of BENCH_STUDENTS students (≈ 11 ranks each, one couple,
 * one supplemental list) across the twelve largest specialties, programs at about national
 * counts, BENCH_RUNS Monte Carlo runs. Run with `npm run bench:class-simulation`.
 *
 * Human-readable lines go to stderr; the last line of stdout is one JSON object:
 * - students, runs, markets, market_applicants, market_positions, market_programs: the size;
 * - seconds: the whole simulation on BENCH_WORKERS worker threads (2), as the server runs it
 *   (markets drawn and compiled once per worker, reused run after run);
 * - baseline_one_thread_seconds: the same on one worker thread; same_result: both reports equal;
 * - baseline_recompile_ms_per_run: a run that draws and compiles its market afresh, against
 *   ms_per_run (seconds / runs × threads, per thread), measured on BENCH_RECOMPILE_RUNS runs;
 * - mean_match_rate, at_risk, unresolved_runs, peak_rss_mb, cpus, load_average.
 * Target (issue 7): 150 students × 1,000 runs ≤ 60 s on 2 cores.
 */
import { availableParallelism, loadavg } from 'node:os'
import { buildMarket, createClassPlan, createClassTally, runClassRun } from '#engines/class-simulation/index.ts'
import { NATIONAL_PROGRAM_COUNTS, syntheticClass } from '#engines/class-simulation/testing.ts'
import { compileInstance } from '#engines/match/compile-instance.ts'
import { createSimulationPlan, perturbCompiled } from '#engines/match/simulate.ts'
import { solveCompiled } from '#engines/match/solve-compiled.ts'
import { bundledWorkerEntry, runClassSimulation } from '#server/modules/class-simulation/run-class-simulation.ts'
import { envNumber, log, round } from './lib/measure.ts'

const STUDENTS = envNumber('BENCH_STUDENTS', 150)
const RUNS = envNumber('BENCH_RUNS', 1000)
const WORKERS = envNumber('BENCH_WORKERS', 2)
const RECOMPILE_RUNS = envNumber('BENCH_RECOMPILE_RUNS', 5)
const SEED = envNumber('BENCH_SEED', 1)

const entry = bundledWorkerEntry()
if (!entry) throw new Error('the worker script is missing: run `npm run build:server` first (npm run bench:class-simulation does)')
const input = syntheticClass({ students: STUDENTS, programs: NATIONAL_PROGRAM_COUNTS, runs: RUNS, seed: SEED })

async function timed(workers: number) {
  const started = performance.now()
  let last = 0
  const result = await runClassSimulation(input, {
    workers,
    onProgress: ({ runsDone: done }) => {
      if (done - last >= RUNS / 10) {
        last = done
        log(`  ${workers} thread(s): ${done} / ${RUNS} runs, ${round((performance.now() - started) / 1000)} s`)
      }
    },
  })
  return { result, seconds: (performance.now() - started) / 1000 }
}

log(`class simulation: ${STUDENTS} students, ${input.programs.length} programs, ${RUNS} runs`)
const two = await timed(WORKERS)
log(`${WORKERS} threads: ${round(two.seconds)} s`)
const one = await timed(1)
log(`1 thread: ${round(one.seconds)} s`)

// Baseline: draw and compile the market for every run (no reuse), on this thread.
const plan = createClassPlan(input)
const started = performance.now()
for (let run = 0; run < RECOMPILE_RUNS; run++) {
  const compiled = compileInstance(buildMarket(input, run % plan.markets).instance)
  solveCompiled(perturbCompiled(createSimulationPlan(compiled, [1]), plan.noise, SEED, run), { attempts: 1 })
}
const recompileMs = (performance.now() - started) / RECOMPILE_RUNS
// Reused: runs on one market already compiled.
const warm = createClassTally(plan)
runClassRun(plan, warm, 0)
const reuseStart = performance.now()
for (let run = plan.markets; run < plan.markets * (RECOMPILE_RUNS + 1); run += plan.markets) runClassRun(plan, warm, run)
const reuseMs = (performance.now() - reuseStart) / RECOMPILE_RUNS
log(`per run: drawing and compiling the market each time ${round(recompileMs)} ms, reusing it ${round(reuseMs)} ms`)

const r = two.result
console.log(
  JSON.stringify({
    students: STUDENTS,
    runs: RUNS,
    seconds: round(two.seconds, 2),
    workers: WORKERS,
    baseline_one_thread_seconds: round(one.seconds, 2),
    same_result: JSON.stringify(one.result) === JSON.stringify(two.result),
    markets: r.markets,
    market_applicants: r.market.applicants,
    market_positions: r.market.positions,
    market_programs: r.market.programs,
    ms_per_run: round(reuseMs, 1),
    baseline_recompile_ms_per_run: round(recompileMs, 1),
    mean_match_rate: round(r.meanMatchRate, 3),
    at_risk: r.students.filter((s) => s.flags.length > 0).length,
    unresolved_runs: r.unresolvedRuns,
    peak_rss_mb: Math.round(process.memoryUsage().rss / 1e6),
    cpus: availableParallelism(),
    load_average: round(loadavg()[0] ?? 0, 1),
  }),
)
