import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed, toSeed } from './random.ts'

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const xs = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs)
  })

  it('accepts string seeds and seed 0', () => {
    expect(createRandom('match-2025').next()).toBe(createRandom('match-2025').next())
    const zero = createRandom(0)
    expect(new Set(Array.from({ length: 10 }, () => zero.next())).size).toBe(10)
  })

  it('draws uniforms in [0, 1) with the right mean and integers in range', () => {
    const random = createRandom(7)
    let sum = 0
    let min = 1
    let max = 0
    const counts = [0, 0, 0, 0, 0]
    for (let i = 0; i < 50_000; i++) {
      const x = random.next()
      min = Math.min(min, x)
      max = Math.max(max, x)
      sum += x
      counts[random.int(5)]!++
    }
    expect(min).toBeGreaterThanOrEqual(0)
    expect(max).toBeLessThan(1)
    expect(sum / 50_000).toBeCloseTo(0.5, 2)
    for (const n of counts) expect(n).toBeGreaterThan(9_400)
  })

  it('draws standard normals (Box–Muller)', () => {
    const random = createRandom(11)
    const n = 100_000
    let sum = 0
    let squares = 0
    for (let i = 0; i < n; i++) {
      const z = random.normal()
      sum += z
      squares += z * z
    }
    expect(sum / n).toBeCloseTo(0, 1)
    expect(squares / n).toBeCloseTo(1, 1)
  })

  it('weighted() follows the weights and shuffle() permutes', () => {
    const random = createRandom(3)
    const counts = [0, 0, 0]
    for (let i = 0; i < 30_000; i++) counts[random.weighted([1, 0, 3])]!++
    expect(counts[1]).toBe(0)
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0)
    const items = Array.from({ length: 50 }, (_, i) => i)
    expect([...random.shuffle([...items])].sort((x, y) => x - y)).toEqual(items)
  })
})

describe('deriveSeed', () => {
  it('gives distinct, stable streams per index', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => deriveSeed(1, i)))
    expect(seeds.size).toBe(10_000)
    expect(deriveSeed('x', 5)).toBe(deriveSeed(toSeed('x'), 5))
    expect(deriveSeed(1, 5)).not.toBe(deriveSeed(2, 5))
  })
})

describe('normal() tails', () => {
  it('matches N(0, 1) probabilities beyond 1, 2 and 3.5 (ziggurat tail included)', () => {
    const random = createRandom(21)
    const n = 400_000
    let beyond1 = 0
    let beyond2 = 0
    let beyond35 = 0
    let negative = 0
    for (let i = 0; i < n; i++) {
      const z = random.normal()
      const a = Math.abs(z)
      if (a > 1) beyond1++
      if (a > 2) beyond2++
      if (a > 3.5) beyond35++
      if (z < 0) negative++
    }
    expect(beyond1 / n).toBeCloseTo(0.3173, 2)
    expect(beyond2 / n).toBeCloseTo(0.0455, 2)
    expect(beyond35 / n).toBeGreaterThan(0.0002)
    expect(beyond35 / n).toBeLessThan(0.0007)
    expect(negative / n).toBeCloseTo(0.5, 2)
  })
})

describe('normals()', () => {
  it('draws the same deviates as repeated normal() calls, tails and wedges included', () => {
    for (const seed of [1, 21, 'simulate']) {
      const one = createRandom(seed)
      const batch = createRandom(seed)
      const into = new Float64Array(50_000)
      // Uneven batch sizes, so batches start and end anywhere in the stream.
      for (const count of [1, 7, 1000, 20_000, 3, 28_989]) {
        batch.normals(into, count)
        for (let i = 0; i < count; i++) expect(into[i]).toBe(one.normal())
      }
      // The two streams are still in step afterwards.
      expect(batch.next()).toBe(one.next())
    }
  })
})
