/**
 * The server under concurrent load: `npm run bench:load`.
 *
 * Starts the built server (dist/server/main.js) on the embedded database and on a throwaway
 * PostgreSQL cluster, signs in the demo student, and drives concurrent connections at the routes a
 * class opens on the morning of an e-mail: health, mentor search with words, browsing with two
 * facets, recommendations, the list builder for a specialty (first page) and a mentorship page. On
 * PostgreSQL it also runs two server processes over the one database, the connections split between
 * them, as a school behind a load balancer would.
 *
 * Options (after `--`): `--duration 15` seconds per route, `--connections 10`, `--databases
 * pglite,postgres`, `--processes 1,2` (PostgreSQL only), `--routes health,search,…`, `--soak 600`
 * (one long mixed run per database, RSS sampled every 30 s), `--cpu-prof` (a CPU profile of the
 * server per route, summarised: the functions and packages with the most self time).
 *
 * Human lines go to stderr; stdout's last line is one JSON object with, per database and process
 * count, per route: req/s, p50 and p99 latency (ms), errors and non-2xx answers; the load average
 * before and after each route (2 cores here: compare figures only within one run); the server's
 * RSS before and after. Environment: BENCH_PORT (4310; the next port too for a second process),
 * BENCH_SERVER (another build of the server to measure, such as the one before a change).
 *
 * `--baseline path/to/server/main.js` measures that build beside this one in the same run: one
 * process each, on a database of its own (a data folder, or a second database in the cluster),
 * and per route the two are driven in turn, twice, in alternating order (baseline first, then
 * this build first), so a machine whose load drifts weighs on both alike. Each route then
 * reports the baseline's req/s and p99 beside its own, and their ratio.
 */
import autocannon from 'autocannon'
import pg from 'pg'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { firstHourProfile } from '#server/modules/list-builder/testing/first-hour-profile.ts'
// @ts-expect-error: a plain-JS helper of the test runner (scripts/lib), typed by use here.
import { findPgBinDir, startCluster } from '../scripts/lib/postgres.js'
import { envNumber, log, round } from './lib/measure.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BASE_PORT = envNumber('BENCH_PORT', 4310)
/** Another build of the server (BENCH_SERVER=path/to/server/main.js) to compare with, same conditions. */
const SERVER_ENTRY = process.env.BENCH_SERVER || 'dist/server/main.js'

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    databases: { type: 'string', default: 'pglite,postgres' },
    processes: { type: 'string', default: '1,2' },
    routes: { type: 'string' },
    soak: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
})
const duration = Number(options.duration)
const connections = Number(options.connections)
const soakSeconds = options.soak ? Number(options.soak) : null
const cpuProf = options['cpu-prof']

type Server = { child: ChildProcess; port: number; origin: string; output: () => string }
/** A route, and the session to call it with when not the student's. */
type RouteDef = { name: string; path: string; cookie?: string }
type RouteFigures = {
  route: string
  path: string
  requests_per_s: number
  p50_ms: number
  p99_ms: number
  errors: number
  non_2xx: number
  load_average_before: number
  load_average_after: number
  profile?: ProfileSummary
  baseline?: { requests_per_s: number; p50_ms: number; p99_ms: number; errors: number; non_2xx: number }
  /** This build's req/s over the baseline's. */
  ratio?: number
}
type ProfileSummary = { top_functions: { name: string; self_ms: number; share: number }[]; by_package: { name: string; share: number }[] }

const load1 = () => round(loadavg()[0] ?? 0, 2)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The server's resident memory, in MB (Linux's /proc). */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? round(Number(kb) / 1024, 1) : null
  } catch {
    return null
  }
}

