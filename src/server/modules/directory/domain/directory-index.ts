/**
 * The mentor directory's search index, held in memory by each server process and brought up to
 * date from `directory_entries` before every search (see the module README). Pure: no I/O.
 *
 * Why in memory: at 100,000 mentors, ranking every full-text match and counting eleven facets
 * over every match in SQL costs 50–100 ms a search (STACK.md's measurements); the same work
 * over compact columns in memory costs a few milliseconds.
 *
 * - Every mentor gets an ordinal; an edit gives the mentor a new ordinal and leaves the old one
 *   dead, so posting lists stay append-only and sorted. Dead ordinals are compacted away when
 *   they outnumber a third of the live ones.
 * - Full text: per lexeme a posting list (ordinals ascending) with a small integer score per
 *   mentor: weight points over the lexeme's positions (name 10, specialty/department/
 *   subspecialty 4, research interests 2, bio 1), capped at 20. A search's score is the sum over
 *   its lexemes — ts_rank's default weights, in integers.
 * - Facets: one code per mentor per single-valued facet (typed arrays), code lists for the
 *   multi-valued ones (offers, languages, identity). Counting is one pass over the candidates:
 *   a mentor failing no filter counts in every facet; failing exactly one, only in that facet —
 *   the usual "counts under all the other filters" of faceted search, without a pass per facet.
 */
import {
  ACADEMIC_RANK_LABELS,
  ACADEMIC_RANKS,
  IDENTITY_ATTRIBUTE_LABELS,
  IDENTITY_ATTRIBUTES,
  IDENTITY_VISIBILITIES,
  MENTOR_KIND_LABELS,
  MENTOR_KINDS,
  MENTOR_OFFERING_LABELS,
  MENTOR_OFFERINGS,
  US_REGION_LABELS,
  US_REGIONS,
  type AcademicRank,
  type DirectorySort,
  type IdentityAttribute,
  type IdentityVisibility,
  type MentorKind,
  type MentorOffering,
} from '#shared/enums.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { regionOfState } from '#shared/reference/regions.ts'
import { isAllOfFacet, type DirectoryFacet, type FacetCount } from '#shared/contracts/directory.ts'
import { NameTrigramIndex } from './name-trigrams.ts'
import { TopicVocabulary, vocabularyWords } from './topic-vocabulary.ts'
import type { QueryNode } from './tsquery.ts'

/** What the index keeps of one listed mentor. */
export type IndexedMentor = {
  id: string
  name: string
  pronouns: string | null
  kind: MentorKind
  departmentId: string | null
  specialtyId: string | null
  subspecialty: string
  academicRank: AcademicRank | null
  clinicalSite: string
  city: string
  state: string
  offers: MentorOffering[]
  capacity: number
  accepting: boolean
  languages: string[]
  identity: IdentityAttribute[]
  identityVisibility: IdentityVisibility
  bioSnippet: string
  hasPhoto: boolean
}

/**
 * Filters by facet: the values chosen — any of them matches, except in the all-of facets
 * (`DIRECTORY_ALL_OF_FACETS`: offers), where a mentor must have every one; an empty list is no filter.
 */
export type FacetFilters = Record<DirectoryFacet, readonly string[]>

export type IndexViewer = {
  personId: string
  /** Per identity visibility level (IDENTITY_VISIBILITIES order): may this viewer see it? */
  seesIdentity: readonly boolean[]
}

export type IndexSearch = {
  /** Parsed full-text query; null searches everyone. */
  query: QueryNode | null
  filters: FacetFilters
  sort: DirectorySort
  offset: number
  limit: number
  /** Also return the ids of every mentor the search matches (for re-ordering elsewhere). */
  collectIds?: boolean
}

export type IndexHit = { mentor: IndexedMentor; identityVisible: boolean }

export type IndexResult = {
  hits: IndexHit[]
  total: number
  /** How many mentors the words matched before any facet filter (0 suggests a misspelling). */
  textMatches: number
  facets: Record<DirectoryFacet, FacetCount[]>
  /** With `collectIds`: every matching mentor's id, unless every listed mentor matched (`total` = size). */
  ids?: string[]
}

