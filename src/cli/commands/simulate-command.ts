import { availableParallelism } from 'node:os'
import { writeFile } from 'node:fs/promises'
import { DEFAULT_TOP_CHOICES, summarizeSimulation, type SimulationOptions, type SimulationReport } from '#engines/match/simulate.ts'
import { type CsvValue, writeCsv } from '#shared/csv/write-csv.ts'
import { CliError, EXIT_OK, processIo, writeAll, type CliCommand, type CliIo, type OutputStream } from '../cli-io.ts'
import { integerOption, numberOption, parseCommandArgs, seedOption } from '../parse-options.ts'
import { readInstanceFile } from '../read-instance.ts'
import { simulateInWorkers } from '../simulate-workers.ts'

export const DEFAULT_NOISE = 2
/** Solver attempts per run: a run whose couples loop keeps its first pass (see simulate.ts). */
export const DEFAULT_SIMULATION_ATTEMPTS = 1

const USAGE = `Usage: preceptor simulate INSTANCE.json --runs N [--noise SIGMA] [--seed S] [--workers W] [--top 1,2,3,5] [--attempts A] [--csv] [--out FILE]

Runs the match N times with every program's rank order list perturbed by Gaussian noise
(see "Noise model" in docs/match.md) and reports, per applicant, the probability of matching
and of matching one of the top k choices, and per program the expected fill.

  --runs N        runs (default 100)
  --noise SIGMA   noise in rank positions (default ${DEFAULT_NOISE}); 0 repeats the same match
  --seed S        seed (default 1); results depend on the seed, never on --workers
  --workers W     worker threads (default: one per CPU, at most 8); 0 runs on the main thread
  --top LIST      cut-offs k for "one of the top k choices" (default ${DEFAULT_TOP_CHOICES.join(',')})
  --attempts A    solver attempts per run when couples loop (default ${DEFAULT_SIMULATION_ATTEMPTS}); runs left
                  with unresolved couples are counted in summary.unresolvedRuns
  --csv           CSV instead of JSON: one row per applicant, then one per program
  --out FILE      write to FILE instead of stdout`

/** `preceptor simulate`: Monte-Carlo match outlook. `workerEntry` is the CLI's entry module. */
export function createSimulateCommand(workerEntry: URL): CliCommand {
  return {
    async run(argv: string[], io: CliIo = processIo()): Promise<number> {
      const { values, positionals } = parseCommandArgs(
        argv,
        {
          runs: { type: 'string', short: 'n' },
          noise: { type: 'string' },
          seed: { type: 'string' },
          workers: { type: 'string', short: 'w' },
          top: { type: 'string' },
          attempts: { type: 'string' },
          csv: { type: 'boolean' },
          out: { type: 'string', short: 'o' },
          help: { type: 'boolean', short: 'h' },
        },
        USAGE,
      )
      if (values.help) {
        await writeAll(io.stdout, `${USAGE}\n`)
        return EXIT_OK
      }
      if (positionals.length !== 1) throw new CliError(`expected one instance file\n\n${USAGE}`)
      const runs = integerOption('runs', values.runs, 100, 1, 10_000_000)
      const noise = numberOption('noise', values.noise, DEFAULT_NOISE)
      const seed = seedOption(values.seed, 1)
      const workers = integerOption('workers', values.workers, Math.min(8, availableParallelism()), 0, 256)
      const topChoices = parseTop(values.top)
      const started = performance.now()
      const cpuStarted = process.cpuUsage()
      const loaded = await readInstanceFile(positionals[0] as string)
      const attempts = integerOption('attempts', values.attempts, DEFAULT_SIMULATION_ATTEMPTS, 1, 100)
      const options: SimulationOptions = { noise, seed, topChoices, solve: { attempts } }
      const progress = createProgressBar(io.stderr, runs)
      let output: Awaited<ReturnType<typeof simulateInWorkers>>
      try {
        output = await simulateInWorkers({
          compiled: loaded.compiled,
          runs,
          workers,
          options,
          workerEntry,
          onProgress: progress.update,
        })
      } finally {
        progress.finish()
      }
      const report = summarizeSimulation(output.plan, output.tally, options)
      const text = values.csv ? toCsv(report) : `${JSON.stringify(roundReport(report))}\n`
      if (values.out !== undefined) {
        try {
          await writeFile(values.out, text)
        } catch (error) {
          throw new CliError(`cannot write ${values.out}: ${(error as Error).message}`)
        }
      } else {
        await writeAll(io.stdout, text)
      }
      const seconds = (performance.now() - started) / 1000
      // Process-wide CPU time, worker threads included: on a busy machine it says what the
      // simulation cost when the wall clock cannot.
      const cpu = process.cpuUsage(cpuStarted)
      const cpuSeconds = (cpu.user + cpu.system) / 1e6
      await writeAll(
        io.stderr,
        `simulated ${runs} run${runs === 1 ? '' : 's'} (noise ${noise}, seed ${seed}, ${output.workers} worker${output.workers === 1 ? '' : 's'}) in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s); ` +
          `mean P(match) ${report.summary.meanMatchRate.toFixed(3)}, fill ${report.summary.fillRate.toFixed(3)}` +
          (report.summary.unresolvedRuns > 0
            ? `, ${report.summary.unresolvedRuns} run${report.summary.unresolvedRuns === 1 ? '' : 's'} with unresolved couples`
            : '') +
          '\n',
      )
      return EXIT_OK
    },
  }
}

