/**
 * What a program search box means: every word must match somewhere on the program — its name,
 * hospital, city, state or specialty — in any order ("Youngstown emergency" finds the emergency
 * medicine program in Youngstown, whose name says neither word in that order). Pure: the
 * repositories turn each word into SQL.
 */
import { isUsStateOrTerritory } from '../reference/regions.ts'
import { containsPattern } from './like-pattern.ts'
import { SPECIALTIES } from '../reference/specialties.ts'

export type ProgramSearchWord = {
  /** For ILIKE: the word with `\`, `%` and `_` escaped, between `%`s. */
  pattern: string
  /** Specialties whose id, name or ACGME name holds the word (e.g. "emergency", "ob" no, "pediatrics" yes). */
  specialtyIds: string[]
  /** The word as a two-letter state code, when it is one ("oh", "PR"). */
  state: string | null
}

/** At most this many words count; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

export function programSearchWords(query: string): ProgramSearchWord[] {
  const words = folded(query)
    .split(/[\s,;/]+/)
    // Quotes and punctuation around a word are not part of it; `%` and `_` are (searched as letters).
    .map((w) => w.replace(/^["'“”‘’()[\].,:!?]+|["'“”‘’()[\].,:!?]+$/gu, ''))
    .filter(Boolean)
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS).map((word) => ({
    pattern: containsPattern(word),
    specialtyIds: SPECIALTIES.filter((s) => [s.id, s.name, s.acgmeName].some((text) => folded(text).includes(word))).map((s) => s.id),
    state: word.length === 2 && isUsStateOrTerritory(word) ? word.toUpperCase() : null,
  }))
}