const SINGLE_FACETS = ['specialty', 'department', 'kind', 'rank', 'site', 'state', 'region', 'accepting'] as const
const MULTI_FACETS = ['offers', 'language', 'identity'] as const
type SingleFacet = (typeof SINGLE_FACETS)[number]
type MultiFacet = (typeof MULTI_FACETS)[number]

const WEIGHT_POINTS: Record<string, number> = { A: 10, B: 4, C: 2, D: 1 }
const MAX_LEXEME_SCORE = 20

/** Values of one facet, coded 0…n-1 in the order first seen (enums: in their declared order). */
class Dictionary {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()
  constructor(initial: readonly string[] = []) {
    for (const value of initial) this.code(value)
  }
  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }
  find(value: string): number | undefined {
    return this.codes.get(value)
  }
  get size(): number {
    return this.values.length
  }
}

/** A growable posting list: ordinals ascending, each with its score. */
type Postings = { ords: Int32Array; scores: Int32Array; length: number }
type Scored = { ords: Int32Array; scores: Int32Array }

const SPECIALTY_NAMES = new Map(SPECIALTIES.map((s) => [s.id, s.name]))
const DEPARTMENT_NAMES = new Map(DEPARTMENTS.map((d) => [d.id, d.name]))

function facetLabel(facet: DirectoryFacet, value: string): string {
  switch (facet) {
    case 'specialty':
      return SPECIALTY_NAMES.get(value) ?? value
    case 'department':
      return DEPARTMENT_NAMES.get(value) ?? value
    case 'kind':
      return MENTOR_KIND_LABELS[value as MentorKind] ?? value
    case 'rank':
      return ACADEMIC_RANK_LABELS[value as AcademicRank] ?? value
    case 'region':
      return US_REGION_LABELS[value as (typeof US_REGIONS)[number]] ?? value
    case 'offers':
      return MENTOR_OFFERING_LABELS[value as MentorOffering] ?? value
    case 'identity':
      return IDENTITY_ATTRIBUTE_LABELS[value as IdentityAttribute] ?? value
    case 'accepting':
      return 'Accepting new mentees'
    default:
      return value
  }
}

/** Enum facets list their values in declared order; the others by count. */
const ORDERED_FACETS = new Set<DirectoryFacet>(['kind', 'rank', 'region', 'offers', 'identity'])

/** "Family, given" folded to plain lower case, so "Ñúñez" sorts with "Nunez". */
export function nameSortKey(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
  const parts = folded.split(/\s+/)
  const family = parts.pop() ?? ''
  return `${family} ${parts.join(' ')}`
}

/** Parses PostgreSQL's text form of a tsvector into lexemes with their integer scores. */
export function lexemeScores(document: string): Map<string, number> {
  const scores = new Map<string, number>()
  const pattern = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g
  for (let match = pattern.exec(document); match; match = pattern.exec(document)) {
    const lexeme = (match[1] as string).replace(/''/g, "'")
    let score = 0
    for (const position of (match[2] ?? '0D').split(',')) {
      const weight = position.at(-1) ?? 'D'
      score += WEIGHT_POINTS[weight] ?? 1
    }
    scores.set(lexeme, Math.min(MAX_LEXEME_SCORE, score))
  }
  return scores
}

