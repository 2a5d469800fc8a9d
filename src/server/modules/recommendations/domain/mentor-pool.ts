/**
 * The mentors "Mentors for you" may score, held in memory by each server process and brought up
 * to date from the directory's revisions (like the directory index). Pure: no I/O.
 *
 * Per mentor it keeps the engine's input object and the card the student sees, and in columns
 * (typed arrays, one code per mentor) what the engine's upper bound reads: specialty and
 * department, kind, offers, site and state; and posting lists (ordinals) of the mentor's
 * research words, languages and identity attributes.
 *
 * Ranking (`bestFirst`) is exact, not a sample: every mentor gets an upper bound of its score in
 * one pass over the columns (the engine's `recommendBounds`: the seven factors without the
 * penalties), the mentors with the highest bounds are scored by the engine, and scoring stops
 * once the k-th best score is at least every unscored mentor's bound. The result is the same as
 * scoring everyone; at 100,000 mentors it scores a few hundred.
 */
import type { RankedRecommendation, RecommendBounds, RecommendMentor } from '#engines/recommend/index.ts'
import { mentorWordKeys } from '#engines/recommend/index.ts'
import { MENTOR_KINDS, type IdentityAttribute, type IdentityVisibility, type MentorOffering } from '#shared/enums.ts'
import type { RecommendedMentorSummary } from '#shared/contracts/recommendations.ts'

export type PooledMentor = {
  /** The engine's input, identity left empty: it is filled per viewer, and only with consent. */
  engine: RecommendMentor
  identity: readonly IdentityAttribute[]
  identityVisibility: IdentityVisibility
  summary: RecommendedMentorSummary
}

export type CandidateLimits = {
  /** Up to this many eligible mentors, every one is scored (no bounds at all). */
  fullScanMax: number
  /** How many mentors, by highest bound, the first round scores. */
  batchSize: number
}

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = { fullScanMax: 2_000, batchSize: 400 }

/** A mentor who could be shown at all: accepting, with a place (open places are checked by the engine). */
const isEligible = (mentor: RecommendMentor): boolean => mentor.accepting && mentor.capacity >= 1

/** Bounds are sums in another order than the engine's: a hair of slack keeps them upper bounds. */
const SLACK = 1e-9

/** Values of one column, coded 0…n-1 in the order first seen. */
class Dictionary<T> {
  readonly values: T[] = []
  private readonly codes = new Map<string, number>()
  code(key: string, value: T): number {
    let code = this.codes.get(key)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(key, code)
    }
    return code
  }
}

type Postings = { ords: Int32Array; length: number }

export class MentorPool {
  private mentors: (PooledMentor | null)[] = []
  private ordOf = new Map<string, number>()
  private dead = 0
  private eligibleCount = 0
  private eligible = new Uint8Array(1024)
  private specialtyCode = new Int32Array(1024)
  private kindCode = new Int32Array(1024)
  private offersCode = new Int32Array(1024)
  private siteCode = new Int32Array(1024)
  private specialties = new Dictionary<{ specialtyId: string | null; departmentId: string | null }>()
  private offers = new Dictionary<readonly MentorOffering[]>()
  private sites = new Dictionary<{ clinicalSite: string; state: string }>()
  private postings = new Map<string, Postings>()
  private languages = new Set<string>()
  private eligibleList: PooledMentor[] | null = null

  /** Mentors held (eligible or not). */
  get size(): number {
    return this.ordOf.size
  }

  get(id: string): PooledMentor | undefined {
    const ord = this.ordOf.get(id)
    return ord === undefined ? undefined : (this.mentors[ord] ?? undefined)
  }

  upsert(mentor: PooledMentor): void {
    this.remove(mentor.engine.id)
    const { engine } = mentor
    const ord = this.mentors.length
    this.grow(ord + 1)
    this.mentors.push(mentor)
    this.ordOf.set(engine.id, ord)
    this.eligibleList = null
    if (!isEligible(engine)) return
    this.eligible[ord] = 1
    this.eligibleCount++
    this.specialtyCode[ord] = this.specialties.code(`${engine.specialtyId}\u0000${engine.departmentId}`, {
      specialtyId: engine.specialtyId,
      departmentId: engine.departmentId,
    })
    this.kindCode[ord] = MENTOR_KINDS.indexOf(engine.kind)
    const offers = [...new Set(engine.offers)].sort()
    this.offersCode[ord] = this.offers.code(offers.join(','), offers)
    this.siteCode[ord] = this.sites.code(`${engine.clinicalSite}\u0000${engine.state}`, { clinicalSite: engine.clinicalSite, state: engine.state })
    for (const word of mentorWordKeys(`${engine.subspecialty} ${engine.researchInterests}`)) this.post(`w:${word}`, ord)
    for (const language of new Set(engine.languages)) {
      this.languages.add(language)
      this.post(`l:${language}`, ord)
    }
    for (const attribute of new Set(mentor.identity)) this.post(`i:${attribute}`, ord)
  }

