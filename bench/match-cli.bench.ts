/**
 * The `preceptor match` command as a whole process against its yardstick, a plain typed-array
 * deferred acceptance (bench/plain-deferred-acceptance.ts) that reads the same instance file and
 * writes the same result format. Run with `npm run bench:match-cli`.
 *
 * Pairs, in turn (match, yardstick, match, yardstick, …), so a machine whose speed drifts affects
 * both sides of each ratio alike; each ratio is the processor time of the whole `match` process
 * over the yardstick's, and the median of the pairs is reported:
 * - singles: 45,000 applicants and ≈ 6,400 programs, no couples, supplemental lists or
 *   reversions (target ≤ 1.25);
 * - national: the same market with 1,200 couples, supplemental lists and reversions (target
 *   ≤ 1.6); the yardstick reads and writes the same file but ignores couples, supplemental
 *   lists and reversions, so it solves an easier market;
 * - help_s: the wall time of `preceptor --help` (median; target ≤ 0.3 s).
 * Every figure sits beside the load average when it was taken (2 cores: above 2 the machine is
 * shared). Human lines on stderr; the last line of stdout is one JSON object.
 * Environment: BENCH_PAIRS (5), BENCH_SEED (2025).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateInstance } from '#engines/match/generate.ts'
import type { MatchResult } from '#engines/match/types.ts'
import { envNumber, log, median, round } from './lib/measure.ts'
import { loadAverage, runNode } from './lib/process-cpu.ts'
import { singlesOnly } from './singles-only.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PAIRS = envNumber('BENCH_PAIRS', 5)
const SEED = envNumber('BENCH_SEED', 2025)
const cli = join(root, 'bin', 'preceptor.js')
const yardstick = join(root, 'dist', 'bench', 'plain-deferred-acceptance.js')

function comparePairs(name: string, instancePath: string, dir: string) {
  const ours = join(dir, `${name}-match.json`)
  const theirs = join(dir, `${name}-plain.json`)
  const ratios: number[] = []
  const matchCpu: number[] = []
  const plainCpu: number[] = []
  const load = loadAverage()
  // One warm-up pair (the file cache), not counted.
  for (let pair = -1; pair < PAIRS; pair++) {
    const a = runNode([cli, 'match', instancePath, '--out', ours], root)
    if (a.exitCode !== 0) throw new Error(`preceptor match exited ${a.exitCode}: ${a.stderr}`)
    const b = runNode([yardstick, instancePath, theirs], root)
    if (b.exitCode !== 0) throw new Error(`the yardstick exited ${b.exitCode}: ${b.stderr}`)
    if (pair < 0) continue
    matchCpu.push(a.cpuSeconds)
    plainCpu.push(b.cpuSeconds)
    ratios.push(a.cpuSeconds / b.cpuSeconds)
  }
  const matched = (path: string) => {
    const result = JSON.parse(readFileSync(path, 'utf8')) as MatchResult
    return new Map(result.matches.filter((m) => !m.supplemental).map((m) => [m.applicant, m.program]))
  }
  const x = matched(ours)
  const y = matched(theirs)
  const agree = x.size === y.size && [...x].every(([applicant, program]) => y.get(applicant) === program)
  const figures = {
    cpu_ratio: round(median(ratios), 3),
    cpu_ratio_min: round(Math.min(...ratios), 3),
    cpu_ratio_max: round(Math.max(...ratios), 3),
    match_cpu_s: round(median(matchCpu), 3),
    plain_cpu_s: round(median(plainCpu), 3),
    // On the national market the yardstick leaves couples out, so only the singles must agree.
    same_matching: name === 'singles' ? agree : null,
    load_average: load,
    load_average_after: loadAverage(),
  }
  log(
    `${name}: match ${figures.match_cpu_s} s CPU, plain ${figures.plain_cpu_s} s CPU, ratio ${figures.cpu_ratio} ` +
      `(${figures.cpu_ratio_min}–${figures.cpu_ratio_max} over ${PAIRS} pairs), same matching: ${agree}, load ${load.join(' ')}`,
  )
  return figures
}

const dir = mkdtempSync(join(tmpdir(), 'preceptor-bench-cli-'))
try {
  const national = generateInstance({ applicants: 45_000, programs: 6_400, couples: 1_200, seed: SEED })
  const singles = singlesOnly(generateInstance({ applicants: 45_000, programs: 6_400, couples: 0, seed: SEED }))
  const nationalPath = join(dir, 'national.json')
  const singlesPath = join(dir, 'singles.json')
  writeFileSync(nationalPath, JSON.stringify(national))
  writeFileSync(singlesPath, JSON.stringify(singles))
  log(`instances: singles ${singles.applicants.length} applicants, ${singles.programs.length} programs; national with ${national.couples?.length} couples`)

  const singlesFigures = comparePairs('singles', singlesPath, dir)
  const nationalFigures = comparePairs('national', nationalPath, dir)

  const helpLoad = loadAverage()
  const help: number[] = []
  const helpCpu: number[] = []
  // The yardstick: Node starting and exiting with nothing to do, in pairs with --help, so a
  // busy machine's slow process start is not counted against the command.
  const bareNode: number[] = []
  for (let i = 0; i < Math.max(5, PAIRS); i++) {
    const run = runNode([cli, '--help'], root)
    help.push(run.wallSeconds)
    helpCpu.push(run.cpuSeconds)
    bareNode.push(runNode(['-e', '0'], root).wallSeconds)
  }
  log(
    `preceptor --help: ${round(median(help), 3)} s wall, ${round(median(helpCpu), 3)} s CPU; node -e 0: ${round(median(bareNode), 3)} s (medians of ${help.length}), load ${helpLoad.join(' ')}`,
  )

  const summary = {
    bench: 'match-cli',
    pairs: PAIRS,
    singles: { ...singlesFigures, target: 1.25 },
    national: { ...nationalFigures, target: 1.6 },
    help_s: round(median(help), 3),
    help_cpu_s: round(median(helpCpu), 3),
    bare_node_s: round(median(bareNode), 3),
    help_target_s: 0.3,
    help_load_average: helpLoad,
    seed: SEED,
    node: process.version,
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
