import { CliError, EXIT_FAILURE, EXIT_OK, processIo, writeAll, type CliCommand, type CliIo } from '../cli-io.ts'

/**
 * Commands that run the application or change its database. The server is imported lazily:
 * the match commands (and the simulator's worker threads, which load this same entry file)
 * never pay for it.
 */

async function withHelp(argv: string[], io: CliIo, usage: string): Promise<boolean> {
  if (argv.includes('--help') || argv.includes('-h')) {
    await writeAll(io.stdout, `${usage}\n`)
    return true
  }
  return false
}

/** A locked data folder or a wrong setting is the operator's to fix: one line, no stack. */
async function openDatabase() {
  const { openConfiguredDatabase } = await import('#server/db/open-configured-database.ts')
  try {
    return await openConfiguredDatabase(process.env)
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT_FAILURE)
  }
}

const SETTINGS = 'Settings come from the environment: DATABASE_URL, DATA_DIR, DEMO_MODE, PORT … (see the README).'

export const serveCommand: CliCommand = {
  async run(argv, io = processIo()) {
    if (await withHelp(argv, io, `Usage: preceptor serve\n\n${SETTINGS}`)) return EXIT_OK
    const { startServer } = await import('#server/main.ts')
    const { stop } = await startServer()
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
    })
    await stop()
    return EXIT_OK
  },
}

export const migrateCommand: CliCommand = {
  async run(argv, io = processIo()) {
    if (await withHelp(argv, io, `Usage: preceptor migrate\n\n${SETTINGS}`)) return EXIT_OK
    const database = await openDatabase()
    try {
      await database.handle.migrate()
      await writeAll(io.stderr, `preceptor migrate: ${database.description} is up to date\n`)
      return EXIT_OK
    } finally {
      await database.close()
    }
  },
}

export const seedCommand: CliCommand = {
  async run(argv, io = processIo()) {
    if (await withHelp(argv, io, `Usage: preceptor seed [--seed N]\n\nLoads the deterministic demo school once. ${SETTINGS}`)) return EXIT_OK
    const seedIndex = argv.indexOf('--seed')
    const seed = seedIndex >= 0 ? Number(argv[seedIndex + 1]) : 1
    if (!Number.isInteger(seed)) {
      await writeAll(io.stderr, 'preceptor seed: --seed takes a whole number\n')
      return 2
    }
    const { insertReferenceData, isDemoSchoolLoaded, seedDemoSchool } = await import('#server/db/seed/seed-demo-school.ts')
    const { DEMO_PASSWORD } = await import('#server/db/seed/demo-accounts.ts')
    const { hash } = await import('@node-rs/argon2')
    const database = await openDatabase()
    try {
      await database.handle.migrate()
      await insertReferenceData(database.handle.db)
      if (await isDemoSchoolLoaded(database.handle.db)) {
        await writeAll(io.stderr, 'preceptor seed: the demo school is already loaded; nothing to do\n')
        return EXIT_OK
      }
      const summary = await seedDemoSchool(database.handle.db, { seed, now: new Date(), demoPasswordHash: await hash(DEMO_PASSWORD) })
      await writeAll(io.stdout, `${JSON.stringify(summary)}\n`)
      return EXIT_OK
    } catch (error) {
      const { describeError } = await import('#server/log/describe-error.ts')
      await writeAll(io.stderr, `preceptor seed: failed: ${describeError(error)}\n`)
      return EXIT_FAILURE
    } finally {
      await database.close()
    }
  },
}
