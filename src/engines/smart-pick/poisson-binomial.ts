/**
 * The Poisson-binomial distribution: the number of successes among independent Bernoulli trials
 * with their own probabilities, computed exactly by the O(n²) recursion
 * P_j(k) = P_{j−1}(k)(1 − p_j) + P_{j−1}(k − 1) p_j (e.g. Chen & Liu 1997, Statistica Sinica
 * 7:875–892). Used for the number of interview offers from a list of applications.
 */

/** dist[k] = P(K = k), k = 0..n, for success probabilities `ps`. */
export function poissonBinomial(ps: ArrayLike<number>): Float64Array {
  const dist = new Float64Array(ps.length + 1)
  dist[0] = 1
  for (let j = 0; j < ps.length; j++) addTrial(dist, j, ps[j] as number)
  return dist
}

/**
 * Adds one trial with probability `p` to `dist`, which holds the distribution of `trials`
 * trials in dist[0..trials] and must have room for index trials + 1. In place.
 */
export function addTrial(dist: Float64Array, trials: number, p: number): void {
  const q = 1 - p
  dist[trials + 1] = (dist[trials] as number) * p
  for (let k = trials; k >= 1; k--) dist[k] = (dist[k] as number) * q + (dist[k - 1] as number) * p
  dist[0] = (dist[0] as number) * q
}

/**
 * The distribution of `trials` − 1 trials after taking away one with probability `p`
 * (deconvolution). Runs forwards from k = 0 when p ≤ ½ and backwards from the top otherwise,
 * dividing by max(p, 1 − p) ≥ ½ so rounding errors do not grow. Returns dist[0..trials−1].
 */
export function removeTrial(dist: ArrayLike<number>, trials: number, p: number): Float64Array {
  const out = new Float64Array(trials)
  if (trials === 0) return out
  if (p <= 0.5) {
    const q = 1 - p
    let previous = 0
    for (let k = 0; k < trials; k++) {
      const value = ((dist[k] as number) - previous * p) / q
      out[k] = value > 0 ? value : 0
      previous = out[k] as number
    }
  } else {
    const q = 1 - p
    let next = 0
    for (let k = trials; k >= 1; k--) {
      const value = ((dist[k] as number) - next * q) / p
      out[k - 1] = value > 0 ? value : 0
      next = out[k - 1] as number
    }
  }
  return out
}

/** E[g(K)] for a distribution over 0..n and g given for 0..m; K beyond m uses g[m]. */
export function expectation(dist: ArrayLike<number>, n: number, g: ArrayLike<number>): number {
  const last = g.length - 1
  let s = 0
  for (let k = 0; k <= n; k++) s += (dist[k] as number) * (g[k <= last ? k : last] as number)
  return s
}
