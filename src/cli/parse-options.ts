import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './cli-io.ts'

type Options = NonNullable<ParseArgsConfig['options']>

/** `node:util` parseArgs, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`)
  }
}

/** An integer option within bounds, or the default when absent. */
export function integerOption(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback
  if (!/^-?\d+$/.test(value.trim())) throw new CliError(`--${name} must be an integer, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

/** A finite, non-negative number option, or the default when absent. */
export function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new CliError(`--${name} must be a non-negative number, got "${value}"`)
  return n
}

/** A seed: an integer when it looks like one, else the string itself (hashed by the PRNG). */
export function seedOption(value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback
  return /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value
}
