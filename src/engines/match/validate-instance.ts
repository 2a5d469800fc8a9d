import { compileInstance } from './compile-instance.ts'
import type { MatchInstance } from './types.ts'

export { MAX_CAPACITY } from './instance-checks.ts'

/**
 * Checks that `input` is a well-formed match instance (format v1) and returns it typed.
 *
 * Beyond types it enforces what the NRMP's rules and Roth & Peranson (1999), AER 89(4):748–780,
 * take for granted: ids are unique and known, no list ranks an id twice, capacities are
 * non-negative integers the engine can hold (at most `MAX_CAPACITY`, in total too), objects
 * carry no field the format does not define, couple members rank only through their couple and
 * belong to one couple, reversions (`revertTo`) form no cycle, and a supplemental list hangs off
 * advanced programs and names only PGY-1 (non-advanced) programs.
 *
 * The checks are made by `compileInstance` as it reads the instance (one pass, each id looked
 * up once); a caller that goes on to solve should call `compileInstance` instead of both.
 *
 * @throws InstanceError with `path` naming the offending entry, e.g. `programs[3].ranks[7]`.
 */
export function validateInstance(input: unknown): MatchInstance {
  compileInstance(input)
  return input as MatchInstance
}
