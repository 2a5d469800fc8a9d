/**
 * Pairing a whole class with mentors for a formal mentor program: stable pairing from both
 * sides' rankings (`pairStable`, through the match engine), or the pairing of largest total fit
 * (`pairMaxFit`, exact min-cost flow with a dual certificate). Pure: no I/O, no clock, no
 * randomness. See docs/recommend-and-pairing.md.
 */
export { PairingError } from './pairing-error.ts'
export { pairStable } from './pair-stable.ts'
export { pairMaxFit } from './pair-max-fit.ts'
export { pairGreedy } from './pair-greedy.ts'
export * from './types.ts'