async function startServer(port: number, env: Record<string, string>, profileDir: string | null, entry = SERVER_ENTRY): Promise<Server> {
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SMTP_URL: '', DEMO_MODE: 'true', LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const origin = `http://localhost:${port}`
  const deadline = Date.now() + 600_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server ended early:\n${output}`)
    if (Date.now() > deadline) throw new Error(`the server did not answer in time:\n${output}`)
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break
    } catch {
      // Not listening yet.
    }
    await sleep(200)
  }
  // The directory index is built right after listening: wait for it, so search is measured warm.
  while (!/directory: \d+ mentors indexed/.test(output) && child.exitCode === null) await sleep(100)
  return { child, port, origin, output: () => output }
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return
  server.child.kill('SIGTERM')
  await new Promise((resolve) => server.child.once('exit', resolve))
}

async function signIn(origin: string, email = 'student@demo.example.edu'): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: 'preceptor-demo' }),
  })
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0])
  return cookie.join('; ')
}

/** The routes, with ids read from the demo school (the student's first mentorship). */
async function routesFor(origin: string, cookie: string): Promise<RouteDef[]> {
  const mine = (await (await fetch(`${origin}/api/mentorships/mine`, { headers: { cookie } })).json()) as unknown
  let mentorshipId = findId(mine)
  let mentorshipCookie: string | undefined
  if (!mentorshipId) {
    // The demo student has none until a mentor program is published: the demo mentor has several.
    mentorshipCookie = await signIn(origin, 'mentor@demo.example.edu')
    mentorshipId = findId(await (await fetch(`${origin}/api/mentorships/mine`, { headers: { cookie: mentorshipCookie } })).json())
  }
  // The demo student has not filled in an application profile, so the list builder would only ask
  // for one: save a complete profile so the route measured is the list a student actually reads.
  const saved = await fetch(`${origin}/api/list-builder/profile`, {
    method: 'PUT',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify(firstHourProfile('internal-medicine')),
  })
  if (!saved.ok) throw new Error(`saving the application profile failed: ${saved.status} ${await saved.text()}`)
  const all: RouteDef[] = [
    { name: 'health', path: '/api/health' },
    { name: 'search', path: '/api/directory/mentors?q=cardiology%20research' },
    { name: 'browse', path: '/api/directory/mentors?specialty=internal-medicine&kind=faculty' },
    { name: 'recommendations', path: '/api/recommendations/mentors' },
    { name: 'list-builder', path: '/api/list-builder/chances?specialty=internal-medicine' },
    ...(mentorshipId ? [{ name: 'mentorship', path: `/api/mentorships/${mentorshipId}`, ...(mentorshipCookie ? { cookie: mentorshipCookie } : {}) }] : []),
  ]
  const wanted = options.routes?.split(',')
  return wanted ? all.filter((r) => wanted.includes(r.name)) : all
}

/** The first mentorship id in /api/mentorships/mine, wherever the answer keeps it. */
function findId(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const id = findId(item)
      if (id) return id
    }
    return null
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.mentorshipId === 'string') return record.mentorshipId
    if (typeof record.id === 'string' && 'mentor' in record) return record.id
    for (const child of Object.values(record)) {
      const id = findId(child)
      if (id) return id
    }
  }
  return null
}

/** Drives `connections` split across the servers at one path for `seconds`; sums the results. */
async function drive(servers: Server[], cookie: string, path: string, seconds: number) {
  const results = await Promise.all(
    servers.map((server, i) =>
      autocannon({
        url: `${server.origin}${path}`,
        connections: Math.max(1, Math.floor(connections / servers.length) + (i < connections % servers.length ? 1 : 0)),
        duration: seconds,
        headers: { cookie, 'accept-encoding': 'gzip, br' },
      }),
    ),
  )
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0)
  const elapsed = Math.max(...results.map((r) => r.duration))
  return {
    requests_per_s: round(requests / elapsed, 1),
    // Across processes the worst p99 and the mean p50 are reported (the histograms are separate).
    p50_ms: round(results.reduce((sum, r) => sum + r.latency.p50, 0) / results.length, 1),
    p99_ms: round(Math.max(...results.map((r) => r.latency.p99)), 1),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non_2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  }
}

/** Self time per function and per package of a V8 .cpuprofile, the idle and GC lines kept apart. */
function summariseProfile(file: string): ProfileSummary {
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<string, number>()
  const packageUs = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const delta = profile.timeDeltas[i] ?? 0
    if (!node || node.callFrame.functionName === '(idle)') return
    total += delta
    const url = node.callFrame.url
    const pkg =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('dist/server') ? 'preceptor' : url.startsWith('node:') ? 'node' : node.callFrame.functionName || '(native)')
    const name = `${node.callFrame.functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*dist\//, 'dist/')}:${node.callFrame.lineNumber + 1}`
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta)
    packageUs.set(pkg, (packageUs.get(pkg) ?? 0) + delta)
  })
  const top = [...selfUs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)
  return {
    top_functions: top.map(([name, us]) => ({ name, self_ms: round(us / 1000, 0), share: round(us / total, 3) })),
    by_package: [...packageUs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, us]) => ({ name, share: round(us / total, 3) })),
  }
}

type DatabaseKind = 'pglite' | 'postgres'

