/**
 * Match engine benchmark at national scale (NRMP 2024–2025: ≈ 45,000 ranking applicants,
 * ≈ 6,400 programs, ≈ 42,000 positions, ≈ 1,200 couples). Run with `npm run bench:match`.
 *
 * Human-readable lines go to stderr; the last line of stdout is one JSON object:
 * - parse_ms: read + JSON.parse + validate; compile_ms; solve_ms: compile + solve (median);
 *   solve_only_ms: solveCompiled alone;
 *   write_ms: decode + JSON.stringify + write;
 * - proposals, blocking (from checkStability, by kind), unresolved couples;
 * - plain_ms: a plain, competent typed-array deferred acceptance (bench/plain-deferred-acceptance.ts)
 *   on the singles-only sub-instance, from parsed JSON to result objects; engine_ms: the engine
 *   (compile with its checks + solve + decode) on the same; speedup = plain / engine (below 1:
 *   the engine is slower); plain_agree: both gave the same matching;
 * - baseline_solve_ms: the deliberately slow textbook version (bench/textbook-deferred-acceptance.ts,
 *   which re-sorts held applicants on every proposal), kept as textbook_speedup for history;
 *   singles_solve_ms: the engine (compile + solve) against it; singles_agree: same matching;
 * - simulate_ms_per_run: mean of perturbed simulator runs (noise σ = 2, one solver attempt),
 *   on one thread;
 * - peak_rss_mb.
 * Environment: BENCH_APPLICANTS, BENCH_PROGRAMS, BENCH_COUPLES, BENCH_SEED, BENCH_REPEATS,
 * BENCH_SIMULATE_RUNS.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateInstance } from '#engines/match/generate.ts'
import { checkStability, compileInstance, decodeResult, solveCompiled, validateInstance } from '#engines/match/index.ts'
import { createSimulationPlan, simulateRun } from '#engines/match/simulate.ts'
import { singlesOnly } from './singles-only.ts'
import { plainDeferredAcceptance } from './plain-deferred-acceptance.ts'
import { textbookDeferredAcceptance } from './textbook-deferred-acceptance.ts'
import { envNumber, log, median, round, time } from './lib/measure.ts'

const APPLICANTS = envNumber('BENCH_APPLICANTS', 45_000)
const PROGRAMS = envNumber('BENCH_PROGRAMS', 6_400)
const COUPLES = envNumber('BENCH_COUPLES', 1_200)
const SEED = envNumber('BENCH_SEED', 2025)
const REPEATS = envNumber('BENCH_REPEATS', 5)

const dir = mkdtempSync(join(tmpdir(), 'preceptor-bench-'))
try {
  const [generated, generateMs] = time(() => generateInstance({ applicants: APPLICANTS, programs: PROGRAMS, couples: COUPLES, seed: SEED }))
  const path = join(dir, 'instance.json')
  await writeFile(path, JSON.stringify(generated))
  const positions = generated.programs.reduce((n, p) => n + p.capacity, 0)
  const singles = generated.applicants.filter((a) => a.ranks.length > 0)
  const meanRanks = singles.reduce((n, a) => n + a.ranks.length, 0) / Math.max(1, singles.length)
  const supplementalLists = generated.applicants.reduce((n, a) => n + (a.supplemental?.length ?? 0), 0)
  const reversions = generated.programs.filter((p) => p.revertTo !== undefined).length
  log(
    `instance: ${generated.applicants.length} applicants, ${generated.programs.length} programs, ${positions} positions, ` +
      `${generated.couples?.length ?? 0} couples, ${meanRanks.toFixed(1)} ranks per single, ` +
      `${supplementalLists} supplemental lists, ${reversions} reversions (generated in ${Math.round(generateMs)} ms)`,
  )

  // Parse: read + JSON.parse + validate.
  const parseStart = performance.now()
  const instance = validateInstance(JSON.parse(await readFile(path, 'utf8')))
  const parseMs = performance.now() - parseStart

  // Solve: compile + solve, median of REPEATS.
  const compileTimes: number[] = []
  const solveOnlyTimes: number[] = []
  const solveTimes: number[] = []
  let compiled = compileInstance(instance)
  let solved = solveCompiled(compiled)
  for (let i = 0; i < REPEATS; i++) {
    const [c, compileMs] = time(() => compileInstance(instance))
    const [s, solveOnlyMs] = time(() => solveCompiled(c))
    compiled = c
    solved = s
    compileTimes.push(compileMs)
    solveOnlyTimes.push(solveOnlyMs)
    solveTimes.push(compileMs + solveOnlyMs)
  }
  const compileMs = median(compileTimes)
  const solveOnlyMs = median(solveOnlyTimes)
  const solveMs = median(solveTimes)

  // Write: decode + stringify + write.
  const writeStart = performance.now()
  const result = decodeResult(compiled, solved)
  result.stats.ms = Math.round(solveMs)
  await writeFile(join(dir, 'result.json'), JSON.stringify(result))
  const writeMs = performance.now() - writeStart

  const [blocking, stabilityMs] = time(() => checkStability(instance, result))
  const blockingByKind = { single: 0, couple: 0, supplemental: 0 }
  for (const pair of blocking) blockingByKind[pair.kind]++
  const filled = result.programs.reduce((n, p) => n + p.filled, 0)
  const matchedApplicants = result.matches.filter((m) => !m.supplemental).length
  log(
    `match: ${matchedApplicants} matched (${((100 * matchedApplicants) / instance.applicants.length).toFixed(1)} %), ` +
      `${filled}/${result.programs.reduce((n, p) => n + p.capacity, 0)} positions filled, ${result.stats.proposals} proposals, ` +
      `${result.unresolved?.couples.length ?? 0} unresolved couples`,
  )
  log(
    `timing: parse ${round(parseMs)} ms, compile ${round(compileMs)} ms, solve ${round(solveOnlyMs)} ms, ` +
      `compile+solve ${round(solveMs)} ms (medians of ${REPEATS}), ` +
      `write ${round(writeMs)} ms`,
  )
  log(
    `stability: ${blocking.length} blocking (${blockingByKind.single} single, ${blockingByKind.couple} couple, ` +
      `${blockingByKind.supplemental} supplemental), checked in ${Math.round(stabilityMs)} ms`,
  )

  // Singles only: textbook deferred acceptance against the engine.
  const singlesInstance = singlesOnly(instance)
  const baselineTimes: number[] = []
  let baseline = textbookDeferredAcceptance(singlesInstance)
  for (let i = 0; i < Math.max(1, Math.min(REPEATS, 3)); i++) {
    const [b, ms] = time(() => textbookDeferredAcceptance(singlesInstance))
    baseline = b
    baselineTimes.push(ms)
  }
  const singlesTimes: number[] = []
  const singlesSolveOnlyTimes: number[] = []
  let singlesResult = solveCompiled(compileInstance(singlesInstance))
  let singlesCompiled = compileInstance(singlesInstance)
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now()
    singlesCompiled = compileInstance(singlesInstance)
    const t1 = performance.now()
    singlesResult = solveCompiled(singlesCompiled)
    const t2 = performance.now()
    singlesTimes.push(t2 - t0)
    singlesSolveOnlyTimes.push(t2 - t1)
  }
  const singlesSolveOnlyMs = median(singlesSolveOnlyTimes)

  // The yardstick: a plain, competent typed-array deferred acceptance from the same parsed JSON
  // to the same result objects; the engine side is compile (with its checks) + solve + decode.
  const plainTimes: number[] = []
  const engineTimes: number[] = []
  let plain = plainDeferredAcceptance(singlesInstance)
  for (let i = 0; i < REPEATS; i++) {
    const [p, plainMs] = time(() => plainDeferredAcceptance(singlesInstance))
    plain = p
    plainTimes.push(plainMs)
    engineTimes.push(
      time(() => {
        const c = compileInstance(singlesInstance)
        return decodeResult(c, solveCompiled(c))
      })[1],
    )
  }
  const plainMs = median(plainTimes)
  const engineMs = median(engineTimes)
  const singlesDecoded = decodeResult(singlesCompiled, singlesResult)
  const engineMatches = new Map(singlesDecoded.matches.map((m) => [m.applicant, m.program]))
  let singlesAgree = engineMatches.size === baseline.matches.size
  for (const [applicant, program] of baseline.matches) if (engineMatches.get(applicant) !== program) singlesAgree = false
  const baselineMs = median(baselineTimes)
  const singlesMs = median(singlesTimes)
  const plainMatches = new Map(plain.matches.map((m) => [m.applicant, m.program]))
  const plainAgree = plainMatches.size === engineMatches.size && [...plainMatches].every(([a, p]) => engineMatches.get(a) === p)
  log(
    `singles only (${singlesInstance.applicants.length} applicants): textbook ${round(baselineMs)} ms, engine ${round(singlesMs)} ms ` +
      `(solve alone ${round(singlesSolveOnlyMs)} ms), ×${(baselineMs / singlesMs).toFixed(1)} the textbook, same matching: ${singlesAgree}`,
  )
  log(
    `singles only: plain typed-array deferred acceptance ${round(plainMs)} ms, engine (compile + solve + decode) ${round(engineMs)} ms, ` +
      `speedup ×${(plainMs / engineMs).toFixed(2)} (below 1: slower than the yardstick), same matching: ${plainAgree}`,
  )

  // Simulator: perturbed runs on this thread, as `preceptor simulate` does them (noise 2,
  // one solver attempt per run). Runs whose couples loop take several times longer, so the
  // mean needs a few dozen runs.
  const plan = createSimulationPlan(compiled)
  const simulateRuns = envNumber('BENCH_SIMULATE_RUNS', 24)
  let slowestRunMs = 0
  let unresolvedRuns = 0
  const [, simulateMs] = time(() => {
    for (let run = 0; run < simulateRuns; run++) {
      const [r, ms] = time(() => simulateRun(plan, { noise: 2, seed: SEED, solve: { attempts: 1 } }, run))
      slowestRunMs = Math.max(slowestRunMs, ms)
      if (r.unresolvedCouples.length > 0) unresolvedRuns++
    }
  })
  log(
    `simulate: ${round(simulateMs / simulateRuns)} ms per run over ${simulateRuns} runs (noise 2, one thread; ` +
      `slowest ${Math.round(slowestRunMs)} ms; ${unresolvedRuns} runs with unresolved couples)`,
  )

  const peakRssMb = process.resourceUsage().maxRSS / 1024
  log(`peak RSS: ${Math.round(peakRssMb)} MB`)

  const summary = {
    bench: 'match',
    applicants: instance.applicants.length,
    programs: instance.programs.length,
    positions,
    couples: instance.couples?.length ?? 0,
    mean_ranks: round(meanRanks),
    supplemental_lists: supplementalLists,
    reversions,
    generate_ms: round(generateMs),
    parse_ms: round(parseMs),
    compile_ms: round(compileMs),
    solve_ms: round(solveMs),
    solve_only_ms: round(solveOnlyMs),
    write_ms: round(writeMs),
    proposals: result.stats.proposals,
    matched: matchedApplicants,
    filled,
    unresolved_couples: result.unresolved?.couples.length ?? 0,
    blocking: blocking.length,
    blocking_single: blockingByKind.single,
    blocking_couple: blockingByKind.couple,
    blocking_supplemental: blockingByKind.supplemental,
    baseline_solve_ms: round(baselineMs),
    singles_solve_ms: round(singlesMs),
    singles_solve_only_ms: round(singlesSolveOnlyMs),
    plain_ms: round(plainMs),
    engine_ms: round(engineMs),
    speedup: round(plainMs / engineMs, 2),
    plain_agree: plainAgree,
    textbook_speedup: round(baselineMs / singlesMs),
    textbook_speedup_solve_only: round(baselineMs / singlesSolveOnlyMs),
    singles_agree: singlesAgree,
    baseline_proposals: baseline.proposals,
    simulate_ms_per_run: round(simulateMs / simulateRuns),
    simulate_runs: simulateRuns,
    simulate_unresolved_runs: unresolvedRuns,
    peak_rss_mb: Math.round(peakRssMb),
    repeats: REPEATS,
    seed: SEED,
    node: process.version,
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
