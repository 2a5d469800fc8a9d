import { InstanceError } from './instance-error.ts'

/** The checks on a parsed instance's JSON that `compileInstance` makes as it reads it. */

export type Json = Record<string, unknown>

/**
 * The largest capacity the engine holds: capacities live in 32-bit integer arrays, and a
 * reversion adds one program's unfilled positions to another's, so the total must fit too.
 */
export const MAX_CAPACITY = 2 ** 31 - 1

/**
 * The longest program rank order list the engine holds: the solver keeps a rank and an
 * applicant in one double, `rank · 2³² + applicant`, exact while the rank has at most 21 bits.
 */
export const MAX_PROGRAM_RANKS = 2 ** 21

/**
 * The fields of each object of format v1. Any other field is refused: a misspelt optional
 * field such as `revertto` would otherwise be ignored, silently meaning no reversion.
 */
export const FIELDS = {
  instance: ['programs', 'applicants', 'couples'],
  program: ['id', 'capacity', 'ranks', 'track', 'revertTo'],
  applicant: ['id', 'ranks', 'supplemental'],
  supplemental: ['for', 'ranks'],
  couple: ['id', 'members', 'ranks'],
} as const

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function expectKnownFields(value: Json, fields: readonly string[], path: string): void {
  for (const key in value) {
    if (!fields.includes(key)) throw new InstanceError(path === '$' ? key : `${path}.${key}`, `unknown field (expected ${fields.join(', ')})`)
  }
}

/** An object with only the given fields. */
export function expectObject(value: unknown, path: string, fields: readonly string[]): Json {
  if (!isObject(value)) throw new InstanceError(path, 'must be an object')
  expectKnownFields(value, fields, path)
  return value
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new InstanceError(path, 'must be an array')
  return value
}

export function expectId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InstanceError(path, 'must be a non-empty string id')
  }
  return value
}

/**
 * Reversions must not form a cycle (seats would move forever). `revertTo[p]` is the program
 * receiving p's unfilled seats or -1; programs are walked in input order (`inputIndex` and
 * `number` translate), so the error names the same entry whatever the numbering.
 */
export function checkReversionCycles(revertTo: Int32Array, inputIndex: Int32Array, number: Int32Array): void {
  // 0 = unvisited, 1 = on the current path, 2 = known to end without a cycle.
  const state = new Uint8Array(revertTo.length)
  const path: number[] = []
  for (let start = 0; start < revertTo.length; start++) {
    path.length = 0
    let p = number[start] as number
    while (p >= 0 && state[p] === 0) {
      state[p] = 1
      path.push(p)
      p = revertTo[p] as number
    }
    if (p >= 0 && state[p] === 1) throw new InstanceError(`programs[${inputIndex[p]}].revertTo`, 'reversions form a cycle')
    for (const q of path) state[q] = 2
  }
}