export class DirectoryIndex {
  private mentors: (IndexedMentor | null)[] = []
  private lexemes: (Map<string, number> | null)[] = []
  private ordOf = new Map<string, number>()
  private dead = 0
  private postings = new Map<string, Postings>()
  private dictionaries: Record<SingleFacet | MultiFacet, Dictionary> = {
    specialty: new Dictionary(SPECIALTIES.map((s) => s.id)),
    department: new Dictionary(DEPARTMENTS.map((d) => d.id)),
    kind: new Dictionary(MENTOR_KINDS),
    rank: new Dictionary(ACADEMIC_RANKS),
    site: new Dictionary(),
    state: new Dictionary(),
    region: new Dictionary(US_REGIONS),
    accepting: new Dictionary(['false', 'true']),
    offers: new Dictionary(MENTOR_OFFERINGS),
    language: new Dictionary(),
    identity: new Dictionary(IDENTITY_ATTRIBUTES),
  }
  private single: Record<SingleFacet, Int32Array> = Object.fromEntries(SINGLE_FACETS.map((f) => [f, new Int32Array(1024)])) as Record<SingleFacet, Int32Array>
  /** Multi-valued facets, compressed rows: the codes of ordinal i are codes[start[i] … start[i+1]). */
  private multiStart: Record<MultiFacet, Int32Array> = { offers: new Int32Array(1025), language: new Int32Array(1025), identity: new Int32Array(1025) }
  private multiCodes: Record<MultiFacet, Int32Array> = { offers: new Int32Array(4096), language: new Int32Array(4096), identity: new Int32Array(4096) }
  private multiLength: Record<MultiFacet, number> = { offers: 0, language: 0, identity: 0 }
  private visibility = new Uint8Array(1024)
  private alive = new Uint8Array(1024)
  private aliveOrds: Int32Array = new Int32Array(0)
  private nameOrder: Int32Array = new Int32Array(0)
  private nameRank: Int32Array = new Int32Array(0)
  private nameOrderStale = true
  private closeNames = new NameTrigramIndex()
  private topics = new TopicVocabulary()
  /** Per ordinal, the topic words it added to `topics` (to take them out again). */
  private topicWords: (string[] | null)[] = []
  /** Bumped on every change: keys what is kept between searches. */
  private version = 0
  private browseCounts: { key: string; counts: Record<SingleFacet | MultiFacet, Int32Array> } | null = null

  /** Number of listed mentors. */
  get size(): number {
    return this.ordOf.size
  }

  has(personId: string): boolean {
    return this.ordOf.has(personId)
  }

  /**
   * Adds or replaces a mentor. `document` is the tsvector's text form; `researchInterests`
   * joins the subspecialty in the vocabulary topics are spell-corrected against.
   */
  upsert(mentor: IndexedMentor, document: string, researchInterests = ''): void {
    this.upsertScored(mentor, lexemeScores(document), vocabularyWords(`${mentor.subspecialty} ${researchInterests}`))
  }

  private upsertScored(mentor: IndexedMentor, scores: Map<string, number>, topicWords: string[]): void {
    this.remove(mentor.id)
    const ord = this.mentors.length
    this.ensureCapacity(ord + 1)
    this.mentors.push(mentor)
    this.lexemes.push(scores)
    this.topicWords.push(topicWords)
    this.topics.add(topicWords)
    this.ordOf.set(mentor.id, ord)
    for (const [lexeme, score] of scores) {
      let list = this.postings.get(lexeme)
      if (!list) {
        list = { ords: new Int32Array(4), scores: new Int32Array(4), length: 0 }
        this.postings.set(lexeme, list)
      }
      if (list.length === list.ords.length) {
        const ords = new Int32Array(list.length * 2)
        ords.set(list.ords)
        const grownScores = new Int32Array(list.length * 2)
        grownScores.set(list.scores)
        list.ords = ords
        list.scores = grownScores
      }
      list.ords[list.length] = ord
      list.scores[list.length] = score
      list.length++
    }
    const d = this.dictionaries
    const code = (facet: SingleFacet, value: string | null) => (value === null || value === '' ? -1 : d[facet].code(value))
    const region = regionOfState(mentor.state)
    this.single.specialty[ord] = code('specialty', mentor.specialtyId)
    this.single.department[ord] = code('department', mentor.departmentId)
    this.single.kind[ord] = code('kind', mentor.kind)
    this.single.rank[ord] = code('rank', mentor.academicRank)
    this.single.site[ord] = code('site', mentor.clinicalSite)
    this.single.state[ord] = code('state', mentor.state)
    this.single.region[ord] = code('region', region)
    this.single.accepting[ord] = code('accepting', mentor.accepting ? 'true' : 'false')
    this.appendCodes('offers', ord, mentor.offers)
    this.appendCodes('language', ord, mentor.languages)
    this.appendCodes('identity', ord, mentor.identity)
    this.visibility[ord] = IDENTITY_VISIBILITIES.indexOf(mentor.identityVisibility)
    this.alive[ord] = 1
    this.nameOrderStale = true
    this.version++
    this.closeNames.add(mentor.name)
  }

