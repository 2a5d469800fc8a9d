/**
 * The mock-interview rater-severity model (decision 019). Run with `npm run bench:mock-interviews`.
 *
 * Synthetic scores with known interviewer effects (25 interviewers from −0.8 to +0.8 points,
 * students of random ability, three mocks each, five competencies, whole levels 1–5), at
 * BENCH_SCORES scores (default 5,000) and at 4× that. Times, in this process (pure code, no I/O):
 * - `fit`: `fitRaterSeverity` over every score, as each student's page and the office's table run it;
 * - `yardstick_naive`: each interviewer's mean score minus the grand mean, the estimate a spreadsheet
 *   gives, on the same scores in the same run.
 * Accuracy beside speed: the root-mean-square error of the recovered interviewer effects against
 * the true ones, for the model and for the yardstick. Target: the fit over 5,000 scores ≤ 1 s.
 * The last stdout line is one JSON object; human lines go to stderr.
 */
import { createRandom } from '#server/db/seed/random.ts'
import { fitRaterSeverity, type Observation } from '#server/modules/mock-interviews/domain/rater-severity.ts'
import { syntheticScores } from '#server/modules/mock-interviews/domain/synthetic-scores.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'

const SCORES = envNumber('BENCH_SCORES', 5_000)
const ROUNDS = envNumber('BENCH_ROUNDS', 15)
const RATERS = 25
const COMPETENCIES = 5
const MOCKS = 3
const TRUE_EFFECTS = Array.from({ length: RATERS }, (_, k) => round(-0.8 + (1.6 * k) / (RATERS - 1), 3))

/** Each interviewer's mean minus the grand mean: the yardstick (no student or competency effects, no shrinkage). */
function naiveEffects(observations: readonly Observation[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>()
  let total = 0
  for (const o of observations) {
    const s = sums.get(o.raterId) ?? { sum: 0, n: 0 }
    s.sum += o.score
    s.n++
    sums.set(o.raterId, s)
    total += o.score
  }
  const grand = total / observations.length
  return new Map([...sums].map(([id, s]) => [id, s.sum / s.n - grand]))
}

function rmse(estimates: ReadonlyMap<string, number>): number {
  const mean = TRUE_EFFECTS.reduce((a, b) => a + b, 0) / RATERS
  let squared = 0
  TRUE_EFFECTS.forEach((truth, k) => {
    squared += ((estimates.get(`r${k}`) ?? 0) - (truth - mean)) ** 2
  })
  return Math.sqrt(squared / RATERS)
}

function run(scores: number) {
  const students = Math.round(scores / (MOCKS * COMPETENCIES))
  const observations = syntheticScores({
    raterEffects: TRUE_EFFECTS,
    students,
    mocksPerStudent: MOCKS,
    competencies: COMPETENCIES,
    studentSpread: 0.6,
    noise: 0.5,
    next: createRandom(2026).next,
  })
  // Warm up the JIT, as a running server is.
  fitRaterSeverity(observations)
  naiveEffects(observations)
  const fit: number[] = []
  const naive: number[] = []
  let model = fitRaterSeverity(observations)
  let simple = naiveEffects(observations)
  for (let r = 0; r < ROUNDS; r++) {
    let start = performance.now()
    model = fitRaterSeverity(observations)
    fit.push(performance.now() - start)
    start = performance.now()
    simple = naiveEffects(observations)
    naive.push(performance.now() - start)
  }
  const figures = {
    scores: observations.length,
    students,
    interviewers: RATERS,
    fit_p50_ms: round(percentile(fit, 50)),
    fit_p95_ms: round(percentile(fit, 95)),
    fit_iterations: model.iterations,
    yardstick_naive_p50_ms: round(percentile(naive, 50), 2),
    effect_rmse_model: round(rmse(new Map([...model.raters].map(([id, r]) => [id, r.effect]))), 3),
    effect_rmse_naive: round(rmse(simple), 3),
  }
  log(`${observations.length} scores: ${JSON.stringify(figures)}`)
  return figures
}

const runs = [run(SCORES), run(SCORES * 4)]
process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, target_ms: 1000, node: process.version, runs })}\n`)