  remove(id: string): void {
    const ord = this.ordOf.get(id)
    if (ord === undefined) return
    this.ordOf.delete(id)
    this.mentors[ord] = null
    this.eligibleList = null
    if (this.eligible[ord] === 1) {
      this.eligible[ord] = 0
      this.eligibleCount--
    }
    this.dead++
    if (this.dead > 1000 && this.dead * 3 > this.ordOf.size) this.compact()
  }

  /** Accepting mentors with a place, in a fixed order (by id). */
  eligibleMentors(): readonly PooledMentor[] {
    if (!this.eligibleList) {
      const list: PooledMentor[] = []
      for (let ord = 0; ord < this.mentors.length; ord++) if (this.eligible[ord] === 1) list.push(this.mentors[ord] as PooledMentor)
      this.eligibleList = list.sort((a, b) => (a.engine.id < b.engine.id ? -1 : 1))
    }
    return this.eligibleList
  }

  /**
   * The `limit` best recommendations, exactly as `score` over every eligible mentor (or over
   * `only`, when given) would rank them. `score` is the engine on a batch of mentors, returning
   * its best `limit` in order; it is called on disjoint batches, highest bounds first, and the
   * batches' lists are merged. Returns the merged list, ranks renumbered, and how many mentors
   * were scored.
   */
  async bestFirst(
    bounds: RecommendBounds,
    limit: number,
    score: (batch: readonly PooledMentor[]) => RankedRecommendation[] | Promise<RankedRecommendation[]>,
    options: { only?: ReadonlySet<string> | undefined; limits?: CandidateLimits } = {},
  ): Promise<{ ranked: RankedRecommendation[]; scored: number }> {
    const limits = options.limits ?? DEFAULT_CANDIDATE_LIMITS
    const n = this.mentors.length
    const only = options.only ? this.mask(options.only) : null
    const population = only ? only.count : this.eligibleCount
    if (population <= limits.fullScanMax) {
      const all = only ? only.ords.map((ord) => this.mentors[ord] as PooledMentor) : this.eligibleMentors()
      return { ranked: await score(all), scored: all.length }
    }
    const upper = this.upperBounds(bounds, only?.in ?? null)

    // The first batch: the highest bounds, found with a histogram rather than a sort.
    let top = 0
    for (let ord = 0; ord < n; ord++) if ((upper[ord] as number) > top) top = upper[ord] as number
    const BINS = 2048
    const width = top > 0 ? top / (BINS - 1) : 1
    const histogram = new Int32Array(BINS)
    for (let ord = 0; ord < n; ord++) {
      const u = upper[ord] as number
      if (u === Number.NEGATIVE_INFINITY) continue
      const bin = Math.max(0, Math.min(BINS - 1, Math.floor(u / width)))
      histogram[bin] = (histogram[bin] as number) + 1
    }
    const wanted = Math.max(limits.batchSize, limit * 4)
    let threshold = Number.NEGATIVE_INFINITY
    let seen = 0
    for (let bin = BINS - 1; bin > 0; bin--) {
      seen += histogram[bin] as number
      if (seen >= wanted) {
        threshold = bin * width
        break
      }
    }

    let ranked: RankedRecommendation[] = []
    let covered = Number.POSITIVE_INFINITY
    let scored = 0
    for (;;) {
      // Mentors with a bound in [threshold, covered): not scored yet.
      const batch: PooledMentor[] = []
      for (let ord = 0; ord < n; ord++) {
        const u = (upper[ord] as number) + SLACK
        if (u >= threshold && u < covered) batch.push(this.mentors[ord] as PooledMentor)
      }
      scored += batch.length
      ranked = merge(ranked, await score(batch), limit)
      covered = threshold
      if (covered === Number.NEGATIVE_INFINITY) break
      const kth = ranked.length >= limit ? (ranked[limit - 1] as RankedRecommendation).score : Number.NEGATIVE_INFINITY
      // Every mentor not scored has a bound below `covered`: none can beat the k-th best.
      if (kth >= covered) break
      threshold = kth
    }
    return { ranked, scored }
  }

