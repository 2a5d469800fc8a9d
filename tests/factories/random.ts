import { randomInt } from 'node:crypto'
import { createRandom, type Random } from '#server/db/seed/random.ts'

export { createRandom, type Random }

/**
 * The seed of the stream factories draw from when a test passes none: `FACTORY_SEED` when set,
 * to replay a failure, otherwise drawn from the operating system so that test files running
 * against one shared database still get distinct e-mails. A failing test prints it
 * (tests/setup/print-factory-seed.ts); pass `random: createRandom(n)` to fix one test's people.
 */
export const FACTORY_SEED: number = process.env.FACTORY_SEED ? Number.parseInt(process.env.FACTORY_SEED, 10) : randomInt(2 ** 31)

export const defaultRandom: Random = createRandom(FACTORY_SEED)

/** Timestamps of built rows when no `now` is given: fixed per test run, so builds compare equal. */
export const FACTORY_NOW = new Date(Math.floor(Date.now() / 1000) * 1000)