  /** Drops a mentor (unlisted, held, disabled, no longer a mentor). */
  remove(personId: string): void {
    const ord = this.ordOf.get(personId)
    if (ord === undefined) return
    this.ordOf.delete(personId)
    const mentor = this.mentors[ord]
    if (mentor) this.closeNames.remove(mentor.name)
    this.topics.remove(this.topicWords[ord] ?? [])
    this.mentors[ord] = null
    this.lexemes[ord] = null
    this.topicWords[ord] = null
    this.alive[ord] = 0
    this.version++
    this.dead++
    this.nameOrderStale = true
    if (this.dead > 1000 && this.dead * 3 > this.ordOf.size) this.compact()
  }

  /** The mentor as indexed, or null when not listed. */
  get(personId: string): IndexedMentor | null {
    const ord = this.ordOf.get(personId)
    return ord === undefined ? null : (this.mentors[ord] ?? null)
  }

  /**
   * "Did you mean": the listed name closest to `text` by pg_trgm's `word_similarity`, from
   * `minimum` up (see `name-trigrams.ts`), or null.
   */
  closestName(text: string, minimum: number): { name: string; similarity: number } | null {
    return this.closeNames.closest(text, minimum)
  }

  /**
   * The search text with misspelled topic words corrected against the vocabulary of specialties,
   * offers and listed mentors' interests (words of listed names are left alone), or null.
   */
  correctTopics(text: string): { text: string; similarity: number } | null {
    return this.topics.correct(text, (word) => this.closeNames.hasWord(word))
  }

