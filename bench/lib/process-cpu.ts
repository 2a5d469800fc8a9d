/**
 * Whole-process figures for a command run as its own process: wall time, and the processor time
 * the process used from start to exit (worker threads included), which a busy machine inflates
 * far less than the wall clock. The child is started with a one-line `--import` module that
 * writes `process.cpuUsage()` to a file as it exits — public Node APIs only.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1e6)) })",
)}`

export type ProcessFigures = { cpuSeconds: number; wallSeconds: number; exitCode: number | null; stderr: string }

/** Runs `node ARGS…` in `cwd` and returns its CPU and wall seconds. */
export function runNode(args: string[], cwd: string, timeoutMs = 600_000): ProcessFigures {
  const dir = mkdtempSync(join(tmpdir(), 'preceptor-cpu-'))
  const file = join(dir, 'cpu')
  try {
    const started = performance.now()
    const child = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
      cwd,
      env: { ...process.env, BENCH_CPU_FILE: file },
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 256 * 1024 * 1024,
    })
    const wallSeconds = (performance.now() - started) / 1000
    let cpuSeconds = Number.NaN
    try {
      cpuSeconds = Number(readFileSync(file, 'utf8'))
    } catch {
      // The child died before exiting normally: no figure.
    }
    return { cpuSeconds, wallSeconds, exitCode: child.status, stderr: child.stderr }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The 1-, 5- and 15-minute load averages, rounded (2 cores here: above 2 the machine is shared). */
export function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100)
}