  /** Per ordinal: the upper bound of its score, or -Infinity when it cannot be shown. */
  private upperBounds(bounds: RecommendBounds, only: Uint8Array | null): Float64Array {
    const n = this.mentors.length
    const specialty = Float64Array.from(this.specialties.values, (v) => bounds.specialty(v.specialtyId, v.departmentId))
    const kind = Float64Array.from(MENTOR_KINDS, (k) => bounds.stage(k))
    const help = Float64Array.from(this.offers.values, (offers) => bounds.help(offers))
    const site = Float64Array.from(this.sites.values, (v) => bounds.site(v.clinicalSite, v.state))
    const upper = new Float64Array(n)
    for (let ord = 0; ord < n; ord++) {
      if (this.eligible[ord] !== 1 || (only !== null && only[ord] !== 1)) {
        upper[ord] = Number.NEGATIVE_INFINITY
        continue
      }
      upper[ord] =
        (specialty[this.specialtyCode[ord] as number] as number) +
        (kind[this.kindCode[ord] as number] as number) +
        (help[this.offersCode[ord] as number] as number) +
        (site[this.siteCode[ord] as number] as number)
    }
    // Research: how many goal words each mentor's words hold.
    if (bounds.goalWords.length > 0) {
      const counts = new Uint8Array(n)
      const touched: number[] = []
      for (const word of bounds.goalWords) {
        const list = this.postings.get(`w:${word}`)
        if (!list) continue
        for (let i = 0; i < list.length; i++) {
          const ord = list.ords[i] as number
          if (counts[ord] === 0) touched.push(ord)
          if ((counts[ord] as number) < 255) counts[ord] = (counts[ord] as number) + 1
        }
      }
      for (const ord of touched) upper[ord] = (upper[ord] as number) + bounds.research(counts[ord] as number)
    }
    const addOnce = (keys: string[], amount: number) => {
      if (keys.length === 0 || amount <= 0) return
      const flagged = new Uint8Array(n)
      for (const key of keys) {
        const list = this.postings.get(key)
        if (!list) continue
        for (let i = 0; i < list.length; i++) {
          const ord = list.ords[i] as number
          if (flagged[ord] === 1) continue
          flagged[ord] = 1
          upper[ord] = (upper[ord] as number) + amount
        }
      }
    }
    addOnce(
      [...this.languages].filter((language) => bounds.languageCounts(language)).map((language) => `l:${language}`),
      bounds.language,
    )
    addOnce(
      bounds.identityAttributes.map((attribute) => `i:${attribute}`),
      bounds.identity,
    )
    return upper
  }

  private mask(ids: ReadonlySet<string>): { in: Uint8Array; ords: number[]; count: number } {
    const flags = new Uint8Array(this.mentors.length)
    const ords: number[] = []
    for (const id of ids) {
      const ord = this.ordOf.get(id)
      if (ord === undefined || this.eligible[ord] !== 1 || flags[ord] === 1) continue
      flags[ord] = 1
      ords.push(ord)
    }
    return { in: flags, ords, count: ords.length }
  }

  private post(key: string, ord: number): void {
    let list = this.postings.get(key)
    if (!list) {
      list = { ords: new Int32Array(4), length: 0 }
      this.postings.set(key, list)
    }
    if (list.length === list.ords.length) {
      const grown = new Int32Array(list.length * 2)
      grown.set(list.ords)
      list.ords = grown
    }
    list.ords[list.length++] = ord
  }

  private grow(size: number): void {
    if (size <= this.eligible.length) return
    const capacity = Math.max(size, this.eligible.length * 2)
    const widen = <A extends Uint8Array | Int32Array>(array: A, make: (n: number) => A): A => {
      const grown = make(capacity)
      grown.set(array)
      return grown
    }
    this.eligible = widen(this.eligible, (k) => new Uint8Array(k))
    this.specialtyCode = widen(this.specialtyCode, (k) => new Int32Array(k))
    this.kindCode = widen(this.kindCode, (k) => new Int32Array(k))
    this.offersCode = widen(this.offersCode, (k) => new Int32Array(k))
    this.siteCode = widen(this.siteCode, (k) => new Int32Array(k))
  }

  /** Rebuilds without dead ordinals (posting lists are append-only). */
  private compact(): void {
    const live = this.mentors.filter((m): m is PooledMentor => m !== null)
    Object.assign(this, new MentorPool())
    for (const mentor of live) this.upsert(mentor)
  }
}

/** The best `limit` of two ranked lists (scores are per pair, so lists of disjoint batches merge), ranks renumbered. */
function merge(a: RankedRecommendation[], b: RankedRecommendation[], limit: number): RankedRecommendation[] {
  if (a.length === 0) return b.slice(0, limit).map((r, i) => ({ ...r, rank: i + 1 }))
  if (b.length === 0) return a
  return [...a, ...b]
    .sort((x, y) => y.score - x.score || (x.mentorId < y.mentorId ? -1 : x.mentorId > y.mentorId ? 1 : 0))
    .slice(0, limit)
    .map((r, i) => ({ ...r, rank: i + 1 }))
}
