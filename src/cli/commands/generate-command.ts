import { writeFile } from 'node:fs/promises'
import { generateInstance } from '#engines/match/generate.ts'
import { CliError, EXIT_OK, EXIT_USAGE, processIo, writeAll, type CliCommand, type CliIo } from '../cli-io.ts'
import { integerOption, parseCommandArgs, seedOption } from '../parse-options.ts'

const USAGE = `Usage: preceptor generate --applicants N [--programs M] [--couples K] [--seed S] [--out FILE]

Writes a synthetic match instance shaped like the NRMP Main Residency Match (format v1).
National scale: --applicants 45000 --programs 6400 --couples 1200.

  --applicants N   applicants, couple members included (required)
  --programs M     programs (tracks); default applicants / 7
  --couples K      couples; default ≈ 2.7 % of applicants
  --seed S         seed; the same options and seed give the same instance (default 1)
  --out FILE       write to FILE instead of stdout`

/** `preceptor generate`: a seeded synthetic instance, on stdout or in a file. */
export const generateCommand: CliCommand = {
  async run(argv: string[], io: CliIo = processIo()): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        applicants: { type: 'string' },
        programs: { type: 'string' },
        couples: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      USAGE,
    )
    if (values.help) {
      await writeAll(io.stdout, `${USAGE}\n`)
      return EXIT_OK
    }
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"\n\n${USAGE}`)
    if (values.applicants === undefined) throw new CliError(`--applicants is required\n\n${USAGE}`, EXIT_USAGE)
    const applicants = integerOption('applicants', values.applicants, 0, 1, 10_000_000)
    const programs = integerOption('programs', values.programs, Math.max(1, Math.round(applicants / 7)), 1, 1_000_000)
    const couples = integerOption('couples', values.couples, Math.round(applicants * (1200 / 45000)), 0, Math.floor(applicants / 2))
    const seed = seedOption(values.seed, 1)
    const started = performance.now()
    const instance = generateInstance({ applicants, programs, couples, seed })
    const text = `${JSON.stringify(instance)}\n`
    if (values.out !== undefined) {
      try {
        await writeFile(values.out, text)
      } catch (error) {
        throw new CliError(`cannot write ${values.out}: ${(error as Error).message}`)
      }
      const positions = instance.programs.reduce((n, p) => n + p.capacity, 0)
      await writeAll(
        io.stderr,
        `generated ${instance.applicants.length} applicants, ${instance.programs.length} programs (${positions} positions), ` +
          `${instance.couples?.length ?? 0} couples in ${Math.round(performance.now() - started)} ms → ${values.out}\n`,
      )
    } else {
      await writeAll(io.stdout, text)
    }
    return EXIT_OK
  },
}