  search(viewer: IndexViewer, input: IndexSearch): IndexResult {
    this.refreshNameOrder()
    const selfOrd = this.ordOf.get(viewer.personId) ?? -1
    const seesLevel = Uint8Array.from(viewer.seesIdentity, (sees) => (sees ? 1 : 0))
    const identityVisible = (ord: number) => ord === selfOrd || seesLevel[this.visibility[ord] as number] === 1

    // Candidates: the text matches (with scores), or everyone in name order.
    let candidates: Int32Array
    let scores: Int32Array | null = null
    if (input.query) {
      const matched = this.evaluate(input.query)
      candidates = matched.ords
      scores = matched.scores
    } else {
      // Ascending ordinals: the facet passes below then read memory in order.
      candidates = this.aliveOrds
    }

    // Chosen values per facet as lookup tables; facets without a choice are not checked.
    const chosen: Partial<Record<SingleFacet | MultiFacet, Uint8Array>> = {}
    /** For all-of facets: how many distinct values a mentor must hold (a value nobody has fails everyone). */
    const required: Partial<Record<MultiFacet, number>> = {}
    for (const facet of [...SINGLE_FACETS, ...MULTI_FACETS]) {
      const values = input.filters[facet]
      if (values.length === 0) continue
      const table = new Uint8Array(this.dictionaries[facet].size + 1)
      let distinct = 0
      let unknown = false
      for (const value of values) {
        const code = this.dictionaries[facet].find(value)
        if (code === undefined) unknown = true
        else if (table[code] !== 1) {
          table[code] = 1
          distinct++
        }
      }
      chosen[facet] = table
      if (isAllOfFacet(facet)) required[facet as MultiFacet] = unknown ? Number.POSITIVE_INFINITY : distinct
    }

    // Live candidates first, then one tight pass per facet over typed arrays (column by column):
    // `failed[i]` has a bit per active facet the candidate fails.
    const live = new Int32Array(candidates.length)
    const liveScores = new Int32Array(scores ? candidates.length : 0)
    let m = 0
    for (let i = 0; i < candidates.length; i++) {
      const ord = candidates[i] as number
      if (this.alive[ord] !== 1) continue
      if (scores) liveScores[m] = scores[i] as number
      live[m++] = ord
    }
    const textMatches = m
    const visibility = this.visibility
    const identityOk = new Uint8Array(m)
    for (let i = 0; i < m; i++) {
      const ord = live[i] as number
      identityOk[i] = ord === selfOrd || seesLevel[visibility[ord] as number] === 1 ? 1 : 0
    }

    const ALL = [...SINGLE_FACETS, ...MULTI_FACETS] as const
    const failed = new Int32Array(m)
    ALL.forEach((facet, f) => {
      const table = chosen[facet]
      if (!table) return
      const bit = 1 << f
      if (f < SINGLE_FACETS.length) {
        const column = this.single[facet as SingleFacet]
        for (let i = 0; i < m; i++) {
          const code = column[live[i] as number] as number
          if (code < 0 || table[code] !== 1) failed[i] = (failed[i] as number) | bit
        }
      } else {
        const start = this.multiStart[facet as MultiFacet]
        const codes = this.multiCodes[facet as MultiFacet]
        const checkIdentity = facet === 'identity'
        // Any-of: one chosen value is enough. All-of: every chosen value (codes are distinct per mentor).
        const needed = required[facet as MultiFacet] ?? 1
        for (let i = 0; i < m; i++) {
          const ord = live[i] as number
          let held = 0
          if (!checkIdentity || identityOk[i] === 1) {
            for (let c = start[ord] as number, end = start[ord + 1] as number; c < end && held < needed; c++) {
              if (table[codes[c] as number] === 1) held++
            }
          }
          if (held < needed) failed[i] = (failed[i] as number) | bit
        }
      }
    })

    // A candidate counts in facet f when it fails nothing, or fails only f. Without words, the
    // counts over every listed mentor are kept per change (and per viewer's identity levels):
    // browsing uses them as they are, and a search with one facet chosen subtracts the mentors
    // that facet leaves out, when they are fewer than those it keeps.
    const active = Object.keys(chosen) as (SingleFacet | MultiFacet)[]
    const cacheKey = `${this.version}\u0000${selfOrd}\u0000${viewer.seesIdentity.join(',')}`
    const everyoneCounts = () => {
      if (this.browseCounts?.key !== cacheKey) this.browseCounts = { key: cacheKey, counts: this.countFacets(live, m, new Int32Array(m), identityOk) }
      return this.browseCounts.counts
    }
    let counts: Record<SingleFacet | MultiFacet, Int32Array>
    let leftOut = 0
    if (!input.query && active.length === 1) for (let i = 0; i < m; i++) if (failed[i] !== 0) leftOut++
    if (!input.query && active.length === 0) counts = everyoneCounts()
    else if (!input.query && active.length === 1 && leftOut * 2 < m) {
      const all = everyoneCounts()
      const out = new Int32Array(leftOut)
      let k = 0
      for (let i = 0; i < m; i++) if (failed[i] !== 0) out[k++] = i
      const removed = this.countFacets(live, m, failed, identityOk, out)
      counts = {} as Record<SingleFacet | MultiFacet, Int32Array>
      for (const facet of [...SINGLE_FACETS, ...MULTI_FACETS]) {
        const total = all[facet]
        const minus = removed[facet]
        // The chosen facet's own counts ignore its filter (any-of); an all-of facet counts within the results.
        counts[facet] = facet === active[0] && !isAllOfFacet(facet) ? total : total.map((x, code) => x - (minus[code] ?? 0))
      }
    } else counts = this.countFacets(live, m, failed, identityOk)

    let total = 0
    for (let i = 0; i < m; i++) if (failed[i] === 0) total++
    let page: number[]
    if (!scores) {
      // Everyone, in name order: walk the name order and stop once the page is full.
      const passesByOrd = new Uint8Array(this.mentors.length)
      for (let i = 0; i < m; i++) if (failed[i] === 0) passesByOrd[live[i] as number] = 1
      page = []
      const wanted = input.offset + input.limit
      let seen = 0
      for (let r = 0; r < this.nameOrder.length && seen < wanted; r++) {
        const ord = this.nameOrder[r] as number
        if (passesByOrd[ord] !== 1) continue
        if (seen >= input.offset) page.push(ord)
        seen++
      }
    } else {
      const passing = new Int32Array(total)
      const passingScores = new Int32Array(total)
      let k = 0
      for (let i = 0; i < m; i++) {
        if (failed[i] !== 0) continue
        passing[k] = live[i] as number
        passingScores[k++] = liveScores[i] as number
      }
      page = this.order(passing, passingScores, input.sort, input.offset, input.limit)
    }
    let ids: string[] | undefined
    // Everyone matched: the caller knows the whole list already (no 100,000 ids to build).
    if (input.collectIds && total < this.ordOf.size) {
      ids = []
      for (let i = 0; i < m; i++) if (failed[i] === 0) ids.push((this.mentors[live[i] as number] as IndexedMentor).id)
    }
    return {
      hits: page.map((ord) => ({ mentor: this.mentors[ord] as IndexedMentor, identityVisible: identityVisible(ord) })),
      total,
      textMatches,
      facets: this.facetCounts(counts, input.filters),
      ...(ids ? { ids } : {}),
    }
  }

