/**
 * Seeded pseudo-random numbers for the instance generator and the match simulator.
 *
 * xoshiro128** (Blackman & Vigna 2018) on four 32-bit words, seeded through splitmix32 so that
 * any 32-bit seed (including 0) gives a well-mixed state. Gaussians use Marsaglia & Tsang's
 * ziggurat (J. Stat. Software 5(8), 2000) with 128 layers, taking the layer and the value
 * from different bits (Doornik 2005); it is several times faster than Box–Muller, which
 * matters to the simulator (≈ 500,000 deviates per national-scale run). Pure: no clock, no
 * `Math.random`.
 */

export type Random = {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
  /** Standard normal deviate (mean 0, standard deviation 1). */
  normal(): number
  /**
   * Writes the next `count` normal deviates into `into[0 .. count)`: the same numbers as
   * `count` calls of `normal()`, faster (the simulator draws ≈ 500,000 per run).
   */
  normals(into: Float64Array, count: number): void
  /** Uniform pick of one element; throws on an empty array. */
  pick<T>(items: readonly T[]): T
  /** Index drawn with probability proportional to `weights[i]` (all ≥ 0, sum > 0). */
  weighted(weights: readonly number[]): number
  /** In-place Fisher–Yates shuffle; returns the same array. */
  shuffle<T>(items: T[]): T[]
}

/** A 32-bit seed from a number or a string (FNV-1a for strings). */
export function toSeed(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`)
    // Fold values beyond 32 bits so that e.g. 2**32 + 1 and 1 differ.
    const high = Math.floor(seed / 2 ** 32)
    return (Math.trunc(seed) ^ Math.imul(high, 0x9e3779b1)) >>> 0
  }
  let hash = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** MurmurHash3's 32-bit finaliser: a bijective mix of all bits. */
function fmix32(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * The seed of stream `index` under a base seed: the simulator gives run `i` the stream
 * `deriveSeed(seed, i)`, so a run's outcome does not depend on which worker ran it.
 */
export function deriveSeed(seed: number | string, index: number): number {
  const base = toSeed(seed)
  return fmix32(base ^ fmix32((index >>> 0) + 0x9e3779b9) ^ Math.imul(Math.floor(index / 2 ** 32), 0x7feb352d))
}

/** A new generator; the same seed always yields the same sequence. */
export function createRandom(seed: number | string): Random {
  // splitmix32 to fill the state.
  let z = toSeed(seed)
  const split = (): number => {
    z = (z + 0x9e3779b9) >>> 0
    return fmix32(z)
  }
  // State in a typed array: 32-bit words stay unboxed (plain `let`s would become heap numbers).
  const state = new Int32Array([split(), split(), split(), split()])
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1

  const nextUint32 = (): number => {
    let s0 = state[0] as number
    let s1 = state[1] as number
    let s2 = state[2] as number
    let s3 = state[3] as number
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 11)
    state[0] = s0
    state[1] = s1
    state[2] = s2
    state[3] = s3
    return result
  }

  const next = (): number => nextUint32() / 4294967296

  /** The deviate whose first draw is `bits`; draws again when the ziggurat rejects. */
  const normalFrom = (first: number): number => {
    for (let bits = first; ; bits = nextUint32()) {
      const layer = bits & 127
      // Signed value from the top 25 bits; the layer came from the low 7.
      const hz = (bits & ~127) | 0
      const x = hz * (ZIGGURAT.w[layer] as number)
      if (Math.abs(hz) < (ZIGGURAT.k[layer] as number)) return x
      if (layer === 0) {
        // The tail beyond r (Marsaglia 1964); 1 - next() is in (0, 1], so logs are finite.
        let tail: number
        let y: number
        do {
          tail = -Math.log(1 - next()) / ZIGGURAT_R
          y = -Math.log(1 - next())
        } while (y + y < tail * tail)
        return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail
      }
      const f0 = ZIGGURAT.f[layer] as number
      const f1 = ZIGGURAT.f[layer - 1] as number
      if (f0 + next() * (f1 - f0) < Math.exp(-0.5 * x * x)) return x
    }
  }

  const normal = (): number => normalFrom(nextUint32())

  const normals = (into: Float64Array, count: number): void => {
    const { w, k } = ZIGGURAT
    // nextUint32 and normal's first test, with the state in locals; the rare rest (≈ 1 in
    // 100 draws) goes through normalFrom on the stored state.
    let s0 = state[0] as number
    let s1 = state[1] as number
    let s2 = state[2] as number
    let s3 = state[3] as number
    for (let i = 0; i < count; i++) {
      const bits = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = rotl(s3, 11)
      const layer = bits & 127
      const hz = (bits & ~127) | 0
      if (Math.abs(hz) < (k[layer] as number)) {
        into[i] = hz * (w[layer] as number)
        continue
      }
      state[0] = s0
      state[1] = s1
      state[2] = s2
      state[3] = s3
      into[i] = normalFrom(bits)
      s0 = state[0] as number
      s1 = state[1] as number
      s2 = state[2] as number
      s3 = state[3] as number
    }
    state[0] = s0
    state[1] = s1
    state[2] = s2
    state[3] = s3
  }

  const int = (n: number): number => {
    if (!(n >= 1)) throw new RangeError(`int(n) needs n >= 1, got ${n}`)
    return Math.floor(next() * n)
  }

  return {
    next,
    int,
    normal,
    normals,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty array')
      return items[int(items.length)] as T
    },
    weighted(weights: readonly number[]): number {
      let total = 0
      for (const w of weights) total += w
      if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight')
      let target = next() * total
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i] as number
        if (target < 0) return i
      }
      return weights.length - 1
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1)
        const tmp = items[i] as T
        items[i] = items[j] as T
        items[j] = tmp
      }
      return items
    },
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/** Right edge of the ziggurat's base layer for 128 layers. */
const ZIGGURAT_R = 3.442619855899

/** Marsaglia & Tsang's tables for 128 layers, on a 2^31 integer scale. */
const ZIGGURAT = ((): { k: Float64Array; w: Float64Array; f: Float64Array } => {
  const m1 = 2147483648
  const area = 9.91256303526217e-3
  const k = new Float64Array(128)
  const w = new Float64Array(128)
  const f = new Float64Array(128)
  let d = ZIGGURAT_R
  let t = d
  const q = area / Math.exp(-0.5 * d * d)
  k[0] = (d / q) * m1
  k[1] = 0
  w[0] = q / m1
  w[127] = d / m1
  f[0] = 1
  f[127] = Math.exp(-0.5 * d * d)
  for (let i = 126; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(area / d + Math.exp(-0.5 * d * d)))
    k[i + 1] = (d / t) * m1
    t = d
    f[i] = Math.exp(-0.5 * d * d)
    w[i] = d / m1
  }
  return { k, w, f }
})()
