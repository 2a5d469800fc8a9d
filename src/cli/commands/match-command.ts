import { writeFileSync } from 'node:fs'
import { decodeResult, solveCompiled, type MatchResult } from '#engines/match/index.ts'
import { CliError, EXIT_OK, processIo, writeAll, type CliCommand, type CliIo } from '../cli-io.ts'
import { parseCommandArgs } from '../parse-options.ts'
import { readInstanceFile } from '../read-instance.ts'

const USAGE = `Usage: preceptor match INSTANCE.json [--out RESULT.json] [--stats]

Runs the residency match (Roth–Peranson, with couples, supplemental lists and reversions) on an
instance (format v1) and writes the result JSON.

  --out FILE   write the result to FILE instead of stdout
  --stats      print counts and timings on stderr`

/** `preceptor match`: one instance in, one result out. */
export const matchCommand: CliCommand = {
  async run(argv: string[], io: CliIo = processIo()): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string', short: 'o' },
        stats: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      USAGE,
    )
    if (values.help) {
      await writeAll(io.stdout, `${USAGE}\n`)
      return EXIT_OK
    }
    if (positionals.length !== 1) throw new CliError(`expected one instance file\n\n${USAGE}`)
    const path = positionals[0] as string
    const loaded = await readInstanceFile(path)

    const { compiled } = loaded
    const t1 = performance.now()
    const solved = solveCompiled(compiled)
    const t2 = performance.now()
    const result: MatchResult = decodeResult(compiled, solved)
    result.stats.ms = Math.round(loaded.compileMs + t2 - t1)
    const text = `${JSON.stringify(result)}\n`
    const t3 = performance.now()
    if (values.out !== undefined) {
      try {
        writeFileSync(values.out, text)
      } catch (error) {
        throw new CliError(`cannot write ${values.out}: ${(error as Error).message}`)
      }
    } else {
      await writeAll(io.stdout, text)
    }
    const t4 = performance.now()

    if (result.unresolved) await writeAll(io.stderr, `${unresolvedWarning(result.unresolved)}\n`)
    if (values.stats) {
      const positions = result.programs.reduce((n, p) => n + p.capacity, 0)
      const filled = result.programs.reduce((n, p) => n + p.filled, 0)
      const supplemental = result.matches.filter((m) => m.supplemental).length
      const ms = (x: number): string => `${Math.round(x)} ms`
      const lines = [
        `instance   ${compiled.applicantCount} applicants, ${compiled.programCount} programs, ${compiled.coupleCount} couples`,
        `matched    ${result.matches.length - supplemental} applicants (+${supplemental} supplemental PGY-1), ${result.unmatched.length} unmatched`,
        `positions  ${filled} of ${positions} filled (${positions > 0 ? ((100 * filled) / positions).toFixed(1) : '0.0'} %)`,
        `proposals  ${result.stats.proposals}`,
        `timing     read ${ms(loaded.readMs)}, parse ${ms(loaded.parseMs)}, check and compile ${ms(loaded.compileMs)}, ` +
          `solve ${ms(t2 - t1)}, decode+stringify ${ms(t3 - t2)}, write ${ms(t4 - t3)}`,
      ]
      await writeAll(io.stderr, `${lines.join('\n')}\n`)
    }
    return EXIT_OK
  },
}

/**
 * One line on stderr for a result with blocking couples or applicants. The exit code stays 0:
 * the result is written, and `unresolved` in it lists who is left blocking.
 */
export function unresolvedWarning(unresolved: NonNullable<MatchResult['unresolved']>): string {
  return `warning: ${unresolved.message} (listed under "unresolved" in the result)`
}
