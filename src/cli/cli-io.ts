/**
 * The streams a command writes to. Commands never touch `process.stdout` directly, so tests
 * can run them in-process and capture what they print.
 */
export type OutputStream = {
  write(chunk: string, callback?: (error?: Error | null) => void): unknown
  isTTY?: boolean
}

export type CliIo = {
  stdout: OutputStream
  stderr: OutputStream
}

/** A command: parses its own arguments, returns the process exit code (its summary lives in `main.ts`'s table). */
export type CliCommand = {
  run(argv: string[], io?: CliIo): Promise<number>
}

export const EXIT_OK = 0
/** Bad usage or bad input (unreadable file, invalid JSON, invalid instance). */
export const EXIT_USAGE = 2
/** Anything else that went wrong. */
export const EXIT_FAILURE = 1

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr }
}

/** An error a command reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  readonly exitCode: number

  constructor(message: string, exitCode: number = EXIT_USAGE) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/**
 * Writes `text` to a stream and resolves once it is handed to the OS, so large outputs are
 * complete before the process exits.
 */
export function writeAll(stream: OutputStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}

/** Streams that keep what is written, for tests and for running a command in-process. */
export function captureIo(options: { stderrIsTTY?: boolean } = {}): CliIo & { out(): string; err(): string } {
  const out: string[] = []
  const err: string[] = []
  const stream = (sink: string[], isTTY: boolean): OutputStream => ({
    isTTY,
    write(chunk, callback) {
      sink.push(chunk)
      callback?.()
      return true
    },
  })
  return {
    stdout: stream(out, false),
    stderr: stream(err, options.stderrIsTTY ?? false),
    out: () => out.join(''),
    err: () => err.join(''),
  }
}
