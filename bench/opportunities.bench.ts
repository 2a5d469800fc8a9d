/**
 * The opportunities board at 5,000 opportunities. Run with `npm run bench:opportunities`.
 *
 * Loads generated opportunities (every kind, specialty and class year; a fifth remote; some with
 * deadlines passed, drafts and closed ones the board leaves out) into PGlite, then sends a mix of
 * board requests through the HTTP layer (`app.request`, signed in as a second-year student):
 * browsing, later pages, words (full text over title and description), each facet, and words
 * with facets. Each request returns a page of 25, the total, and the six facets' counts (kind,
 * specialty, remote, class year, site, time commitment).
 *
 * Human lines on stderr; the last stdout line is one JSON object: opportunities, load_s,
 * search_p50_ms, search_p95_ms, search_max_ms, search_cpu_p50_ms and search_cpu_p95_ms (this process's CPU time per
 * request: PGlite runs in it, so a busy shared machine inflates wall time, not this),
 * by_query (p95 per kind of request), target_p95_ms, load_average; and the floor, measured in
 * turn with the board in the same run: floor_p50_ms and floor_p95_ms, the signed-in session read
 * (`GET /api/auth/session`: the HTTP layer and one query), what any request costs on this machine
 * at that moment, so a slow run on a busy machine shows as a slow floor too.
 * Environment: BENCH_OPPORTUNITIES (5000), BENCH_ROUNDS (10), BENCH_SEED (7).
 */
import { loadavg } from 'node:os'
import { sql } from 'drizzle-orm'
import { createApp } from '#server/app.ts'
import { fixedClock } from '#server/clock.ts'
import { openPglite } from '#server/db/client.ts'
import { opportunities } from '#server/db/schema/index.ts'
import { collectPeopleRows, insertPeopleRows } from '#server/db/seed/insert-people.ts'
import { buildPersonRows } from '#server/db/seed/people.ts'
import { createRandom } from '#server/db/seed/random.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { createServices } from '#server/services.ts'
import { CLASS_YEARS, OPPORTUNITY_KINDS, type ClassYear } from '#shared/enums.ts'
import { SPECIALTY_IDS } from '#shared/reference/specialties.ts'
import { TIME_COMMITMENTS } from '#shared/reference/time-commitments.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { sessionCookie } from './lib/mentor-corpus.ts'

const COUNT = envNumber('BENCH_OPPORTUNITIES', 5000)
const ROUNDS = envNumber('BENCH_ROUNDS', 10)
const SEED = envNumber('BENCH_SEED', 7)
const NOW = new Date('2026-10-05T14:00:00Z')
const ORIGIN = 'http://bench.test'

const TOPICS = ['ultrasound', 'sepsis', 'stroke', 'heart failure', 'asthma', 'diabetes', 'opioid', 'fracture', 'depression', 'melanoma', 'pneumonia', 'trauma']
const ANGLES = ['outcomes', 'quality improvement', 'health equity', 'machine learning', 'medical education', 'cost', 'readmissions', 'screening']
const SITES = ['University Hospital', 'Children’s Hospital', 'VA Medical Center', 'Eastside Clinic', 'Cancer Center']
const UNITS = ['Clinic 2', 'Research Office', 'Main Operating Rooms', 'Emergency Department', 'Outpatient Center']

const random = createRandom(SEED)
const pg = await openPglite(undefined)
await pg.migrate()
const t0 = performance.now()
await insertReferenceData(pg.db)
const posters = Array.from({ length: 200 }, () => buildPersonRows(random, { roles: ['mentor'], now: NOW, emailDomain: 'posters.example.edu' }))
const viewer = buildPersonRows(random, { roles: ['student'], now: NOW, emailDomain: 'viewer.example.edu', student: { classYear: 'M2' } })
await insertPeopleRows(pg.db, collectPeopleRows([...posters, viewer]))

const rows = Array.from({ length: COUNT }, (_, i) => {
  const topic = random.pick(TOPICS)
  const angle = random.pick(ANGLES)
  const kind = random.pick(OPPORTUNITY_KINDS)
  const years = CLASS_YEARS.filter(() => random.chance(0.35)) as ClassYear[]
  const start = Math.round(NOW.getTime() / MS_PER_DAY) + random.between(10, 300)
  const roll = random.next()
  return {
    kind,
    title: `${topic[0]?.toUpperCase()}${topic.slice(1)} ${angle} ${kind === 'shadowing' ? 'shadowing day' : 'project'} ${i + 1}`,
    description: `A ${kind.replace('-', ' ')} on ${topic} and ${angle} at ${random.pick(SITES)}, with a mentor who has taken students for years.`,
    specialtyId: random.chance(0.9) ? random.pick(SPECIALTY_IDS) : null,
    classYears: years,
    remote: random.chance(0.2),
    places: random.between(1, 6),
    applyBy: roll < 0.1 ? new Date(NOW.getTime() - random.between(1, 60) * MS_PER_DAY) : new Date(NOW.getTime() + random.between(5, 120) * MS_PER_DAY),
    startDate: new Date(start * MS_PER_DAY).toISOString().slice(0, 10),
    endDate: new Date((start + random.between(0, 200)) * MS_PER_DAY).toISOString().slice(0, 10),
    // Most name a site (counted under the place before the comma); half choose a time bucket, the rest take their kind's.
    site: random.chance(0.7) ? `${random.pick(SITES)}, ${random.pick(UNITS)}` : '',
    commitment: random.chance(0.5) ? random.pick(TIME_COMMITMENTS) : null,
    status: roll > 0.95 ? ('draft' as const) : roll > 0.9 ? ('closed' as const) : ('published' as const),
    posterId: random.pick(posters).person.id,
    createdAt: new Date(NOW.getTime() - random.between(1, 90) * MS_PER_DAY),
    updatedAt: NOW,
  }
})
for (let i = 0; i < rows.length; i += 500) await pg.db.insert(opportunities).values(rows.slice(i, i + 500))
await pg.db.execute(sql`analyze`)
const loadS = (performance.now() - t0) / 1000
log(`PGlite: loaded ${COUNT} opportunities in ${round(loadS)} s`)

