/**
 * The simulator's noise model (documented in `docs/match.md`, "Noise model").
 *
 * A program's rank order list is an estimate: on another day the committee would order its
 * applicants a little differently. Each run of the simulator gives the applicant at position
 * j (0-based) of a program's list the score
 *
 *     score_j = −j + σ · Z_j,     Z_j ~ N(0, 1) independent,
 *
 * and re-sorts the list by descending score (ties keep the original order). σ is measured in
 * rank positions: two applicants k positions apart swap with probability Φ(−k / (σ√2)).
 * σ = 0 reproduces the list. The set of ranked applicants never changes, and applicants' lists
 * are not perturbed.
 */
import { createRandom, deriveSeed, type Random } from './random.ts'
import type { MatchInstance } from './types.ts'

/** Reusable buffers for {@link perturbedOrder}, so a run allocates nothing per program. */
export type NoiseScratch = { keys: Float64Array; order: Int32Array; deviates: Float64Array }

export function createNoiseScratch(maxLength: number): NoiseScratch {
  const length = Math.max(1, maxLength)
  return { keys: new Float64Array(length), order: new Int32Array(length), deviates: new Float64Array(length) }
}

/**
 * The order of positions 0..length−1 after noise: on return `scratch.order[0..length)` holds
 * the original positions, best first. Insertion sort: with σ small against the list length
 * the scores are nearly sorted already, so this is close to linear.
 */
export function perturbedOrder(length: number, sigma: number, random: Random, scratch: NoiseScratch): Int32Array {
  const { keys, order, deviates } = scratch
  // One deviate per position, in position order, drawn in one go.
  random.normals(deviates, length)
  for (let j = 0; j < length; j++) {
    const key = -j + sigma * (deviates[j] as number)
    // Insert position j among the first j, which are sorted by descending key.
    let i = j - 1
    while (i >= 0 && (keys[i] as number) < key) {
      keys[i + 1] = keys[i] as number
      order[i + 1] = order[i] as number
      i--
    }
    keys[i + 1] = key
    order[i + 1] = j
  }
  return order
}

/**
 * A copy of `instance` whose program rank order lists are perturbed by the noise model, with
 * the random stream `random`. Programs are visited in input order, one normal deviate per
 * ranked applicant, so the result depends only on the instance, σ and the stream.
 */
export function perturbInstance(instance: MatchInstance, sigma: number, random: Random): MatchInstance {
  if (!(sigma >= 0)) throw new RangeError(`noise must be a non-negative number, got ${sigma}`)
  let longest = 0
  for (const program of instance.programs) longest = Math.max(longest, program.ranks.length)
  const scratch = createNoiseScratch(longest)
  return {
    ...instance,
    programs: instance.programs.map((program) => {
      if (sigma === 0 || program.ranks.length < 2) return { ...program, ranks: [...program.ranks] }
      const order = perturbedOrder(program.ranks.length, sigma, random, scratch)
      const ranks = new Array<string>(program.ranks.length)
      for (let k = 0; k < ranks.length; k++) ranks[k] = program.ranks[order[k] as number] as string
      return { ...program, ranks }
    }),
  }
}

/** The perturbed instance of simulation run `run` under base seed `seed`. */
export function perturbInstanceForRun(instance: MatchInstance, sigma: number, seed: number | string, run: number): MatchInstance {
  return perturbInstance(instance, sigma, createRandom(deriveSeed(seed, run)))
}