  /** One listed mentor as a search hit for this viewer, or null when not listed. */
  hitFor(viewer: IndexViewer, personId: string): IndexHit | null {
    const ord = this.ordOf.get(personId)
    const mentor = ord === undefined ? null : this.mentors[ord]
    if (ord === undefined || !mentor) return null
    return { mentor, identityVisible: personId === viewer.personId || viewer.seesIdentity[this.visibility[ord] as number] === true }
  }

  /** The page of ordinals in the requested order. */
  private order(passing: Int32Array, scores: Int32Array, sort: DirectorySort, offset: number, limit: number): number[] {
    const wanted = offset + limit
    if (offset >= passing.length) return []
    if (sort === 'name') {
      const ranks = new Int32Array(passing.length)
      for (let i = 0; i < passing.length; i++) ranks[i] = this.nameRank[passing[i] as number] as number
      ranks.sort()
      return Array.from(ranks.subarray(offset, wanted), (rank) => this.nameOrder[rank] as number)
    }
    // Relevance: keep only the scores that can reach the page (a bucket count), then sort those.
    let threshold = 0
    if (passing.length > wanted * 4) {
      const buckets = new Int32Array(MAX_LEXEME_SCORE * 64 + 1)
      const top = buckets.length - 1
      for (const score of scores) increment(buckets, Math.min(score, top))
      let seen = 0
      for (let score = top; score >= 0; score--) {
        seen += buckets[score] as number
        if (seen >= wanted) {
          threshold = score
          break
        }
      }
    }
    // Above the threshold: fewer than a page's worth, sorted in full. At the threshold (often
    // thousands of ties): only the best names are needed, found by sorting name ranks as integers.
    const above: number[] = []
    const tiedRanks: number[] = []
    for (let i = 0; i < passing.length; i++) {
      const score = scores[i] as number
      if (score > threshold) above.push(i)
      else if (score === threshold) tiedRanks.push(this.nameRank[passing[i] as number] as number)
    }
    above.sort(
      (a, b) =>
        (scores[b] as number) - (scores[a] as number) || (this.nameRank[passing[a] as number] as number) - (this.nameRank[passing[b] as number] as number),
    )
    const ranked = above.map((i) => passing[i] as number)
    if (ranked.length < wanted) {
      const ties = new Int32Array(tiedRanks).sort().subarray(0, wanted - ranked.length)
      for (const rank of ties) ranked.push(this.nameOrder[rank] as number)
    }
    return ranked.slice(offset, wanted)
  }

  /**
   * Facet counts over the candidates `live[0…m)`: each counts in facet f when it fails nothing or
   * only f — "how many if you also chose this value" for an any-of facet. In an all-of facet
   * (offers) a value narrows the results, so only candidates failing nothing count there. With
   * `only`, just the candidates listed, in every facet whatever they fail.
   */
  private countFacets(
    live: Int32Array,
    m: number,
    failed: Int32Array,
    identityOk: Uint8Array,
    only?: Int32Array,
  ): Record<SingleFacet | MultiFacet, Int32Array> {
    const counts = {} as Record<SingleFacet | MultiFacet, Int32Array>
    // Candidates failing two facets or more count nowhere: list the others once.
    let countable = only ?? new Int32Array(m)
    let k = only ? only.length : 0
    if (!only) {
      for (let i = 0; i < m; i++) {
        const fails = failed[i] as number
        if ((fails & (fails - 1)) === 0) countable[k++] = i
      }
    }
    if (only) failed = new Int32Array(m)
    const all = !only && k === m
    if (all) countable = new Int32Array(0)
    ;[...SINGLE_FACETS, ...MULTI_FACETS].forEach((facet, f) => {
      const bit = 1 << f
      const counter = new Int32Array(this.dictionaries[facet].size)
      counts[facet] = counter
      if (f < SINGLE_FACETS.length) {
        const column = this.single[facet as SingleFacet]
        for (let j = 0; j < k; j++) {
          const i = all ? j : (countable[j] as number)
          const fails = failed[i] as number
          if (fails !== 0 && fails !== bit) continue
          const code = column[live[i] as number] as number
          if (code >= 0) counter[code] = (counter[code] as number) + 1
        }
      } else {
        const start = this.multiStart[facet as MultiFacet]
        const codes = this.multiCodes[facet as MultiFacet]
        const checkIdentity = facet === 'identity'
        const ownFailureCounts = isAllOfFacet(facet) ? 0 : bit
        for (let j = 0; j < k; j++) {
          const i = all ? j : (countable[j] as number)
          const fails = failed[i] as number
          if ((fails !== 0 && fails !== ownFailureCounts) || (checkIdentity && identityOk[i] !== 1)) continue
          const ord = live[i] as number
          for (let c = start[ord] as number, end = start[ord + 1] as number; c < end; c++) {
            const code = codes[c] as number
            counter[code] = (counter[code] as number) + 1
          }
        }
      }
    })
    return counts
  }

