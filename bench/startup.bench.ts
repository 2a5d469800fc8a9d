/**
 * Start-up benchmark: how long `npm start` takes until /api/health answers with the demo school
 * loaded. Run with `npm run bench:startup`.
 *
 * Human-readable lines go to stderr; the last line of stdout is one JSON object:
 * - first_start_s: `npm start` on an empty data folder, as after `npm install` (the demo school
 *   comes from the snapshot the install made; made here first when missing, `snapshot_s`);
 * - restart_s: `npm start` again on the same folder (the build is up to date, the data exists);
 * - baseline_first_start_s: the same first start loading the demo school live (DEMO_SNAPSHOT=false:
 *   create the database, migrate, seed) — what every first start did before the snapshot;
 * - baseline_restart_s: a restart that rebuilds everything first (`build.js --force`), as every
 *   `npm start` did before builds were skipped when nothing changed;
 * - *_cpu_s: the server's own processor time to "ready", which a busy machine inflates less
 *   than the wall clock; load_average: the 1-minute load when the run began (2 cores here).
 * Environment: BENCH_PORT (4390).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { envNumber, log, round } from './lib/measure.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PORT = envNumber('BENCH_PORT', 4390)

type StartResult = { seconds: number; cpuSeconds: number | null }

/** Runs `npm start` (its build check included) and times it until the health check answers. */
async function timeNpmStart(dataDir: string, extraEnv: Record<string, string> = {}): Promise<StartResult> {
  const started = performance.now()
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended early:\n${output}`)
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/api/health`)
        if (response.ok) break
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const seconds = (performance.now() - started) / 1000
    const cpu = /\(([\d.]+) s of processor time\)/.exec(output)?.[1]
    return { seconds, cpuSeconds: cpu ? Number(cpu) : null }
  } finally {
    // The whole group: npm, its shell and the server.
    if (child.pid) process.kill(-child.pid, 'SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

function runNode(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`)
  return (performance.now() - started) / 1000
}

const loadAverage = loadavg()[0] ?? 0
log(`load average ${loadAverage.toFixed(1)}`)
let snapshotSeconds: number | null = null
if (!existsSync(join(root, 'dist', 'demo-snapshot', 'snapshot.json'))) {
  log('making the demo snapshot, as `npm install` does…')
  snapshotSeconds = runNode(['scripts/demo-snapshot.js'])
}

const folders: string[] = []
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'preceptor-bench-startup-'))
  folders.push(dir)
  return dir
}

try {
  const data = folder()
  const first = await timeNpmStart(data)
  log(`first start: ${first.seconds.toFixed(1)} s`)
  const restart = await timeNpmStart(data)
  log(`restart: ${restart.seconds.toFixed(1)} s`)
  const baselineFirst = await timeNpmStart(folder(), { DEMO_SNAPSHOT: 'false' })
  log(`first start loading the demo school live: ${baselineFirst.seconds.toFixed(1)} s`)
  const fullBuildSeconds = runNode(['scripts/build.js', '--force'])
  const baselineRestart = await timeNpmStart(data)
  log(`restart after a full build: ${(fullBuildSeconds + baselineRestart.seconds).toFixed(1)} s`)
  console.log(
    JSON.stringify({
      first_start_s: round(first.seconds, 2),
      restart_s: round(restart.seconds, 2),
      baseline_first_start_s: round(baselineFirst.seconds, 2),
      baseline_restart_s: round(fullBuildSeconds + baselineRestart.seconds, 2),
      first_start_cpu_s: first.cpuSeconds,
      restart_cpu_s: restart.cpuSeconds,
      baseline_first_start_cpu_s: baselineFirst.cpuSeconds,
      snapshot_s: snapshotSeconds === null ? null : round(snapshotSeconds, 1),
      load_average: round(loadAverage, 1),
    }),
  )
} finally {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
}
