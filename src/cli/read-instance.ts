import { readFileSync } from 'node:fs'
import { type CompiledInstance, compileInstance, InstanceError } from '#engines/match/index.ts'
import { CliError } from './cli-io.ts'

export type LoadedInstance = { compiled: CompiledInstance; text: string; readMs: number; parseMs: number; compileMs: number }

/**
 * Reads, parses, checks and compiles an instance file — checking and compiling in one pass
 * over the parsed JSON; every failure is a `CliError` (exit 2).
 */
export async function readInstanceFile(path: string): Promise<LoadedInstance> {
  const t0 = performance.now()
  let text: string
  try {
    // One read: the promise API reads a large file in small chunks, at a cost a one-shot
    // command has no use for.
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message)
    throw new CliError(`cannot read instance ${path}: ${reason}`)
  }
  const t1 = performance.now()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`)
  }
  const t2 = performance.now()
  let compiled: CompiledInstance
  try {
    compiled = compileInstance(json)
  } catch (error) {
    if (error instanceof InstanceError) throw new CliError(`invalid instance ${path}: ${error.message}`)
    throw error
  }
  return { compiled, text, readMs: t1 - t0, parseMs: t2 - t1, compileMs: performance.now() - t2 }
}