function parseTop(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_TOP_CHOICES]
  const parts = value.split(',').map((part) => part.trim())
  const numbers = parts.map(Number)
  if (parts.length === 0 || numbers.some((n, i) => !/^\d+$/.test(parts[i] as string) || n < 1)) {
    throw new CliError(`--top must be a comma-separated list of positive integers, got "${value}"`)
  }
  return [...new Set(numbers)].sort((a, b) => a - b)
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6

function roundReport(report: SimulationReport): SimulationReport {
  return {
    ...report,
    summary: {
      ...report.summary,
      meanMatchRate: round(report.summary.meanMatchRate),
      fillRate: round(report.summary.fillRate),
      meanProposals: Math.round(report.summary.meanProposals),
    },
    applicants: report.applicants.map((a) => ({ id: a.id, pMatch: round(a.pMatch), pTop: a.pTop.map(round) })),
    programs: report.programs.map((p) => ({ ...p, meanFilled: round(p.meanFilled), expectedFill: round(p.expectedFill) })),
  }
}

/** One table: applicants (p_match, p_top<k>) then programs (capacity, mean_filled, expected_fill). */
export function toCsv(report: SimulationReport): string {
  const topColumns = report.topChoices.map((k) => `p_top${k}`)
  const header = ['kind', 'id', 'p_match', ...topColumns, 'capacity', 'mean_filled', 'expected_fill']
  const blanks = topColumns.map(() => null)
  const rows: CsvValue[][] = [
    ...report.applicants.map((a) => ['applicant', a.id, round(a.pMatch), ...a.pTop.map(round), null, null, null]),
    ...report.programs.map((p) => ['program', p.id, null, ...blanks, p.capacity, round(p.meanFilled), round(p.expectedFill)]),
  ]
  return writeCsv(header, rows, { lineEnd: '\n' })
}

/**
 * Progress on stderr: on a terminal a one-line bar redrawn at most ten times a second; otherwise
 * (a log file, a pipe) a line at each tenth of the runs, so a long simulation is not silent.
 */
function createProgressBar(stream: OutputStream, total: number): { update(done: number): void; finish(): void } {
  const started = performance.now()
  const seconds = (): number => (performance.now() - started) / 1000
  if (!stream.isTTY) {
    let reported = 0
    return {
      update(done) {
        const tenth = Math.floor((10 * done) / total)
        if (tenth <= reported || done >= total) return
        reported = tenth
        const eta = (seconds() / done) * (total - done)
        stream.write(`simulate: ${done}/${total} runs, ${seconds().toFixed(1)} s, ~${Math.ceil(eta)} s left\n`)
      },
      finish() {},
    }
  }
  let last = 0
  let drawn = false
  const draw = (done: number): void => {
    const width = 30
    const filled = Math.round((done / total) * width)
    const eta = done > 0 ? (seconds() / done) * (total - done) : 0
    stream.write(
      `\rsimulate [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs ${seconds().toFixed(1)} s` +
        (done > 0 && done < total ? `, ~${Math.ceil(eta)} s left ` : '  '),
    )
    drawn = true
  }
  return {
    update(done) {
      const now = performance.now()
      if (done < total && now - last < 100) return
      last = now
      draw(done)
    },
    finish() {
      if (drawn) stream.write('\n')
    },
  }
}
