import { beforeEach, onTestFailed } from 'vitest'
import { FACTORY_SEED } from '../factories/random.ts'

// A failure among randomly built people can be replayed with the same people.
beforeEach(() => {
  onTestFailed(() => {
    console.error(`Factories drew from seed ${FACTORY_SEED}: replay with FACTORY_SEED=${FACTORY_SEED}`)
  })
})
