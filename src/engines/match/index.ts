/**
 * The residency match engine: pure functions, no I/O, no clock, no randomness.
 * See docs/match.md for the rules it follows and their limits.
 */
export { InstanceError } from './instance-error.ts'
export { validateInstance } from './validate-instance.ts'
export { compileInstance, withProgramRanks, type CompiledInstance } from './compile-instance.ts'
export { solveCompiled, type CompiledResult, type CompiledStats } from './solve-compiled.ts'
export { decodeResult } from './decode-result.ts'
export { solveMatch } from './solve-match.ts'
export { checkStability } from './check-stability.ts'
export * from './types.ts'
