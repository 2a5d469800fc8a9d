/**
 * Pairing benchmark: a formal mentor program pairing 1,000 students with 3,000 mentors on a
 * dense fit matrix (3,000,000 allowed pairs). Run with `npm run bench:pairing`.
 *
 * Human-readable lines go to stderr; the last line of stdout is one JSON object:
 * - pairing_ms: `pairMaxFit` on the full instance (median of BENCH_REPEATS, after one warm-up);
 * - pairing_total_fit, pairing_upper_bound: its total fit and the dual bound it carries;
 *   pairing_certified_gap = (bound − fit) / bound on the full instance (0 = proven optimal);
 * - pairing_gap: relative gap of `pairMaxFit` to the LP optimum from HiGHS on a smaller
 *   instance of the same kind (BENCH_LP_STUDENTS × 3 mentors), lp_ms the LP solve time;
 * - baseline_ms, baseline_total_fit, baseline_gap: greedy highest-fit-first (`pairGreedy`) on
 *   the full instance, its gap to `pairMaxFit`'s optimum; baseline_lp_gap on the LP instance;
 * - pricing_rounds, candidate_edges: how much of the dense graph the exact solver needed;
 * - peak_rss_mb.
 * Environment: BENCH_STUDENTS (1000), BENCH_MENTORS (3000), BENCH_LP_STUDENTS (150),
 * BENCH_SEED, BENCH_REPEATS (5).
 */
import loadHighs from 'highs'
import { createRandom } from '#engines/match/random.ts'
import { pairGreedy, pairMaxFit, type PairMaxFitInput } from '#engines/pairing/index.ts'
import { maxFitLp } from '#engines/pairing/testing/lp-max-fit.ts'
import { envNumber, log, median, round, time } from './lib/measure.ts'

const STUDENTS = envNumber('BENCH_STUDENTS', 1_000)
const MENTORS = envNumber('BENCH_MENTORS', 3_000)
const LP_STUDENTS = envNumber('BENCH_LP_STUDENTS', 150)
const SEED = envNumber('BENCH_SEED', 2027)
const REPEATS = envNumber('BENCH_REPEATS', 5)

/**
 * A program like the ones schools run: fit is a recommendation-style score in 0–100 with a
 * shared part (some mentors suit nearly everyone — the popular ones), a part particular to
 * the pair, and specialty clusters; capacities 1–3; a few forbidden pairs (a mentor who
 * grades the student) and a few kept pairs from last year.
 */
function generate(seed: number, students: number, mentors: number): PairMaxFitInput {
  const random = createRandom(seed)
  const clusters = 12
  const studentIds = Array.from({ length: students }, (_, i) => `student-${String(i).padStart(5, '0')}`)
  const mentorList = Array.from({ length: mentors }, (_, j) => ({ id: `mentor-${String(j).padStart(5, '0')}`, capacity: 1 + random.int(3) }))
  const popularity = mentorList.map(() => random.next() ** 2)
  const mentorCluster = mentorList.map(() => random.int(clusters))
  const fit = studentIds.map(() => {
    const cluster = random.int(clusters)
    return mentorList.map((_, j) => round(35 * (popularity[j] as number) + 35 * random.next() + (mentorCluster[j] === cluster ? 30 : 0), 2))
  })
  const forbidden = Array.from({ length: Math.floor(students / 20) }, () => ({
    student: studentIds[random.int(students)] as string,
    mentor: (mentorList[random.int(mentors)] as { id: string }).id,
  }))
  const banned = new Set(forbidden.map((p) => `${p.student}/${p.mentor}`))
  const keep: { student: string; mentor: string }[] = []
  const keptStudents = new Set<string>()
  const keptMentors = new Set<string>()
  for (let k = 0; k < Math.floor(students / 50); k++) {
    const student = studentIds[random.int(students)] as string
    const mentor = (mentorList[random.int(mentors)] as { id: string }).id
    if (keptStudents.has(student) || keptMentors.has(mentor) || banned.has(`${student}/${mentor}`)) continue
    keptStudents.add(student)
    keptMentors.add(mentor)
    keep.push({ student, mentor })
  }
  return { students: studentIds, mentors: mentorList, fit, forbidden, keep, maxPerMentor: 3 }
}

const [input, generateMs] = time(() => generate(SEED, STUDENTS, MENTORS))
log(`instance: ${STUDENTS} students × ${MENTORS} mentors, dense fit (generated in ${Math.round(generateMs)} ms)`)

pairMaxFit(input) // warm-up
const times: number[] = []
let result = pairMaxFit(input)
for (let k = 0; k < REPEATS; k++) {
  const [r, ms] = time(() => pairMaxFit(input))
  result = r
  times.push(ms)
}
const bound = result.upperBound as number
log(
  `pairMaxFit: median ${round(median(times))} ms, total fit ${round(result.totalFit, 2)}, dual bound ${round(bound, 2)}, ${result.pairs.length} paired, ${result.stats.pricingRounds} pricing rounds, ${result.stats.candidateEdges} candidate pairs`,
)

const greedyTimes: number[] = []
let greedy = pairGreedy(input)
for (let k = 0; k < Math.min(REPEATS, 3); k++) {
  const [g, ms] = time(() => pairGreedy(input))
  greedy = g
  greedyTimes.push(ms)
}
log(`greedy: median ${round(median(greedyTimes))} ms, total fit ${round(greedy.totalFit, 2)}`)

// The LP check on an instance HiGHS solves in seconds.
const small = generate(SEED + 1, LP_STUDENTS, LP_STUDENTS * 3)
const highs = await loadHighs()
const { lp, variables } = maxFitLp(small)
const [solution, lpMs] = time(() => highs.solve(lp, { output_flag: false } as never))
if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`)
const lpOptimum = solution.ObjectiveValue
const smallResult = pairMaxFit(small)
const smallGreedy = pairGreedy(small)
log(
  `LP check: ${LP_STUDENTS} × ${LP_STUDENTS * 3} (${variables} variables), HiGHS ${round(lpMs)} ms, optimum ${round(lpOptimum, 4)}, pairMaxFit ${round(smallResult.totalFit, 4)}, greedy ${round(smallGreedy.totalFit, 4)}`,
)

const gap = (optimum: number, value: number): number => (optimum - value) / Math.abs(optimum)
console.log(
  JSON.stringify({
    students: STUDENTS,
    mentors: MENTORS,
    edges: result.stats.edges,
    pairing_ms: round(median(times)),
    pairing_total_fit: round(result.totalFit, 2),
    pairing_upper_bound: round(bound, 2),
    pairing_certified_gap: Number(gap(bound, result.totalFit).toExponential(2)),
    pairing_gap: Number(gap(lpOptimum, smallResult.totalFit).toExponential(2)),
    lp_students: LP_STUDENTS,
    lp_mentors: LP_STUDENTS * 3,
    lp_ms: round(lpMs),
    baseline: 'greedy highest fit first',
    baseline_ms: round(median(greedyTimes)),
    baseline_total_fit: round(greedy.totalFit, 2),
    baseline_gap: round(gap(result.totalFit, greedy.totalFit), 5),
    baseline_lp_gap: round(gap(lpOptimum, smallGreedy.totalFit), 5),
    pricing_rounds: result.stats.pricingRounds,
    candidate_edges: result.stats.candidateEdges,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
