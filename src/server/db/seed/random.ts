/**
 * A small seeded pseudo-random source for the demo school and the test factories.
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) on four 32-bit words, seeded
 * through splitmix32 so that neighbouring seeds (1, 2, 3 …) give unrelated streams. The demo
 * school must come out identical for a given seed on every machine, so nothing here reads the
 * clock or `Math.random`.
 */

export type Random = {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
  /** Uniform integer in [min, max], both included. */
  between(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  /** One element, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** k distinct elements in random order (all of them when k ≥ length). */
  sample<T>(items: readonly T[], k: number): T[]
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[]
  /** A version-4-shaped UUID drawn from this stream, so generated ids are reproducible too. */
  uuid(): string
  /** An independent stream derived from this one (for parts that must not shift each other). */
  fork(label: string): Random
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a, to turn a label into a 32-bit seed. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`The seed must be a finite number, got ${seed}.`)
  const init = splitmix32(Math.trunc(seed) >>> 0)
  let a = init()
  let b = init()
  let c = init()
  let d = init()

  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t
  }
  // Discard the first outputs: sfc32 mixes its state over its first few rounds.
  for (let i = 0; i < 12; i++) next32()

  const random: Random = {
    next: () => next32() / 4294967296,
    int(n) {
      if (!(n >= 1)) throw new RangeError(`int(n) needs n ≥ 1, got ${n}.`)
      return Math.floor(random.next() * n)
    },
    between: (min, max) => min + random.int(max - min + 1),
    chance: (p) => random.next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list.')
      return items[random.int(items.length)] as (typeof items)[number]
    },
    weighted(items) {
      let total = 0
      for (const [, weight] of items) total += weight
      if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight.')
      let target = random.next() * total
      for (const [item, weight] of items) {
        target -= weight
        if (target < 0) return item
      }
      return (items[items.length - 1] as readonly [(typeof items)[number][0], number])[0]
    },
    sample(items, k) {
      return random.shuffle(items).slice(0, Math.max(0, k))
    },
    shuffle(items) {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = random.int(i + 1)
        const held = copy[i] as (typeof copy)[number]
        copy[i] = copy[j] as (typeof copy)[number]
        copy[j] = held
      }
      return copy
    },
    uuid() {
      const words = [next32(), next32(), next32(), next32()]
      const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('')
      const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
    fork(label) {
      return createRandom((next32() ^ hashLabel(label)) >>> 0)
    },
  }
  return random
}
