/**
 * "Mentors for you" at 100,000 mentor profiles. Run with `npm run bench:recommend`.
 *
 * Loads generated mentors (the demo school's generator, as `bench/directory.bench.ts`; 1 in
 * 200 on a directory hold) and 40 generated students into PGlite, builds the recommendation
 * service's mentor pool, computes the demand estimate once, then asks
 * `GET /api/recommendations/mentors?limit=20` through the HTTP layer for each student and times
 * each request. The baseline scores every eligible mentor (no bounds) for the same students;
 * `top20_overlap` is the share of the baseline's top 20 the served list also has — 1 when the
 * best-first ranking is exact, as it should be (both use the same demand estimate).
 *
 * Human lines on stderr; the last stdout line is one JSON object: profiles, load_s,
 * pool_build_ms, demand_refresh_ms, recommend_ms (median, one student), recommend_p95_ms,
 * full_scan_ms (median), top20_overlap. Environment: BENCH_PROFILES (100000), BENCH_ROUNDS (3),
 * BENCH_SEED (7).
 */
import { fixedClock } from '#server/clock.ts'
import { createApp } from '#server/app.ts'
import { openPglite } from '#server/db/client.ts'
import { buildPersonRows } from '#server/db/seed/people.ts'
import { collectPeopleRows, insertPeopleRows } from '#server/db/seed/insert-people.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { createRandom } from '#server/db/seed/random.ts'
import type { Actor } from '#server/http/app-env.ts'
import { createRecommendationsRepository } from '#server/modules/recommendations/recommendations.repository.ts'
import { createRecommendationsService } from '#server/modules/recommendations/recommendations.service.ts'
import { createServices } from '#server/services.ts'
import type { RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { generateMentors, sessionCookie } from './lib/mentor-corpus.ts'

const PROFILES = envNumber('BENCH_PROFILES', 100_000)
const ROUNDS = envNumber('BENCH_ROUNDS', 3)
const SEED = envNumber('BENCH_SEED', 7)
const STUDENTS = 40
const NOW = new Date('2026-10-05T14:00:00Z')
const ORIGIN = 'http://bench.test'

const g0 = performance.now()
const mentors = generateMentors(PROFILES, SEED, NOW)
const studentRandom = createRandom(SEED + 3)
const students = Array.from({ length: STUDENTS }, (_, i) => buildPersonRows(studentRandom, { roles: ['student'], now: NOW, emailDomain: `s${i}.example.edu` }))
log(`generated ${mentors.length} mentors and ${students.length} students in ${round((performance.now() - g0) / 1000)} s`)

const handle = await openPglite(undefined)
await handle.migrate()
const l0 = performance.now()
await insertReferenceData(handle.db)
await insertPeopleRows(handle.db, collectPeopleRows([...mentors, ...students]))
const loadS = (performance.now() - l0) / 1000
log(`loaded in ${round(loadS)} s`)

const clock = fixedClock(NOW)
const services = createServices(handle.db, clock, null, { appOrigin: ORIGIN, demoMode: false, sessionPolicy: { idleMinutes: 60, absoluteHours: 24 } })
const app = createApp({ services, checkDatabase: async () => undefined, databaseKind: handle.kind, appOrigin: ORIGIN, demoAccounts: () => null, webRoot: null })

const p0 = performance.now()
const pooled = await services.recommendations.warm()
const poolBuildMs = performance.now() - p0
log(`mentor pool of ${pooled} listed mentors built in ${Math.round(poolBuildMs)} ms (heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`)

const d0 = performance.now()
const sampled = await services.recommendations.refreshDemand()
const demandMs = performance.now() - d0
// Near-peer mentors are students too, so the class is larger than the generated students.
log(`demand estimate from ${sampled} students' lists in ${Math.round(demandMs)} ms`)

const cookies = await Promise.all(students.map((s) => sessionCookie(handle.db, s.person.id, NOW)))
const timings: number[] = []
const lists = new Map<string, string[]>()
for (let r = 0; r <= ROUNDS; r++) {
  for (const [i, student] of students.entries()) {
    const s = performance.now()
    const response = await app.request(`${ORIGIN}/api/recommendations/mentors?limit=20`, { headers: { cookie: cookies[i] ?? '' } })
    const body = (await response.json()) as RecommendedMentorsResponse
    const ms = performance.now() - s
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`)
    if (r === 0) continue // warms the JIT
    timings.push(ms)
    lists.set(
      student.person.id,
      body.results.map((x) => x.mentor.id),
    )
  }
}
log(`recommend: p50 ${round(percentile(timings, 50))} ms, p95 ${round(percentile(timings, 95))} ms over ${timings.length} requests`)

// Baseline: the engine over every eligible mentor, same students, same demand.
const full = createRecommendationsService({
  repo: createRecommendationsRepository(handle.db),
  audit: services.audit,
  clock,
  options: { candidateLimits: { fullScanMax: Number.MAX_SAFE_INTEGER } },
})
await full.warm()
await full.refreshDemand()
const fullTimings: number[] = []
let overlap = 0
let compared = 0
for (let r = 0; r <= 1; r++) {
  for (const student of students) {
    const actor: Actor = {
      personId: student.person.id,
      email: student.person.email,
      name: student.person.name,
      roles: ['student'],
      sessionId: '',
      expiresAt: NOW,
    }
    const s = performance.now()
    const body = await full.listMentorsForStudent(actor, { limit: 20 }, null)
    if (r === 0) continue
    fullTimings.push(performance.now() - s)
    const fast = new Set(lists.get(student.person.id) ?? [])
    overlap += body.results.filter((x) => fast.has(x.mentor.id)).length
    compared += body.results.length
  }
}
log(`full scan: p50 ${round(percentile(fullTimings, 50))} ms; top-20 overlap with the served lists ${round((100 * overlap) / Math.max(1, compared))} %`)
await handle.close()

process.stdout.write(
  `${JSON.stringify({
    profiles: mentors.length,
    students: STUDENTS,
    database: 'pglite',
    load_s: round(loadS),
    pool_build_ms: Math.round(poolBuildMs),
    demand_refresh_ms: Math.round(demandMs),
    demand_sampled_students: sampled,
    recommend_ms: round(percentile(timings, 50)),
    recommend_p95_ms: round(percentile(timings, 95)),
    full_scan_ms: round(percentile(fullTimings, 50)),
    top20_overlap: Math.round((1000 * overlap) / Math.max(1, compared)) / 1000,
    target_ms: 50,
  })}\n`,
)
