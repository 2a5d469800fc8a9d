/**
 * Smart Pick benchmark: one student's full list over every program of a large specialty
 * (internal medicine, ≥ 600 generated programs). Run with `npm run bench:smart-pick`.
 *
 * Human-readable lines go to stderr; the last line of stdout is one JSON object:
 * - programs: programs in the specialty;
 * - list_ms: `buildProgramList` (interview chance, chance of matching if interviewed, factors in
 *   words, intervals and tier for every program), median of BENCH_REPEATS after warm-up;
 *   list_cold_ms: the very first call (before the JIT has warmed up);
 * - recommend_count_ms: `recommendApplicationCount` (ordering, the whole curve 1..N with its
 *   interval, exact Poisson-binomial), median; recommended_count, chance_at_count;
 * - baseline_recommend_ms: the same curve by a naive implementation that recomputes the exact
 *   Poisson-binomial distribution from scratch for every list length (O(n³)); baseline_agrees;
 * - baseline_mc_ms, mc_draws, mc_chance, mc_standard_error, exact_chance, mc_abs_error: Monte
 *   Carlo estimate of the chance of matching with the recommended list, against the exact
 *   figure (`chanceOfMatchingGivenApplications`, exact_ms);
 * - signals_ms (`planSignals`, 5 signals), calibration_fit_ms (`fitCalibration` on a
 *   synthetic school of BENCH_COHORT applicants), peak_rss_mb.
 * Environment: BENCH_PROGRAMS (640), BENCH_REPEATS (21), BENCH_MC_DRAWS (20000), BENCH_COHORT
 * (600), BENCH_SEED.
 */
import { createRandom } from '#engines/match/random.ts'
import {
  DEFAULT_PRIORS,
  buildProgramList,
  chanceOfMatchingGivenApplications,
  drawOutcomes,
  fitCalibration,
  generateApplicants,
  generatePrograms,
  interviewChance,
  matchChanceGivenInterviews,
  planSignals,
  poissonBinomial,
  recommendApplicationCount,
} from '#engines/smart-pick/index.ts'
import { envNumber, log, median, time } from './lib/measure.ts'

const PROGRAMS = envNumber('BENCH_PROGRAMS', 640)
const REPEATS = envNumber('BENCH_REPEATS', 21)
const MC_DRAWS = envNumber('BENCH_MC_DRAWS', 20_000)
const COHORT = envNumber('BENCH_COHORT', 600)
const SEED = envNumber('BENCH_SEED', 2026)

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits
const timeMedian = <T>(f: () => T): [T, number] => {
  let value = f()
  const times: number[] = []
  for (let r = 0; r < REPEATS; r++) {
    const [v, ms] = time(f)
    value = v
    times.push(ms)
  }
  return [value, median(times)]
}

const priors = DEFAULT_PRIORS
const specialty = 'internal-medicine'
const programs = generatePrograms({ specialty, count: PROGRAMS, seed: SEED, priors })
const student = {
  ...(generateApplicants({ specialty, count: 1, seed: SEED + 1, programs })[0] as ReturnType<typeof generateApplicants>[number]),
  applicantType: 'us-md' as const,
  step2: 248,
  signalsAvailable: 5,
}
log(`smart-pick: ${programs.length} ${specialty} programs, one U.S. MD student (Step 2 CK ${student.step2})`)

const [, listColdMs] = time(() => buildProgramList(student, programs, priors))
const [list, listMs] = timeMedian(() => buildProgramList(student, programs, priors))
log(`list: ${list.length} programs in ${round(listMs)} ms (cold ${round(listColdMs)} ms)`)

const [recommendation, recommendMs] = timeMedian(() => recommendApplicationCount(student, programs, priors, { target: 0.9 }))
log(`recommend: ${recommendation.count} applications for 90 % (chance ${round(recommendation.chance, 3)}) in ${round(recommendMs)} ms`)

