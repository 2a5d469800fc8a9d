/**
 * The `preceptor` command line: a map from command name to command. Each command parses its
 * own arguments (node:util parseArgs) and returns its exit code; add a command by adding an
 * entry to `COMMANDS`: its one-line summary and a function that imports its module.
 *
 * Commands are imported only when run, so `preceptor match` loads the match engine and nothing
 * of the server (no database driver, HTTP framework, password hashing or mail), and `--help`
 * loads nothing at all; a test holds the match command's module graph to that.
 *
 * This module is also the simulator's worker script (see `simulate-workers.ts`): started on a
 * worker thread with simulation data, it runs the worker loop instead of the command line. One
 * entry file serves both, from source (`node --import tsx src/cli/main.ts`) and bundled
 * (`dist/cli/main.js`).
 */
import { realpathSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread, workerData } from 'node:worker_threads'
import { CliError, EXIT_FAILURE, EXIT_USAGE, processIo, writeAll, type CliCommand, type CliIo } from './cli-io.ts'

/** A command as the dispatcher knows it: its summary for `--help`, and how to load it. */
export type CommandEntry = {
  /** One line for `preceptor --help`. */
  summary: string
  load(): Promise<CliCommand>
}

export const COMMANDS: Record<string, CommandEntry> = {
  match: {
    summary: 'run the match on an instance file and write the result',
    load: async () => (await import('./commands/match-command.ts')).matchCommand,
  },
  simulate: {
    summary: 'simulate the match under noisy program rank lists',
    load: async () => (await import('./commands/simulate-command.ts')).createSimulateCommand(new URL(import.meta.url)),
  },
  generate: {
    summary: 'write a synthetic, NRMP-shaped match instance',
    load: async () => (await import('./commands/generate-command.ts')).generateCommand,
  },
  'list-builder': {
    summary: "the list builder's advice for an application profile, as JSON",
    load: async () => (await import('./commands/list-builder-command.ts')).listBuilderCommand,
  },
  serve: {
    summary: 'start the web application (the same as `npm start` without the build)',
    load: async () => (await import('./commands/server-commands.ts')).serveCommand,
  },
  migrate: {
    summary: 'apply the database migrations (takes the data-folder lock)',
    load: async () => (await import('./commands/server-commands.ts')).migrateCommand,
  },
  seed: {
    summary: 'load the demo school into an empty database (takes the data-folder lock)',
    load: async () => (await import('./commands/server-commands.ts')).seedCommand,
  },
  backup: {
    summary: 'write the embedded database to a file (takes the data-folder lock)',
    load: async () => (await import('./commands/backup-commands.ts')).backupCommand,
  },
  restore: {
    summary: 'restore a backup into an empty data folder',
    load: async () => (await import('./commands/backup-commands.ts')).restoreCommand,
  },
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  return `Usage: preceptor <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun \`preceptor <command> --help\` for a command's options.\n`
}

/** Runs one command line (without the `node` and script arguments); returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    // Asked-for help is the answer, as with each command's own --help: stdout, success.
    await writeAll(io.stdout, usage())
    return 0
  }
  if (name === undefined) {
    await writeAll(io.stderr, usage())
    return EXIT_USAGE
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    await writeAll(io.stderr, `preceptor: unknown command "${name}"\n\n${usage()}`)
    return EXIT_USAGE
  }
  try {
    return await (await command.load()).run(rest, io)
  } catch (error) {
    if (error instanceof CliError) {
      await writeAll(io.stderr, `preceptor ${name}: ${error.message}\n`)
      return error.exitCode
    }
    // The class, code and code location only: the message of a failed query or parse can quote
    // the data it was given (rank lists, letters, imported rows).
    const { describeError } = await import('#server/log/describe-error.ts')
    await writeAll(io.stderr, `preceptor ${name}: unexpected error: ${describeError(error)}\n`)
    return EXIT_FAILURE
  }
}

/** True when this module is the program being run: directly, or through `bin/preceptor.js`. */
function isEntryPoint(): boolean {
  const script = process.argv[1]
  if (!script) return false
  let path: string
  try {
    path = realpathSync(script)
  } catch {
    return false
  }
  if (path === fileURLToPath(import.meta.url)) return true
  return basename(dirname(path)) === 'bin' && /^preceptor(\.js)?$/.test(basename(path))
}

if (!isMainThread) {
  const worker = await import('./simulate-workers.ts')
  if (worker.isSimulationWorkerData(workerData)) worker.runSimulationWorker()
} else if (isMainThread && isEntryPoint()) {
  // A closed pipe (`preceptor simulate … | head`) ends the output, not in a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  process.exitCode = await runCli(process.argv.slice(2))
}
