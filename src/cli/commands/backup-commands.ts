import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo, writeAll, type CliCommand, type CliIo } from '../cli-io.ts'

/**
 * `preceptor backup FILE` and `preceptor restore FILE`, for the embedded database. PostgreSQL is
 * backed up with its own tools (pg_dump, pg_restore), as docs/deploy.md shows.
 */

const POSTGRES = 'DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (docs/deploy.md).'

type Summary = { tables: number; rows: number; audit: { ok: boolean; checked: number } }

function describe(summary: Summary): string {
  const audit = summary.audit.ok
    ? `the audit log's chain is intact (${summary.audit.checked} entries)`
    : 'the audit log\'s chain is BROKEN: see "Audit log" in the admin pages'
  return `${summary.tables} tables, ${summary.rows} rows; ${audit}`
}

async function fileArgument(argv: string[], io: CliIo, usage: string): Promise<string | null> {
  if (argv.includes('--help') || argv.includes('-h')) {
    await writeAll(io.stdout, `${usage}\n`)
    return null
  }
  const files = argv.filter((arg) => !arg.startsWith('-'))
  if (files.length !== 1 || argv.length !== 1) throw new CliError(`${usage}`, EXIT_USAGE)
  if (process.env.DATABASE_URL) throw new CliError(POSTGRES, EXIT_USAGE)
  return files[0] as string
}

/** Refusals (a held folder, a file already there) are one line and exit 1; anything else is a failure too, with its message. */
async function refusalsToExit<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT_FAILURE)
  }
}

export const backupCommand: CliCommand = {
  async run(argv, io = processIo()) {
    const usage =
      "Usage: preceptor backup FILE\n\nWrites the embedded database of DATA_DIR to FILE (a new file), as one compressed file. Stop the server first: the backup takes the data folder's lock."
    const file = await fileArgument(argv, io, usage)
    if (file === null) return EXIT_OK
    const { backupDataDir } = await import('#server/db/backup.ts')
    const { parseEnv } = await import('#server/config/env.ts')
    const summary = await refusalsToExit(() => backupDataDir(parseEnv(process.env).DATA_DIR, file))
    await writeAll(io.stderr, `preceptor backup: wrote ${file}: ${describe(summary)}\n`)
    return summary.audit.ok ? EXIT_OK : EXIT_FAILURE
  },
}

export const restoreCommand: CliCommand = {
  async run(argv, io = processIo()) {
    const usage = 'Usage: preceptor restore FILE\n\nRestores a backup into DATA_DIR, which must not hold a database yet, and applies any newer migrations.'
    const file = await fileArgument(argv, io, usage)
    if (file === null) return EXIT_OK
    const { restoreDataDir } = await import('#server/db/backup.ts')
    const { parseEnv } = await import('#server/config/env.ts')
    const summary = await refusalsToExit(() => restoreDataDir(file, parseEnv(process.env).DATA_DIR))
    await writeAll(io.stderr, `preceptor restore: restored ${file}: ${describe(summary)}\n`)
    return summary.audit.ok ? EXIT_OK : EXIT_FAILURE
  },
}
