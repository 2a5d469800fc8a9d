/**
 * Mentor directory search at 100,000 mentor profiles. Run with `npm run bench:directory`.
 *
 * Loads generated mentors (the demo school's generator: faculty, residents, fellows, alumni,
 * near-peers; 1 in 200 on a directory hold) into PGlite — and into a throwaway database on the
 * PostgreSQL server of DATABASE_URL when it is set — then sends a mix of realistic searches
 * through the HTTP layer (`app.request`, signed in as a student) and times each request.
 *
 * The baseline (`naive_*`) is the same mix done the straightforward way in SQL on the same
 * database in the same run: `ts_rank` over every match ordered and limited to a page, the total,
 * and facet counts by GROUP BY over every match for specialty, kind and state (three of the
 * eleven facets the real search counts), and pg_trgm `similarity` with `%` for the names.
 *
 * "Did you mean" runs in memory (a trigram index of name words, pg_trgm's `word_similarity`);
 * `sql_did_you_mean_p95_ms` times pg_trgm's own nearest-name lookup through its GiST index on
 * the same database, the SQL-side baseline.
 *
 * Then, on the same data: "Mentors for you" for one student (`recommend_ms`, median of
 * BENCH_RECOMMEND_REQUESTS requests through the HTTP layer, after the pool is built and the
 * demand estimate computed once), the same student's directory searches sorted by fit
 * (`fit_search_p95_ms`), and — once, database-free — the pairing benchmark
 * (`bench/pairing.bench.ts`: 1,000 students × 3,000 mentors) for `pairing_ms` and `pairing_gap`.
 *
 * Human lines on stderr; the last stdout line is one JSON object: profiles, load_s,
 * index_build_ms, search_p50_ms, search_p95_ms, search_max_ms, did_you_mean_p95_ms,
 * sql_did_you_mean_p95_ms, naive_p50_ms, naive_p95_ms, recommend_ms, recommend_p95_ms,
 * search_cpu_p50/p95_ms and recommend_cpu_ms (this process's CPU time per request: on a shared
 * machine, wall time also counts waiting for a core; `load_average` says how busy it was),
 * fit_search_p95_ms, pairing_ms, pairing_gap, and `postgres` with the database figures (or null).
 * Environment: BENCH_PROFILES (100000), BENCH_ROUNDS (5), BENCH_SEED (7),
 * BENCH_RECOMMEND_REQUESTS (40), BENCH_SKIP_PAIRING, DATABASE_URL.
 */
import { execFileSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { createApp } from '#server/app.ts'
import { fixedClock } from '#server/clock.ts'
import { openPglite, openPostgres, type Database, type DatabaseHandle } from '#server/db/client.ts'
import { buildPersonRows, type BuiltPerson } from '#server/db/seed/people.ts'
import { collectPeopleRows, insertPeopleRows } from '#server/db/seed/insert-people.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { createRandom } from '#server/db/seed/random.ts'
import { createDirectoryRepository } from '#server/modules/directory/directory.repository.ts'
import { createServices } from '#server/services.ts'
import { envNumber, log, percentile, round } from './lib/measure.ts'
import { generateMentors, sessionCookie } from './lib/mentor-corpus.ts'

const PROFILES = envNumber('BENCH_PROFILES', 100_000)
const ROUNDS = envNumber('BENCH_ROUNDS', 5)
const RECOMMEND_REQUESTS = envNumber('BENCH_RECOMMEND_REQUESTS', 40)
const SEED = envNumber('BENCH_SEED', 7)
const NOW = new Date('2026-10-05T14:00:00Z')
const ORIGIN = 'http://bench.test'

type Query = { label: string; query: string }

/** A realistic mix: browsing, topics, names (some misspelled), facets, later pages. */
function queryMix(mentors: BuiltPerson[]): Query[] {
  const random = createRandom(SEED + 1)
  const families = Array.from({ length: 8 }, () => random.pick(mentors).person.name.split(' ').at(-1) ?? 'Smith')
  const full = Array.from({ length: 4 }, () => random.pick(mentors).person.name)
  const misspell = (word: string) => (word.length > 4 ? word.slice(0, 2) + word.slice(3) : `${word}x`)
  const topics = [
    'cardiology',
    'dermatology',
    'pediatric surgery',
    'sepsis',
    'medical education',
    'global health',
    'residency applications',
    'wellness',
    'neurology stroke',
    'health equity',
  ]
  const queries: Query[] = [
    { label: 'browse', query: '' },
    { label: 'browse page 3', query: 'page=3' },
    { label: 'browse by name', query: 'sort=name&accepting=true' },
    { label: 'specialty + accepting', query: 'specialty=dermatology&accepting=true' },
    { label: 'kind + region', query: 'kind=alumni&region=west' },
    { label: 'offers + language', query: 'offers=research&offers=shadowing&language=Spanish' },
    { label: 'department + rank', query: 'department=surgery&rank=professor' },
    { label: 'state + kind + offers', query: 'state=OH&kind=faculty&offers=letters' },
  ]
  for (const topic of topics) queries.push({ label: `topic ${topic}`, query: `q=${encodeURIComponent(topic)}` })
  for (const topic of topics.slice(0, 4))
    queries.push({ label: `topic + facets ${topic}`, query: `q=${encodeURIComponent(topic)}&accepting=true&region=midwest` })
  for (const name of families) queries.push({ label: `family name ${name}`, query: `q=${encodeURIComponent(name)}` })
  for (const name of full) queries.push({ label: `full name ${name}`, query: `q=${encodeURIComponent(name)}` })
  for (const name of families.slice(0, 4)) queries.push({ label: `misspelled ${misspell(name)}`, query: `q=${encodeURIComponent(misspell(name))}` })
  queries.push({ label: 'topic sorted by name', query: 'q=research&sort=name&page=2' })
  return queries
}

/** The straightforward SQL for one query of the mix (see the header). */
async function naiveSearch(db: Database, params: URLSearchParams): Promise<void> {
  const q = params.get('q')
  const conditions = [sql`d.listed`]
  if (q) conditions.push(sql`d.document @@ websearch_to_tsquery('english', ${q})`)
  const specialty = params.getAll('specialty')
  if (specialty.length) conditions.push(sql`m.specialty_id in ${specialty}`)
  const kind = params.getAll('kind')
  if (kind.length) conditions.push(sql`m.kind in ${kind}`)
  const state = params.getAll('state')
  if (state.length) conditions.push(sql`m.state in ${state}`)
  const offers = params.getAll('offers')
  if (offers.length) conditions.push(sql`m.offers && ${`{${offers.join(',')}}`}::text[]`)
  if (params.get('accepting')) conditions.push(sql`m.accepting`)
  const where = sql.join(conditions, sql` and `)
  const from = sql`directory_entries d join mentor_profiles m on m.person_id = d.person_id join people p on p.id = d.person_id`
  const order = q ? sql`ts_rank(d.document, websearch_to_tsquery('english', ${q})) desc, p.name` : sql`p.name`
  const page = Number(params.get('page') ?? '1')
  const rows = (await db.execute(
    sql`select d.person_id, p.name, m.kind, m.specialty_id, m.state, count(*) over () as total from ${from} where ${where} order by ${order} limit 20 offset ${(page - 1) * 20}`,
  )) as unknown as { rows: unknown[] }
  await db.execute(sql`select m.specialty_id, count(*) from ${from} where ${where} group by 1`)
  await db.execute(sql`select m.kind, count(*) from ${from} where ${where} group by 1`)
  await db.execute(sql`select m.state, count(*) from ${from} where ${where} group by 1`)
  if (q && rows.rows.length === 0)
    await db.execute(sql`select name, similarity(name, ${q}) from directory_entries where listed and name % ${q} order by 2 desc limit 10`)
}

async function measure(handle: DatabaseHandle, label: string, mentors: BuiltPerson[]) {
  const t0 = performance.now()
  await insertReferenceData(handle.db)
  const rows = collectPeopleRows(mentors)
  await insertPeopleRows(handle.db, rows)
  const loadS = (performance.now() - t0) / 1000
  log(`${label}: loaded ${mentors.length} mentor profiles in ${round(loadS)} s`)

  const services = createServices(handle.db, fixedClock(NOW), null, {
    appOrigin: ORIGIN,
    demoMode: false,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
  })
  const app = createApp({
    services,
    checkDatabase: async () => undefined,
    databaseKind: handle.kind,
    appOrigin: ORIGIN,
    demoAccounts: () => null,
    webRoot: null,
  })
  const student = buildPersonRows(createRandom(SEED + 2), { roles: ['student'], now: NOW, emailDomain: 'viewer.example.edu' })
  await insertPeopleRows(handle.db, collectPeopleRows([student]))
  const cookie = await sessionCookie(handle.db, student.person.id, NOW)

  const b0 = performance.now()
  const listed = await services.directory.warm()
  const indexBuildMs = performance.now() - b0
  log(`${label}: index of ${listed} listed mentors built in ${round(indexBuildMs)} ms (heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`)

  const mix = queryMix(mentors)
  const timings: number[] = []
  // CPU time of this process per request (PGlite runs in it): what a busy shared machine does not inflate.
  const cpuTimings: number[] = []
  const didYouMean: number[] = []
  const byLabel = new Map<string, number[]>()
  // One unmeasured round warms the JIT and the database's caches.
  for (let r = 0; r <= ROUNDS; r++) {
    for (const { label: name, query } of mix) {
      const s = performance.now()
      const c = process.cpuUsage()
      const response = await app.request(`${ORIGIN}/api/directory/mentors${query ? `?${query}` : ''}`, { headers: { cookie } })
      const body = (await response.json()) as { total: number; didYouMean: string | null }
      const ms = performance.now() - s
      const cpu = process.cpuUsage(c)
      if (r > 0) cpuTimings.push((cpu.user + cpu.system) / 1000)
      if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`)
      if (r === 0) continue
      timings.push(ms)
      if (name.startsWith('misspelled')) didYouMean.push(ms)
      byLabel.set(name, [...(byLabel.get(name) ?? []), ms])
      if (r === 1 && name.startsWith('misspelled')) log(`  ${name}: ${body.total} found, did you mean ${JSON.stringify(body.didYouMean)}`)
    }
  }
  const slowest = [...byLabel]
    .map(([name, xs]) => [name, percentile(xs, 50)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
  log(
    `${label}: search p50 ${round(percentile(timings, 50))} ms, p95 ${round(percentile(timings, 95))} ms, max ${round(Math.max(...timings))} ms over ${timings.length} requests`,
  )
  log(`${label}: slowest queries (p50): ${slowest.map(([n, ms]) => `${n} ${round(ms)} ms`).join('; ')}`)

  // pg_trgm's nearest name, the SQL form of "did you mean", on the same misspellings.
  const sqlDidYouMean: number[] = []
  const repo = createDirectoryRepository(handle.db)
  for (let r = 0; r <= ROUNDS; r++) {
    for (const { label: name, query } of mix) {
      if (!name.startsWith('misspelled')) continue
      const q = new URLSearchParams(query).get('q') ?? ''
      const s = performance.now()
      const [closest] = await repo.findCloseNames(q)
      if (r > 0) sqlDidYouMean.push(performance.now() - s)
      if (r === 1) log(`  pg_trgm ${q}: ${closest?.name} (${round(closest?.similarity ?? 0, 3)})`)
    }
  }
  log(`${label}: pg_trgm nearest name p50 ${round(percentile(sqlDidYouMean, 50))} ms, p95 ${round(percentile(sqlDidYouMean, 95))} ms`)

  // "Mentors for you" for one student, and the same student's searches sorted by fit.
  const p0 = performance.now()
  await services.recommendations.warm()
  const poolMs = performance.now() - p0
  const d0 = performance.now()
  const sampled = await services.recommendations.refreshDemand()
  log(`${label}: mentor pool built in ${Math.round(poolMs)} ms; demand estimate from ${sampled} students in ${Math.round(performance.now() - d0)} ms`)
  const recommend: number[] = []
  const recommendCpu: number[] = []
  for (let r = 0; r <= RECOMMEND_REQUESTS; r++) {
    const s = performance.now()
    const c = process.cpuUsage()
    const response = await app.request(`${ORIGIN}/api/recommendations/mentors?limit=20`, { headers: { cookie } })
    await response.json()
    if (response.status !== 200) throw new Error(`recommendations: HTTP ${response.status}`)
    const cpu = process.cpuUsage(c)
    if (r > 0) {
      recommend.push(performance.now() - s)
      recommendCpu.push((cpu.user + cpu.system) / 1000)
    }
  }
  log(`${label}: recommend p50 ${round(percentile(recommend, 50))} ms, p95 ${round(percentile(recommend, 95))} ms over ${recommend.length} requests`)
  const fit: number[] = []
  const fitMix = [
    'sort=fit',
    'sort=fit&page=3',
    'sort=fit&accepting=true&region=midwest',
    'q=cardiology&sort=fit',
    'q=global%20health&sort=fit',
    'specialty=dermatology&sort=fit',
  ]
  for (let r = 0; r <= ROUNDS; r++) {
    for (const query of fitMix) {
      const s = performance.now()
      const response = await app.request(`${ORIGIN}/api/directory/mentors?${query}`, { headers: { cookie } })
      const body = (await response.json()) as { sort: string }
      if (response.status !== 200 || body.sort !== 'fit') throw new Error(`${query}: HTTP ${response.status}, sort ${body.sort}`)
      if (r > 0) fit.push(performance.now() - s)
    }
  }
  log(`${label}: search sorted by fit p50 ${round(percentile(fit, 50))} ms, p95 ${round(percentile(fit, 95))} ms over ${fit.length} requests`)

  const naive: number[] = []
  for (let r = 0; r <= Math.min(ROUNDS, 3); r++) {
    for (const { query } of mix) {
      const s = performance.now()
      await naiveSearch(handle.db, new URLSearchParams(query))
      if (r > 0) naive.push(performance.now() - s)
    }
  }
  log(`${label}: naive SQL p50 ${round(percentile(naive, 50))} ms, p95 ${round(percentile(naive, 95))} ms over ${naive.length} queries`)

  return {
    profiles: mentors.length,
    listed,
    load_s: round(loadS),
    index_build_ms: Math.round(indexBuildMs),
    search_p50_ms: round(percentile(timings, 50)),
    search_p95_ms: round(percentile(timings, 95)),
    search_max_ms: round(Math.max(...timings)),
    search_cpu_p50_ms: round(percentile(cpuTimings, 50)),
    search_cpu_p95_ms: round(percentile(cpuTimings, 95)),
    load_average: round(loadavg()[0] ?? 0),
    did_you_mean_p95_ms: round(percentile(didYouMean, 95)),
    sql_did_you_mean_p95_ms: round(percentile(sqlDidYouMean, 95)),
    recommend_ms: round(percentile(recommend, 50)),
    recommend_p95_ms: round(percentile(recommend, 95)),
    recommend_cpu_ms: round(percentile(recommendCpu, 50)),
    fit_search_p95_ms: round(percentile(fit, 95)),
    naive_p50_ms: round(percentile(naive, 50)),
    naive_p95_ms: round(percentile(naive, 95)),
    requests: timings.length,
  }
}

const g0 = performance.now()
const mentors = generateMentors(PROFILES, SEED, NOW)
log(`generated ${mentors.length} mentor profiles in ${round((performance.now() - g0) / 1000)} s`)

const pglite = await openPglite(undefined)
await pglite.migrate()
const pgliteResult = await measure(pglite, 'PGlite', mentors)
await pglite.close()

let postgresResult: Awaited<ReturnType<typeof measure>> | null = null
const url = process.env.DATABASE_URL
if (url) {
  // A throwaway database on the same server: the configured database is never written to.
  const name = `preceptor_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const benchUrl = new URL(url)
  benchUrl.pathname = `/${name}`
  try {
    const handle = await openPostgres(benchUrl.toString(), 10)
    await handle.migrate()
    postgresResult = await measure(handle, 'PostgreSQL', mentors)
    await handle.close()
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.end()
  }
}

/** The pairing benchmark, run as it is (its own process, no database): its last JSON line. */
function pairingFigures(): { pairing_ms: number | null; pairing_gap: number | null } {
  if (process.env.BENCH_SKIP_PAIRING) return { pairing_ms: null, pairing_gap: null }
  const script = join(dirname(fileURLToPath(import.meta.url)), 'pairing.bench.js')
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
  const figures = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { pairing_ms?: number; pairing_gap?: number }
  return { pairing_ms: figures.pairing_ms ?? null, pairing_gap: figures.pairing_gap ?? null }
}

const pairing = pairingFigures()
log(`pairing 1,000 × 3,000: ${pairing.pairing_ms} ms, gap ${pairing.pairing_gap}`)
const { profiles, ...pgliteFigures } = pgliteResult
process.stdout.write(
  `${JSON.stringify({ profiles, database: 'pglite', ...pgliteFigures, ...pairing, target_p95_ms: 20, target_recommend_ms: 50, target_pairing_ms: 2000, postgres: postgresResult })}\n`,
)
