/**
 * Spelling correction for the topics of a search ("cardiolgy" → "cardiology"): the words of
 * specialty and department names, what mentors offer, and the subspecialties and research
 * interests of listed mentors. Names are corrected against the closest whole name elsewhere (`name-trigrams.ts`);
 * this corrects word by word, so "sepsis cardiolgy" keeps "sepsis". Pure: no I/O.
 */
import { MENTOR_OFFERING_LABELS } from '#shared/enums.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { trigramWords, wordSimilarity, wordTrigrams } from './name-trigrams.ts'

/**
 * A word is corrected to a vocabulary word from this pg_trgm `similarity` up (whole word against
 * whole word: `word_similarity` would match "cardiolgy" to the "cardio" in "cardiothoracic").
 */
export const TOPIC_MIN_SIMILARITY = 0.4
/** Shorter words ("and", "ENT", "HIV") are left as typed: too few trigrams to judge. */
const MIN_WORD_LENGTH = 4

/** The words of a topic text worth correcting towards: letters only, four or more. */
export function vocabularyWords(text: string): string[] {
  return [...new Set(trigramWords(text).filter((word) => word.length >= MIN_WORD_LENGTH && /^\p{L}+$/u.test(word)))]
}

/** The fixed part: specialty and department names and the offer labels. */
const FIXED_WORDS = vocabularyWords([...SPECIALTIES.map((s) => s.name), ...DEPARTMENTS.map((d) => d.name), ...Object.values(MENTOR_OFFERING_LABELS)].join(' '))

/** pg_trgm's `similarity` of two single words: shared trigrams over the union. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const trigram of a) if (b.has(trigram)) shared++
  return shared / (a.size + b.size - shared)
}

/**
 * The vocabulary is small (a few thousand distinct words even at 100,000 mentors: interests are
 * phrased from a shared stock of words), and it is only read when a search found nobody, so a
 * scan of every word is fast enough and keeps no second index.
 */
export class TopicVocabulary {
  /** Word → how many listed mentors (or the reference lists, for good) carry it. */
  private readonly carriers = new Map<string, number>()
  private readonly trigrams = new Map<string, ReadonlySet<string>>()

  constructor() {
    this.add(FIXED_WORDS)
  }

  /** Counts the words of one listed mentor's topic text (subspecialty, research interests). */
  add(words: readonly string[]): void {
    for (const word of words) {
      this.carriers.set(word, (this.carriers.get(word) ?? 0) + 1)
      if (!this.trigrams.has(word)) this.trigrams.set(word, new Set(wordTrigrams(word)))
    }
  }

  remove(words: readonly string[]): void {
    for (const word of words) {
      const n = this.carriers.get(word) ?? 0
      if (n > 0) this.carriers.set(word, n - 1)
    }
  }

  private closest(word: string): string | null {
    const needle = new Set(wordTrigrams(word))
    let best: { word: string; similarity: number } | null = null
    for (const [candidate, n] of this.carriers) {
      if (n === 0) continue
      const value = Math.fround(similarity(needle, this.trigrams.get(candidate) as ReadonlySet<string>))
      if (value < TOPIC_MIN_SIMILARITY) continue
      // Ties go to the first in code-point order, so the answer never depends on insertion order.
      if (best === null || value > best.similarity || (value === best.similarity && candidate < best.word)) best = { word: candidate, similarity: value }
    }
    return best?.word ?? null
  }

  /**
   * The text with each word the vocabulary does not know replaced by its closest vocabulary word,
   * and how close the whole correction is (`word_similarity(text, corrected)`); null when no word
   * needed or found a correction. `isKnown` says whether a word is known elsewhere (a name word).
   */
  correct(text: string, isKnown: (word: string) => boolean = () => false): { text: string; similarity: number } | null {
    const typed = trigramWords(text)
    let changed = false
    const corrected = typed.map((word) => {
      if (word.length < MIN_WORD_LENGTH || (this.carriers.get(word) ?? 0) > 0 || isKnown(word)) return word
      const closest = this.closest(word)
      if (closest === null) return word
      changed = true
      return closest
    })
    if (!changed) return null
    const result = corrected.join(' ')
    return { text: result, similarity: Math.fround(wordSimilarity(text, result)) }
  }
}