const services = createServices(pg.db, fixedClock(NOW), null, { appOrigin: ORIGIN, demoMode: false, sessionPolicy: { idleMinutes: 60, absoluteHours: 24 } })
const app = createApp({ services, checkDatabase: async () => undefined, databaseKind: pg.kind, appOrigin: ORIGIN, demoAccounts: () => null, webRoot: null })
const cookie = await sessionCookie(pg.db, viewer.person.id, NOW)

const mix: { label: string; query: string }[] = [
  { label: 'browse', query: '' },
  { label: 'browse page 3', query: 'page=3' },
  { label: 'words', query: 'q=ultrasound' },
  { label: 'words', query: 'q=sepsis+outcomes' },
  { label: 'words', query: 'q=heart+failure+readmissions' },
  { label: 'words', query: 'q=shadowing' },
  { label: 'facet', query: 'kind=shadowing' },
  { label: 'facet', query: 'specialtyId=emergency-medicine' },
  { label: 'facet', query: 'remote=true' },
  { label: 'facet', query: 'kind=research-project&remote=false&specialtyId=internal-medicine' },
  { label: 'facet', query: 'site=University+Hospital&commitment=hours-a-week' },
  { label: 'words and facets', query: 'q=stroke&kind=research-project' },
  { label: 'words and facets', query: 'q=screening&remote=true&page=2' },
]

const timings: number[] = []
const cpuTimings: number[] = []
const floorTimings: number[] = []
const byLabel = new Map<string, number[]>()
let lastTotal = 0
for (let r = 0; r <= ROUNDS; r++) {
  for (const { label, query } of mix) {
    const s = performance.now()
    const c = process.cpuUsage()
    const response = await app.request(`${ORIGIN}/api/opportunities${query ? `?${query}` : ''}`, { headers: { cookie } })
    const body = (await response.json()) as { total: number }
    const ms = performance.now() - s
    const cpu = process.cpuUsage(c)
    if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status} ${JSON.stringify(body)}`)
    if (label === 'browse') lastTotal = body.total
    // One unmeasured round warms the JIT and the database's caches.
    if (r === 0) continue
    timings.push(ms)
    cpuTimings.push((cpu.user + cpu.system) / 1000)
    byLabel.set(label, [...(byLabel.get(label) ?? []), ms])
  }
  // The floor, once for each board request of the round, after the round so the board's own
  // requests follow each other as before.
  for (let i = 0; i < mix.length; i++) {
    const s = performance.now()
    const response = await app.request(`${ORIGIN}/api/auth/session`, { headers: { cookie } })
    await response.json()
    if (response.status !== 200) throw new Error(`session: HTTP ${response.status}`)
    if (r > 0) floorTimings.push(performance.now() - s)
  }
}
await pg.close()
log(
  `PGlite: ${timings.length} board requests over ${COUNT} opportunities (${lastTotal} on the board for the viewer): p50 ${round(percentile(timings, 50))} ms, p95 ${round(percentile(timings, 95))} ms; the signed-in floor p50 ${round(percentile(floorTimings, 50))} ms, p95 ${round(percentile(floorTimings, 95))} ms`,
)
process.stdout.write(
  `${JSON.stringify({
    opportunities: COUNT,
    database: 'pglite',
    on_board_for_viewer: lastTotal,
    load_s: round(loadS),
    search_p50_ms: round(percentile(timings, 50)),
    search_p95_ms: round(percentile(timings, 95)),
    search_max_ms: round(Math.max(...timings)),
    search_cpu_p50_ms: round(percentile(cpuTimings, 50)),
    search_cpu_p95_ms: round(percentile(cpuTimings, 95)),
    by_query: Object.fromEntries([...byLabel].map(([label, ms]) => [label, round(percentile(ms, 95))])),
    requests: timings.length,
    floor_p50_ms: round(percentile(floorTimings, 50)),
    floor_p95_ms: round(percentile(floorTimings, 95)),
    target_p95_ms: 20,
    load_average: round(loadavg()[0] ?? 0, 2),
  })}\n`,
)