async function databaseEnv(kind: DatabaseKind, cleanups: (() => void)[]): Promise<Record<string, string>> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'preceptor-bench-load-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    return { DATA_DIR: dir, DATABASE_URL: '' }
  }
  const bins = findPgBinDir()
  if (!bins) throw new Error('PostgreSQL is not installed (initdb, pg_ctl): install it or pass --databases pglite')
  const cluster = (await startCluster(bins, log, (stop: () => void) => cleanups.push(stop))) as { url: string; version: string }
  log(`PostgreSQL ${cluster.version} at ${cluster.url}`)
  return { DATABASE_URL: cluster.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'preceptor-bench-load-')) }
}

/** Runs every route against `processes` servers on one database; with --cpu-prof, one server per route. */
async function measure(kind: DatabaseKind, env: Record<string, string>, processes: number) {
  const start = async (profileDir: string | null) => {
    const servers: Server[] = []
    // One after another: the first migrates (and on a new database loads the demo school).
    for (let i = 0; i < processes; i++) servers.push(await startServer(BASE_PORT + i, env, profileDir))
    return servers
  }
  let servers = await start(null)
  const cookie = await signIn(servers[0]!.origin)
  const routes = await routesFor(servers[0]!.origin, cookie)
  const rssBefore = servers.map((s) => rssMb(s.child.pid))
  const figures: RouteFigures[] = []
  const rssSamples: { at_s: number; rss_mb: (number | null)[]; load_average: number }[] = []
  try {
    if (soakSeconds) {
      const started = Date.now()
      const sampler = setInterval(() => {
        rssSamples.push({ at_s: Math.round((Date.now() - started) / 1000), rss_mb: servers.map((s) => rssMb(s.child.pid)), load_average: load1() })
      }, 30_000)
      const soak = await Promise.all(
        servers.map((server) =>
          autocannon({
            url: server.origin,
            connections: Math.max(1, Math.floor(connections / servers.length)),
            duration: soakSeconds,
            headers: { cookie, 'accept-encoding': 'gzip, br' },
            requests: routes.map((r) => ({
              method: 'GET' as const,
              path: r.path,
              ...(r.cookie ? { headers: { cookie: r.cookie, 'accept-encoding': 'gzip, br' } } : {}),
            })),
          }),
        ),
      )
      clearInterval(sampler)
      figures.push({
        route: 'soak (every route in turn)',
        path: '*',
        requests_per_s: round(soak.reduce((s, r) => s + r.requests.total, 0) / soakSeconds, 1),
        p50_ms: round(soak[0]?.latency.p50 ?? 0, 1),
        p99_ms: round(Math.max(...soak.map((r) => r.latency.p99)), 1),
        errors: soak.reduce((s, r) => s + r.errors + r.timeouts, 0),
        non_2xx: soak.reduce((s, r) => s + r.non2xx, 0),
        load_average_before: rssSamples[0]?.load_average ?? load1(),
        load_average_after: load1(),
      })
    } else {
      for (const route of routes) {
        let profileDir: string | null = null
        if (cpuProf) {
          for (const s of servers) await stopServer(s)
          profileDir = join(tmpdir(), `preceptor-load-profile-${kind}-${route.name}`)
          rmSync(profileDir, { recursive: true, force: true })
          mkdirSync(profileDir, { recursive: true })
          servers = await start(profileDir)
        }
        // A short warm-up so the first requests' compilation is not counted.
        await drive(servers, route.cookie ?? cookie, route.path, 1)
        const before = load1()
        const result = await drive(servers, route.cookie ?? cookie, route.path, duration)
        const entry: RouteFigures = { route: route.name, path: route.path, ...result, load_average_before: before, load_average_after: load1() }
        if (profileDir) {
          for (const s of servers) await stopServer(s)
          const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
          if (file) entry.profile = summariseProfile(join(profileDir, file))
          servers = await start(null)
        }
        log(
          `${kind} ×${processes} ${route.name}: ${result.requests_per_s} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, errors ${result.errors}, non-2xx ${result.non_2xx} (load ${before})`,
        )
        figures.push(entry)
      }
    }
    return {
      database: kind,
      processes,
      routes: figures,
      rss_mb_before: rssBefore,
      rss_mb_after: servers.map((s) => rssMb(s.child.pid)),
      rss_over_time: soakSeconds ? rssSamples : undefined,
    }
  } finally {
    for (const s of servers) await stopServer(s)
  }
}

type Driven = Awaited<ReturnType<typeof drive>>