// Naive baseline: the same curve, recomputing the exact distribution for every list length.
const byId = new Map(programs.map((p) => [p.id, p]))
const ordered = recommendation.order.map((id) => interviewChance(student, byId.get(id) as (typeof programs)[number], priors).probability)
const curve = matchChanceGivenInterviews(student, specialty, priors, programs.length).chance
const [naiveCurve, baselineMs] = time(() => {
  const out: number[] = []
  for (let n = 1; n <= ordered.length; n++) {
    const dist = poissonBinomial(ordered.slice(0, n))
    let s = 0
    for (let k = 0; k <= n; k++) s += (dist[k] as number) * (curve[k] as number)
    out.push(s)
  }
  return out
})
const agrees = naiveCurve.every((c, i) => Math.abs(c - (recommendation.curve[i]?.chance ?? Number.NaN)) < 1e-9)
log(`naive curve (O(n³)): ${round(baselineMs)} ms, agrees: ${agrees}`)

// Monte Carlo baseline for the chance of matching with the recommended list.
const recommended = ordered.slice(0, recommendation.count ?? ordered.length)
const exact = chanceOfMatchingGivenApplications(recommended, curve).chance
const random = createRandom(SEED + 2)
const [mc, mcMs] = time(() => {
  let sum = 0
  let sumSquares = 0
  for (let d = 0; d < MC_DRAWS; d++) {
    let k = 0
    for (const p of recommended) if (random.next() < p) k++
    const value = curve[k] as number
    sum += value
    sumSquares += value * value
  }
  const mean = sum / MC_DRAWS
  return { mean, standardError: Math.sqrt(Math.max(0, sumSquares / MC_DRAWS - mean * mean) / MC_DRAWS) }
})
const [, exactMs] = timeMedian(() => chanceOfMatchingGivenApplications(recommended, curve))
log(`Monte Carlo (${MC_DRAWS} draws): ${round(mc.mean, 5)} ± ${round(mc.standardError, 5)} vs exact ${round(exact, 5)} in ${round(mcMs)} ms`)

const [signals, signalsMs] = time(() => planSignals(student, programs, priors, { signals: 5 }))
log(`signals: ${signals.signals.map((s) => s.programId).join(', ')}: ${round(signals.chanceWithout, 3)} → ${round(signals.chanceWith, 3)} in ${round(signalsMs)} ms`)

const cohort = generateApplicants({ specialty, count: COHORT, seed: SEED + 3, programs })
const outcomes = [0, 1, 2].flatMap((y) =>
  drawOutcomes({ applicants: cohort.slice((y * COHORT) / 3, ((y + 1) * COHORT) / 3), programs, truth: priors, year: 2022 + y, seed: SEED + 10 + y }),
)
const [calibration, calibrationMs] = time(() => fitCalibration(outcomes, programs, priors))
log(`calibration: ${calibration.interview.rows} applications, ${calibration.match.rows} applicants in ${round(calibrationMs)} ms`)

console.log(
  JSON.stringify({
    programs: programs.length,
    list_ms: round(listMs),
    list_cold_ms: round(listColdMs),
    recommend_count_ms: round(recommendMs),
    recommended_count: recommendation.count,
    chance_at_count: round(recommendation.chance, 4),
    baseline_recommend_ms: round(baselineMs),
    baseline_agrees: agrees,
    baseline_mc_ms: round(mcMs),
    mc_draws: MC_DRAWS,
    mc_chance: round(mc.mean, 5),
    mc_standard_error: round(mc.standardError, 5),
    exact_chance: round(exact, 5),
    exact_ms: round(exactMs, 3),
    mc_abs_error: round(Math.abs(mc.mean - exact), 5),
    signals_ms: round(signalsMs),
    calibration_fit_ms: round(calibrationMs),
    calibration_rows: calibration.interview.rows,
    peak_rss_mb: round(process.memoryUsage().rss / 2 ** 20, 0),
  }),
)