  private facetCounts(counts: Record<SingleFacet | MultiFacet, Int32Array>, filters: FacetFilters): Record<DirectoryFacet, FacetCount[]> {
    const out = {} as Record<DirectoryFacet, FacetCount[]>
    for (const facet of [...SINGLE_FACETS, ...MULTI_FACETS]) {
      const dictionary = this.dictionaries[facet]
      const chosenValues = new Set(filters[facet])
      const list: FacetCount[] = []
      for (let code = 0; code < dictionary.size; code++) {
        const value = dictionary.values[code] as string
        const count = counts[facet][code] as number
        if (facet === 'accepting' && value !== 'true') continue
        // A chosen value stays listed at 0 so it can be unchosen.
        if (count > 0 || chosenValues.has(value)) list.push({ value, label: facetLabel(facet, value), count })
      }
      if (!ORDERED_FACETS.has(facet)) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      out[facet] = list
    }
    return out
  }

  /** Evaluates a query tree to ordinals (ascending) with scores. */
  private evaluate(node: QueryNode): Scored {
    switch (node.type) {
      case 'term':
        return this.term(node.lexeme, node.prefix)
      case 'or':
        return node.children.map((child) => this.evaluate(child)).reduce(union)
      case 'not':
        return difference(this.everyone(), this.evaluate(node.child))
      case 'and': {
        const positives = node.children.filter((child) => child.type !== 'not')
        const negatives = node.children.filter((child): child is Extract<QueryNode, { type: 'not' }> => child.type === 'not')
        let result =
          positives.length > 0
            ? positives
                .map((child) => this.evaluate(child))
                .sort((a, b) => a.ords.length - b.ords.length)
                .reduce(intersect)
            : this.everyone()
        for (const negative of negatives) result = difference(result, this.evaluate(negative.child))
        return result
      }
    }
  }

  private term(lexeme: string, prefix: boolean): Scored {
    if (!prefix) {
      const list = this.postings.get(lexeme)
      return list ? { ords: list.ords.subarray(0, list.length), scores: list.scores.subarray(0, list.length) } : EMPTY
    }
    let result = EMPTY
    for (const [key, list] of this.postings) {
      if (key.startsWith(lexeme)) result = union(result, { ords: list.ords.subarray(0, list.length), scores: list.scores.subarray(0, list.length) })
    }
    return result
  }

  private everyone(): Scored {
    const ords = Int32Array.from(this.ordOf.values()).sort()
    return { ords, scores: new Int32Array(ords.length) }
  }

  private refreshNameOrder(): void {
    if (!this.nameOrderStale) return
    const live = Array.from(this.ordOf.values())
    const keys = new Map(live.map((ord) => [ord, nameSortKey((this.mentors[ord] as IndexedMentor).name)]))
    live.sort((a, b) => {
      const ka = keys.get(a) as string
      const kb = keys.get(b) as string
      return ka < kb ? -1 : ka > kb ? 1 : a - b
    })
    this.nameOrder = Int32Array.from(live)
    this.aliveOrds = Int32Array.from(live).sort()
    this.nameRank = new Int32Array(this.mentors.length)
    live.forEach((ord, rank) => {
      this.nameRank[ord] = rank
    })
    this.nameOrderStale = false
  }

