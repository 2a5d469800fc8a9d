import { describe, expect, it } from 'vitest'
import { createNoiseScratch, perturbedOrder, perturbInstance, perturbInstanceForRun } from './noise.ts'
import { createRandom } from './random.ts'
import type { MatchInstance } from './types.ts'

const instance: MatchInstance = {
  programs: [
    { id: 'IM-0001', capacity: 2, ranks: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'] },
    { id: 'FM-0001', capacity: 1, ranks: ['A6'] },
  ],
  applicants: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((id) => ({ id, ranks: ['IM-0001'] })),
}

describe('perturbedOrder', () => {
  it('returns a permutation, the identity at σ = 0', () => {
    const scratch = createNoiseScratch(100)
    const random = createRandom(1)
    expect([...perturbedOrder(100, 0, random, scratch).slice(0, 100)]).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const order = [...perturbedOrder(100, 5, random, scratch).slice(0, 100)]
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(order).not.toEqual(Array.from({ length: 100 }, (_, i) => i))
  })

  it('swaps neighbours with probability Φ(−1/(σ√2))', () => {
    // σ = 1: P(swap of adjacent pair) = Φ(−0.707) ≈ 0.24
    const scratch = createNoiseScratch(2)
    const random = createRandom(9)
    let swaps = 0
    const n = 20_000
    for (let i = 0; i < n; i++) if (perturbedOrder(2, 1, random, scratch)[0] === 1) swaps++
    expect(swaps / n).toBeCloseTo(0.24, 1)
  })
})

describe('perturbInstance', () => {
  it('keeps the ranked set, leaves applicants alone and does not mutate the input', () => {
    const before = JSON.stringify(instance)
    const noisy = perturbInstance(instance, 3, createRandom(2))
    expect(JSON.stringify(instance)).toBe(before)
    expect([...noisy.programs[0]!.ranks].sort()).toEqual([...instance.programs[0]!.ranks].sort())
    expect(noisy.applicants).toEqual(instance.applicants)
  })

  it('is a function of (seed, run)', () => {
    expect(perturbInstanceForRun(instance, 2, 5, 3)).toEqual(perturbInstanceForRun(instance, 2, 5, 3))
    expect(perturbInstance(instance, 0, createRandom(1))).toEqual(instance)
  })

  it('rejects a negative σ', () => {
    expect(() => perturbInstance(instance, -1, createRandom(1))).toThrow(RangeError)
  })
})