/** Two halves of one route's figures, summed: req/s over both, the mean p50, the worse p99. */
function combine(a: Driven, b: Driven): Driven {
  return {
    requests_per_s: round((a.requests_per_s + b.requests_per_s) / 2, 1),
    p50_ms: round((a.p50_ms + b.p50_ms) / 2, 1),
    p99_ms: Math.max(a.p99_ms, b.p99_ms),
    errors: a.errors + b.errors,
    non_2xx: a.non_2xx + b.non_2xx,
  }
}

/**
 * This build and `baselineEntry` side by side, one process each on databases of their own: per
 * route, baseline then this build, then this build then baseline, `duration / 2` seconds each.
 */
async function measureAgainstBaseline(kind: DatabaseKind, env: Record<string, string>, baselineEnv: Record<string, string>, baselineEntry: string) {
  const current = await startServer(BASE_PORT, env, null)
  const baseline = await startServer(BASE_PORT + 10, baselineEnv, null, baselineEntry)
  try {
    const cookies = new Map<Server, string>([
      [current, await signIn(current.origin)],
      [baseline, await signIn(baseline.origin)],
    ])
    const routesOf = new Map<Server, RouteDef[]>([
      [current, await routesFor(current.origin, cookies.get(current) as string)],
      [baseline, await routesFor(baseline.origin, cookies.get(baseline) as string)],
    ])
    const figures: RouteFigures[] = []
    const half = Math.max(1, duration / 2)
    for (const [index, route] of (routesOf.get(current) ?? []).entries()) {
      const on = async (server: Server, seconds: number) => {
        const own = routesOf.get(server)?.[index] ?? route
        return drive([server], own.cookie ?? (cookies.get(server) as string), own.path, seconds)
      }
      await on(current, 1)
      await on(baseline, 1)
      const before = load1()
      const baseFirst = await on(baseline, half)
      const currentSecond = await on(current, half)
      const currentFirst = await on(current, half)
      const baseSecond = await on(baseline, half)
      const mine = combine(currentFirst, currentSecond)
      const theirs = combine(baseFirst, baseSecond)
      const ratio = theirs.requests_per_s > 0 ? round(mine.requests_per_s / theirs.requests_per_s, 2) : 0
      log(
        `${kind} ${route.name}: ${mine.requests_per_s} req/s against the baseline's ${theirs.requests_per_s} (${ratio}×), p99 ${mine.p99_ms} against ${theirs.p99_ms} ms (load ${before})`,
      )
      figures.push({ route: route.name, path: route.path, ...mine, baseline: theirs, ratio, load_average_before: before, load_average_after: load1() })
    }
    return { database: kind, processes: 1, baseline: baselineEntry, routes: figures, rss_mb_after: [rssMb(current.child.pid)] }
  } finally {
    await stopServer(current)
    await stopServer(baseline)
  }
}

/** The baseline's own database: a data folder of its own, or a second database in the same cluster. */
async function baselineDatabaseEnv(kind: DatabaseKind, env: Record<string, string>): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'preceptor-bench-load-baseline-'))
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  if (kind === 'pglite') return { DATA_DIR: dataDir, DATABASE_URL: '' }
  const url = new URL(env.DATABASE_URL as string)
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  await client.query('create database preceptor_baseline')
  await client.end()
  url.pathname = '/preceptor_baseline'
  return { DATA_DIR: dataDir, DATABASE_URL: url.toString() }
}

const cleanups: (() => void)[] = []
const cleanUp = () => {
  for (const f of cleanups.splice(0).reverse()) f()
}
process.once('SIGINT', () => {
  cleanUp()
  process.exit(130)
})

const runs: (Awaited<ReturnType<typeof measure>> | Awaited<ReturnType<typeof measureAgainstBaseline>>)[] = []
const loadAtStart = load1()
try {
  for (const kind of (options.databases ?? '').split(',').filter(Boolean) as DatabaseKind[]) {
    const env = await databaseEnv(kind, cleanups)
    if (options.baseline) {
      runs.push(await measureAgainstBaseline(kind, env, await baselineDatabaseEnv(kind, env), options.baseline))
      continue
    }
    // PGlite is one process per data folder (the lock refuses a second): one process only.
    const processCounts = kind === 'pglite' ? [1] : (options.processes ?? '1').split(',').map(Number)
    for (const processes of processCounts) runs.push(await measure(kind, env, processes))
  }
} finally {
  cleanUp()
}
console.log(JSON.stringify({ server: SERVER_ENTRY, duration_s: duration, connections, load_average_at_start: loadAtStart, load_average_at_end: load1(), runs }))
