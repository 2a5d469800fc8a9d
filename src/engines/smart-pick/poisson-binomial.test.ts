import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addTrial, expectation, poissonBinomial, removeTrial } from './poisson-binomial.ts'

/** P(K = k) by summing over all 2^n outcomes. */
function bruteForce(ps: readonly number[]): number[] {
  const out = new Array<number>(ps.length + 1).fill(0)
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let prob = 1
    let k = 0
    ps.forEach((p, i) => {
      if (mask & (1 << i)) {
        prob *= p
        k++
      } else prob *= 1 - p
    })
    out[k] = (out[k] as number) + prob
  }
  return out
}

const probability = fc.double({ min: 0, max: 1, noNaN: true })

describe('poissonBinomial', () => {
  it('is the binomial when every p is equal', () => {
    const dist = poissonBinomial([0.5, 0.5, 0.5])
    expect([...dist]).toEqual([0.125, 0.375, 0.375, 0.125])
    expect([...poissonBinomial([])]).toEqual([1])
  })

  it('equals brute force over all outcomes on small lists', () => {
    fc.assert(
      fc.property(fc.array(probability, { maxLength: 12 }), (ps) => {
        const dist = poissonBinomial(ps)
        const exact = bruteForce(ps)
        for (const [k, value] of exact.entries()) expect(dist[k]).toBeCloseTo(value, 12)
      }),
      { numRuns: 200 },
    )
  })

  it('removeTrial undoes addTrial (both directions of the deconvolution)', () => {
    fc.assert(
      fc.property(fc.array(probability, { minLength: 1, maxLength: 30 }), probability, (ps, p) => {
        const dist = new Float64Array(ps.length + 2)
        dist.set(poissonBinomial(ps))
        addTrial(dist, ps.length, p)
        const back = removeTrial(dist, ps.length + 1, p)
        const original = poissonBinomial(ps)
        // Removing an almost certain or almost impossible trial is exact to rounding only away from the edges.
        for (const [k, value] of original.entries()) expect(Math.abs((back[k] as number) - value)).toBeLessThan(1e-9)
      }),
      { numRuns: 200 },
    )
  })

  it('expectation uses the last value of g beyond its end', () => {
    expect(expectation([0, 0, 1], 2, [0, 0.5])).toBe(0.5)
  })
})
