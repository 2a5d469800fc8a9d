/**
 * "Did you mean" in memory: the listed mentor name closest to a search text, by the same
 * measure as pg_trgm's `word_similarity(text, name)` — which the SQL baseline orders by through
 * its GiST index (`text <<-> name`). Pure: no I/O.
 *
 * Why in memory: at 100,000 names the GiST nearest-neighbour search costs 45–70 ms on PGlite,
 * more than a whole search may take. Names are made of a small vocabulary of words, so an index
 * from trigram to name *word*, and from word to the distinct names that contain it, narrows the
 * candidates to a few names whose similarity is then computed exactly.
 *
 * The measure follows pg_trgm (contrib/pg_trgm/trgm_op.c, `calc_word_similarity` and
 * `iterate_word_similarity`, non-strict): each word — a run of letters and digits, lower-cased —
 * is padded with two spaces in front and one behind and cut into trigrams; the similarity is the
 * best, over every continuous extent of the name's trigram sequence, of
 * shared / (distinct trigrams of the text + distinct trigrams of the extent − shared).
 */

const WORD_CHAR = /[\p{L}\p{N}]/u

/** The words of a text as pg_trgm cuts them: runs of letters and digits, lower-cased. */
export function trigramWords(text: string): string[] {
  const words: string[] = []
  let current = ''
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) current += ch
    else if (current !== '') {
      words.push(current.toLowerCase())
      current = ''
    }
  }
  if (current !== '') words.push(current.toLowerCase())
  return words
}