  private appendCodes(facet: MultiFacet, ord: number, values: readonly string[]): void {
    let length = this.multiLength[facet]
    if (length + values.length > this.multiCodes[facet].length) {
      const grown = new Int32Array((length + values.length) * 2)
      grown.set(this.multiCodes[facet])
      this.multiCodes[facet] = grown
    }
    const codes = this.multiCodes[facet]
    const start = this.multiStart[facet]
    start[ord] = length
    for (const value of values) codes[length++] = this.dictionaries[facet].code(value)
    start[ord + 1] = length
    this.multiLength[facet] = length
  }

  private ensureCapacity(size: number): void {
    if (size <= this.visibility.length) return
    const capacity = Math.max(size, this.visibility.length * 2)
    for (const facet of SINGLE_FACETS) {
      const grown = new Int32Array(capacity)
      grown.set(this.single[facet])
      this.single[facet] = grown
    }
    const visibility = new Uint8Array(capacity)
    visibility.set(this.visibility)
    this.visibility = visibility
    const alive = new Uint8Array(capacity)
    alive.set(this.alive)
    this.alive = alive
    for (const facet of MULTI_FACETS) {
      const grown = new Int32Array(capacity + 1)
      grown.set(this.multiStart[facet])
      this.multiStart[facet] = grown
    }
  }

  /** Rebuilds without dead ordinals. */
  private compact(): void {
    const live = Array.from(this.ordOf.keys()).map((id) => {
      const ord = this.ordOf.get(id) as number
      return { mentor: this.mentors[ord] as IndexedMentor, lexemes: this.lexemes[ord] as Map<string, number>, topicWords: this.topicWords[ord] ?? [] }
    })
    Object.assign(this, new DirectoryIndex())
    for (const { mentor, lexemes, topicWords } of live) this.upsertScored(mentor, lexemes, topicWords)
  }
}

function increment(array: Int32Array, index: number): void {
  array[index] = (array[index] as number) + 1
}

const EMPTY: Scored = { ords: new Int32Array(0), scores: new Int32Array(0) }

function intersect(a: Scored, b: Scored): Scored {
  const ords = new Int32Array(Math.min(a.ords.length, b.ords.length))
  const scores = new Int32Array(ords.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.ords.length && j < b.ords.length) {
    const x = a.ords[i] as number
    const y = b.ords[j] as number
    if (x === y) {
      ords[k] = x
      scores[k++] = (a.scores[i++] as number) + (b.scores[j++] as number)
    } else if (x < y) i++
    else j++
  }
  return { ords: ords.subarray(0, k), scores: scores.subarray(0, k) }
}

function union(a: Scored, b: Scored): Scored {
  const ords = new Int32Array(a.ords.length + b.ords.length)
  const scores = new Int32Array(ords.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.ords.length || j < b.ords.length) {
    const x = i < a.ords.length ? (a.ords[i] as number) : Infinity
    const y = j < b.ords.length ? (b.ords[j] as number) : Infinity
    if (x === y) {
      ords[k] = x
      scores[k++] = (a.scores[i++] as number) + (b.scores[j++] as number)
    } else if (x < y) {
      ords[k] = x
      scores[k++] = a.scores[i++] as number
    } else {
      ords[k] = y
      scores[k++] = b.scores[j++] as number
    }
  }
  return { ords: ords.subarray(0, k), scores: scores.subarray(0, k) }
}

function difference(a: Scored, b: Scored): Scored {
  const ords = new Int32Array(a.ords.length)
  const scores = new Int32Array(a.ords.length)
  let j = 0
  let k = 0
  for (let i = 0; i < a.ords.length; i++) {
    const x = a.ords[i] as number
    while (j < b.ords.length && (b.ords[j] as number) < x) j++
    if (j < b.ords.length && b.ords[j] === x) continue
    ords[k] = x
    scores[k++] = a.scores[i] as number
  }
  return { ords: ords.subarray(0, k), scores: scores.subarray(0, k) }
}
