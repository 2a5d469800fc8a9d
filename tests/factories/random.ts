import { randomInt } from 'node:crypto'
import { createRandom, type Random } from '#server/db/seed/random.ts'

export { createRandom, type Random }

/**
 * The stream factories draw from when a test passes none. Seeded from the operating system so
 * that test files running against one shared database still get distinct e-mails; pass
 * `random: createRandom(n)` to get the same people every run.
 */
export const defaultRandom: Random = createRandom(randomInt(2 ** 31))

/** Timestamps of built rows when no `now` is given: fixed per test run, so builds compare equal. */
export const FACTORY_NOW = new Date(Math.floor(Date.now() / 1000) * 1000)
