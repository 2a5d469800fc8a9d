/**
 * `preceptor simulate` as a whole process on the national market (45,000 applicants, ≈ 6,400
 * programs, 1,200 couples, supplemental lists, reversions): runs per second on 2 worker threads.
 * Run with `npm run bench:simulate`. Target: 1,000 runs in ≤ 30 s on 2 cores.
 *
 * Prints wall and processor seconds (worker threads included), runs per second by the wall
 * clock, and the processor seconds per run, which a busy machine inflates less; the load average
 * sits beside them (2 cores: above 2 the machine is shared). Human lines on stderr; the last line
 * of stdout is one JSON object.
 * Environment: BENCH_RUNS (1000), BENCH_WORKERS (2), BENCH_SEED (2025).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateInstance } from '#engines/match/generate.ts'
import { envNumber, log, round } from './lib/measure.ts'
import { loadAverage, runNode } from './lib/process-cpu.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const RUNS = envNumber('BENCH_RUNS', 1000)
const WORKERS = envNumber('BENCH_WORKERS', 2)
const SEED = envNumber('BENCH_SEED', 2025)

const dir = mkdtempSync(join(tmpdir(), 'preceptor-bench-simulate-'))
try {
  const path = join(dir, 'national.json')
  writeFileSync(path, JSON.stringify(generateInstance({ applicants: 45_000, programs: 6_400, couples: 1_200, seed: SEED })))
  const load = loadAverage()
  const args = [join(root, 'bin', 'preceptor.js'), 'simulate', path, '--runs', String(RUNS), '--workers', String(WORKERS), '--out', join(dir, 'outlook.json')]
  const run = runNode(args, root, 3_600_000)
  if (run.exitCode !== 0) throw new Error(`preceptor simulate exited ${run.exitCode}: ${run.stderr}`)
  const summary = {
    bench: 'simulate',
    runs: RUNS,
    workers: WORKERS,
    wall_s: round(run.wallSeconds, 2),
    cpu_s: round(run.cpuSeconds, 2),
    runs_per_s: round(RUNS / run.wallSeconds, 2),
    cpu_ms_per_run: round((1000 * run.cpuSeconds) / RUNS, 1),
    target_s_for_1000_runs: 30,
    load_average: load,
    load_average_after: loadAverage(),
    seed: SEED,
    node: process.version,
  }
  log(`simulate: ${RUNS} runs on ${WORKERS} workers in ${summary.wall_s} s (${summary.runs_per_s} runs/s), CPU ${summary.cpu_s} s, load ${load.join(' ')}`)
  process.stdout.write(`${JSON.stringify(summary)}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
