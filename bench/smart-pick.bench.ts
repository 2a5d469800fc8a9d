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
 * - In the app: view_ms, the list builder's whole view (`buildListBuilderView`: every program's
 *   chances and tier, the count and curve, signals, backup plan and the student's own list), median;
 *   http_ms, GET /api/list-builder/chances through the HTTP application on PGlite (programs and
 *   profile read from the database, JSON out), median of BENCH_REPEATS after warm-up;
 *   http_server_ms, the time the service itself reports (`elapsedMs`); http_bytes, the response size.
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
import { createApp } from '#server/app.ts'
import { fixedClock } from '#server/clock.ts'
import { openPglite } from '#server/db/client.ts'
import { applicationProfiles, residencyPrograms } from '#server/db/schema/index.ts'
import { collectPeopleRows, insertPeopleRows } from '#server/db/seed/insert-people.ts'
import { buildPersonRows } from '#server/db/seed/people.ts'
import { createRandom as createSeedRandom } from '#server/db/seed/random.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { buildListBuilderView } from '#server/modules/list-builder/domain/builder.ts'
import { toApplicantProfile, DEFAULT_PROFILE } from '#server/modules/list-builder/domain/profile.ts'
import { createServices } from '#server/services.ts'
import { envNumber, log, median, time } from './lib/measure.ts'
import { sessionCookie } from './lib/mentor-corpus.ts'

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
log(
  `signals: ${signals.signals.map((s) => s.programId).join(', ')}: ${round(signals.chanceWithout, 3)} → ${round(signals.chanceWith, 3)} in ${round(signalsMs)} ms`,
)

const cohort = generateApplicants({ specialty, count: COHORT, seed: SEED + 3, programs })
const outcomes = [0, 1, 2].flatMap((y) =>
  drawOutcomes({ applicants: cohort.slice((y * COHORT) / 3, ((y + 1) * COHORT) / 3), programs, truth: priors, year: 2022 + y, seed: SEED + 10 + y }),
)
const [calibration, calibrationMs] = time(() => fitCalibration(outcomes, programs, priors))
log(`calibration: ${calibration.interview.rows} applications, ${calibration.match.rows} applicants in ${round(calibrationMs)} ms`)

// ── In the app: the list builder's whole view, then the same through HTTP on PGlite ──
const NOW = new Date('2026-10-05T14:00:00Z')
const ORIGIN = 'http://bench.test'
const stored = {
  ...DEFAULT_PROFILE,
  step2: 248,
  researchItems: 4,
  clerkshipHonors: 3,
  experiences: 8,
  preferredSpecialtyId: specialty,
  backupSpecialtyId: 'family-medicine',
  tieStates: ['OH'],
  signalsAvailable: 5,
}
const backupPrograms = generatePrograms({ specialty: 'family-medicine', count: 300, seed: SEED + 5, priors })
const display = new Map(programs.map((p) => [p.id, { name: p.name ?? p.id, institution: '', city: '' }] as const))
const [view, viewMs] = timeMedian(() =>
  buildListBuilderView({
    applicant: toApplicantProfile(stored, specialty, []),
    specialty: { id: specialty, name: 'Internal Medicine' },
    programs,
    display,
    backupSpecialty: { id: 'family-medicine', name: 'Family Medicine' },
    backupPrograms,
    priors,
    target: 0.9,
    list: [],
    profileSaved: true,
    missingFields: [],
    viewerIsStudent: true,
    model: { source: 'national', label: 'Based on national figures', calibratedAt: null, calibratedOn: null, intervalLevel: priors.intervalLevel },
  }),
)
log(`list-builder view: ${view.programs.length} programs, ${view.recommendation.summary} in ${round(viewMs)} ms`)

const handle = await openPglite(undefined)
await handle.migrate()
await insertReferenceData(handle.db)
const toRow = (p: (typeof programs)[number]) => ({
  id: p.id,
  name: p.name ?? p.id,
  specialtyId: p.specialty,
  track: p.track,
  state: p.state,
  region: p.region,
  positions: p.positions,
  setting: p.setting,
  sponsorsVisa: p.sponsorsVisa,
  step2P25: p.step2Range.p25,
  step2P75: p.step2Range.p75,
  researchEmphasis: p.researchEmphasis,
  competitiveness: p.competitiveness,
})
await handle.db.insert(residencyPrograms).values([...programs, ...backupPrograms].map(toRow))
const benchStudent = buildPersonRows(createSeedRandom(SEED + 6), { roles: ['student'], now: NOW, emailDomain: 'bench.example.edu' })
await insertPeopleRows(handle.db, collectPeopleRows([benchStudent]))
const { updatedAt: _u, ...profileColumns } = stored
await handle.db.insert(applicationProfiles).values({ studentId: benchStudent.person.id, ...profileColumns })
const services = createServices(handle.db, fixedClock(NOW), null, {
  appOrigin: ORIGIN,
  demoMode: false,
  sessionPolicy: { idleMinutes: 600, absoluteHours: 24 },
})
const app = createApp({ services, checkDatabase: async () => undefined, databaseKind: handle.kind, appOrigin: ORIGIN, demoAccounts: () => null, webRoot: null })
const cookie = await sessionCookie(handle.db, benchStudent.person.id, NOW)
const httpTimes: number[] = []
const serverTimes: number[] = []
let httpBytes = 0
for (let r = -3; r < REPEATS; r++) {
  const t0 = performance.now()
  const response = await app.request(`${ORIGIN}/api/list-builder/chances`, { headers: { cookie } })
  const body = await response.text()
  const ms = performance.now() - t0
  if (response.status !== 200) throw new Error(`list builder answered ${response.status}: ${body.slice(0, 300)}`)
  if (r < 0) continue
  httpTimes.push(ms)
  serverTimes.push((JSON.parse(body) as { elapsedMs: number }).elapsedMs)
  httpBytes = Buffer.byteLength(body)
}
await handle.close()
log(`list-builder over HTTP (PGlite): ${round(median(httpTimes))} ms median (service ${round(median(serverTimes))} ms), ${Math.round(httpBytes / 1024)} KiB`)

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
    view_ms: round(viewMs),
    http_ms: round(median(httpTimes)),
    http_server_ms: round(median(serverTimes)),
    http_bytes: httpBytes,
    peak_rss_mb: round(process.memoryUsage().rss / 2 ** 20, 0),
  }),
)
