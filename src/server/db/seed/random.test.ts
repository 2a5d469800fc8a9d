import { describe, expect, it } from 'vitest'
import { createRandom } from './random.ts'

describe('createRandom', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 20 }, () => random.next())
    }
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
  })

  it('keeps draws in range', () => {
    const random = createRandom(1)
    for (let i = 0; i < 2_000; i++) {
      const x = random.next()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      const n = random.between(3, 6)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(6)
    }
  })

  it('samples distinct items and never picks a zero weight', () => {
    const random = createRandom(2)
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3)
    expect(new Set(sample).size).toBe(3)
    for (let i = 0; i < 500; i++) {
      expect(
        random.weighted([
          ['never', 0],
          ['always', 1],
        ] as const),
      ).toBe('always')
    }
  })

  it('makes version-4 UUIDs', () => {
    const random = createRandom(3)
    const ids = Array.from({ length: 200 }, () => random.uuid())
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('forks streams that do not depend on what the parent draws later', () => {
    const a = createRandom(5)
    const b = createRandom(5)
    const forkA = a.fork('x')
    const forkB = b.fork('x')
    b.next()
    expect(forkA.next()).toBe(forkB.next())
    expect(createRandom(5).fork('x').next()).not.toBe(createRandom(5).fork('y').next())
  })
})