/** The trigrams of one (lower-cased) word, in order, with pg_trgm's padding: "ann" → "  a", " an", "ann", "nn ". */
export function wordTrigrams(word: string): string[] {
  const chars = [' ', ' ', ...word, ' ']
  const out: string[] = []
  for (let i = 0; i + 2 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`)
  return out
}

/** The trigram sequence of a whole text (duplicates kept, in order), as `generate_trgm_only` makes it. */
export function trigramSequence(text: string): string[] {
  return trigramWords(text).flatMap(wordTrigrams)
}

/** The distinct trigrams of a text, numbered 0…n-1 (the "needle" of a similarity). */
export type NeedleTrigrams = ReadonlyMap<string, number>

export function needleTrigrams(text: string): NeedleTrigrams {
  const ids = new Map<string, number>()
  for (const trigram of trigramSequence(text)) if (!ids.has(trigram)) ids.set(trigram, ids.size)
  return ids
}

/**
 * pg_trgm's `word_similarity(needle, haystack)`: a port of `iterate_word_similarity` without
 * the strict and check-only flags, so the two agree (tested against PostgreSQL).
 */
export function wordSimilarity(needle: string | NeedleTrigrams, haystack: string): number {
  const ids = typeof needle === 'string' ? needleTrigrams(needle) : needle
  const ulen1 = ids.size
  if (ulen1 === 0) return 0
  const sequence = trigramSequence(haystack)
  const len2 = sequence.length
  // Every distinct trigram gets an index: the needle's first (found), then the haystack's others.
  const indexes = new Int32Array(len2)
  const others = new Map<string, number>()
  for (let i = 0; i < len2; i++) {
    const trigram = sequence[i] as string
    let index = ids.get(trigram)
    if (index === undefined) {
      index = others.get(trigram)
      if (index === undefined) {
        index = ulen1 + others.size
        others.set(trigram, index)
      }
    }
    indexes[i] = index
  }
  const found = (index: number) => index < ulen1
  const lastpos = new Int32Array(ulen1 + others.size).fill(-1)
  let ulen2 = 0
  let count = 0
  let upper = -1
  let lower = -1
  let best = 0
  const similarity = (c: number, l2: number) => c / (ulen1 + l2 - c)

  for (let i = 0; i < len2; i++) {
    const index = indexes[i] as number
    if (lower >= 0 || found(index)) {
      if ((lastpos[index] as number) < 0) {
        ulen2++
        if (found(index)) count++
      }
      lastpos[index] = i
    }
    if (!found(index)) continue

    upper = i
    if (lower === -1) {
      lower = i
      ulen2 = 1
    }
    let current = similarity(count, ulen2)
    // Also try moving the lower bound up for a greater similarity.
    let tmpCount = count
    let tmpUlen2 = ulen2
    const previousLower = lower
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const candidate = similarity(tmpCount, tmpUlen2)
      if (candidate > current) {
        current = candidate
        ulen2 = tmpUlen2
        lower = tmpLower
        count = tmpCount
      }
      const tmpIndex = indexes[tmpLower] as number
      if (lastpos[tmpIndex] === tmpLower) {
        tmpUlen2--
        if (found(tmpIndex)) tmpCount--
      }
    }
    if (current > best) best = current
    for (let tmpLower = previousLower; tmpLower < lower; tmpLower++) {
      const tmpIndex = indexes[tmpLower] as number
      if (lastpos[tmpIndex] === tmpLower) lastpos[tmpIndex] = -1
    }
  }
  return best
}

/** pg_trgm computes in single precision; rounding the same way keeps ties and thresholds equal. */
const toFloat32 = Math.fround

/**
 * The search text with each word replaced by the closest word of `name` ("Okafr" with the name
 * "Adaeze Okafor" → "Okafor"; "Danial Okafr" → "Daniel Okafor"). Searching the words rather than
 * the whole name finds every mentor who carries them — all the Okafors, not one. A word that is
 * like no word of the name (similarity below `minimum`) is kept as typed.
 */
export function correctWordsByName(text: string, name: string, minimum: number): string {
  const nameWords = name.match(/[\p{L}\p{N}]+/gu) ?? []
  const corrected: string[] = []
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    let best = word
    let bestSimilarity = minimum
    for (const candidate of nameWords) {
      const similarity = toFloat32(wordSimilarity(word, candidate))
      if (similarity >= bestSimilarity && (best === word || similarity > bestSimilarity)) {
        best = candidate
        bestSimilarity = similarity
      }
    }
    if (!corrected.includes(best)) corrected.push(best)
  }
  return corrected.join(' ')
}

/**
 * Distinct names of listed mentors, each with how many listed mentors carry it, indexed by
 * trigram → word → name. Words and names are never forgotten (the vocabulary is small); a name
 * nobody carries any more is skipped.
 */
export class NameTrigramIndex {
  private readonly wordIds = new Map<string, number>()
  private readonly trigramWords = new Map<string, number[]>()
  /** Per word, the names (ids) containing it. */
  private readonly wordNames: number[][] = []
  private readonly nameIds = new Map<string, number>()
  private readonly names: string[] = []
  private carriers = new Int32Array(64)
  private sums = new Int32Array(64)

  /** Distinct names carried by at least one listed mentor. */
  get size(): number {
    let n = 0
    for (let i = 0; i < this.names.length; i++) if ((this.carriers[i] as number) > 0) n++
    return n
  }

  /** Does any name, carried or not, contain this (lower-cased) word? */
  hasWord(word: string): boolean {
    return this.wordIds.has(word)
  }

  add(name: string): void {
    const id = this.nameId(name)
    this.carriers[id] = (this.carriers[id] as number) + 1
  }

  remove(name: string): void {
    const id = this.nameIds.get(name)
    if (id !== undefined && (this.carriers[id] as number) > 0) this.carriers[id] = (this.carriers[id] as number) - 1
  }

  /**
   * The listed name with the greatest `word_similarity(text, name)`, if it reaches `minimum`.
   * Ties go to the name first in code-point order (PostgreSQL's nearest-neighbour order leaves
   * ties unspecified).
   *
   * A name's similarity is at most (text trigrams it contains) / (text trigrams), and the
   * trigrams it contains are at most the sum over its words; names are checked exactly in order
   * of that bound, until the bound falls below the best found.
   */
  closest(text: string, minimum: number): { name: string; similarity: number } | null {
    const needle = needleTrigrams(text)
    const ulen1 = needle.size
    if (ulen1 === 0) return null
    // Per word: how many of the text's distinct trigrams it has.
    const wordHits = new Map<number, number>()
    for (const trigram of needle.keys()) {
      for (const word of this.trigramWords.get(trigram) ?? []) wordHits.set(word, (wordHits.get(word) ?? 0) + 1)
    }
    const sums = this.sums
    const touched: number[] = []
    for (const [word, hits] of wordHits) {
      for (const name of this.wordNames[word] as number[]) {
        if ((this.carriers[name] as number) === 0) continue
        if (sums[name] === 0) touched.push(name)
        sums[name] = (sums[name] as number) + hits
      }
    }
    const needed = minimum * ulen1 - 1e-9
    const candidates: { name: number; bound: number }[] = []
    for (const name of touched) {
      const sum = sums[name] as number
      sums[name] = 0
      if (sum >= needed) candidates.push({ name, bound: Math.min(sum, ulen1) / ulen1 })
    }
    candidates.sort((a, b) => b.bound - a.bound || compareText(this.names[a.name] as string, this.names[b.name] as string))
    let best: { name: string; similarity: number } | null = null
    for (const { name, bound } of candidates) {
      if (best !== null && toFloat32(bound) < best.similarity) break
      const similarity = toFloat32(wordSimilarity(needle, this.names[name] as string))
      if (similarity < minimum) continue
      const text = this.names[name] as string
      if (best === null || similarity > best.similarity || (similarity === best.similarity && compareText(text, best.name) < 0))
        best = { name: text, similarity }
    }
    return best
  }

  private nameId(name: string): number {
    let id = this.nameIds.get(name)
    if (id !== undefined) return id
    id = this.names.length
    this.nameIds.set(name, id)
    this.names.push(name)
    if (id >= this.carriers.length) {
      const carriers = new Int32Array(this.carriers.length * 2)
      carriers.set(this.carriers)
      this.carriers = carriers
      this.sums = new Int32Array(carriers.length)
    }
    const words = [...new Set(trigramWords(name))].map((word) => this.wordId(word))
    for (const word of words) (this.wordNames[word] as number[]).push(id)
    return id
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word)
    if (id !== undefined) return id
    id = this.wordNames.length
    this.wordIds.set(word, id)
    const trigrams = [...new Set(wordTrigrams(word))]
    this.wordNames.push([])
    for (const trigram of trigrams) {
      let list = this.trigramWords.get(trigram)
      if (!list) {
        list = []
        this.trigramWords.set(trigram, list)
      }
      list.push(id)
    }
    return id
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
