import { describe, expect, it } from 'vitest'
import { takeRuns } from './simulate-workers.ts'

describe('takeRuns', () => {
  it('hands each run index to exactly one taker, however their turns interleave', () => {
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
    const takers = [takeRuns(next, 10), takeRuns(next, 10), takeRuns(next, 10)]
    const taken: number[][] = [[], [], []]
    // An uneven schedule: the first taker is the fastest.
    for (const turn of [0, 0, 1, 0, 2, 0, 0, 1, 2, 0, 1, 2, 0, 1]) {
      const step = takers[turn]?.next()
      if (step && !step.done) taken[turn]?.push(step.value)
    }
    expect(taken.flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(taken[0]?.length).toBeGreaterThan(taken[1]?.length ?? 0)
    // Once the runs are gone, every taker stops.
    for (const taker of takers) expect(taker.next().done).toBe(true)
  })
})
