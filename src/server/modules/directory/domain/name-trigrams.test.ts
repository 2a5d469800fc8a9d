import { describe, expect, it } from 'vitest'
import { correctWordsByName, NameTrigramIndex, trigramSequence, wordSimilarity } from './name-trigrams.ts'

// The database test (`directory.db.test.ts`) checks these against PostgreSQL's own pg_trgm.
describe('wordSimilarity (pg_trgm word_similarity)', () => {
  it('cuts words into padded trigrams as pg_trgm does', () => {
    expect(trigramSequence('Ann, Li')).toEqual(['  a', ' an', 'ann', 'nn ', '  l', ' li', 'li '])
  })

  it('gives the documented example: word_similarity(word, two words) = 0.8', () => {
    expect(wordSimilarity('word', 'two words')).toBeCloseTo(0.8, 6)
  })

  it('is 1 for a whole word of the name, case and punctuation aside', () => {
    expect(wordSimilarity('okonkwo', 'Chidi Okonkwo')).toBe(1)
    expect(wordSimilarity('O’Brien', 'Aoife O’Brien')).toBe(1)
  })

  it('scores a misspelling below 1 and nonsense near 0', () => {
    const s = wordSimilarity('Okonkow', 'Chidi Okonkwo')
    expect(s).toBeGreaterThan(0.4)
    expect(s).toBeLessThan(1)
    expect(wordSimilarity('zzzz', 'Chidi Okonkwo')).toBe(0)
  })
})

describe('NameTrigramIndex', () => {
  const index = new NameTrigramIndex()
  for (const name of ['Chidi Okonkwo', 'Adaeze Okafor', 'Priya Raman', 'Tomas Lindqvist', 'Ramona Okoro', 'Priya Raman']) index.add(name)

  it('finds the closest listed name, as a scan of every name would', () => {
    for (const text of ['Okonkow', 'okafr', 'Lindquist', 'Priya Ramen', 'ramon', 'oko']) {
      const names = ['Chidi Okonkwo', 'Adaeze Okafor', 'Priya Raman', 'Tomas Lindqvist', 'Ramona Okoro']
      const scan = names
        .map((name) => ({ name, similarity: Math.fround(wordSimilarity(text, name)) }))
        .sort((a, b) => b.similarity - a.similarity || (a.name < b.name ? -1 : 1))[0]
      const found = index.closest(text, 0)
      expect(found, text).toEqual(scan)
    }
    expect(index.closest('Okonkow', 0.4)?.name).toBe('Chidi Okonkwo')
  })

  it('offers nothing below the minimum, and forgets a name nobody carries', () => {
    expect(index.closest('qqqxx', 0.4)).toBeNull()
    index.remove('Tomas Lindqvist')
    expect(index.closest('Lindqvist', 0.4)).toBeNull()
    index.remove('Priya Raman')
    expect(index.closest('Raman', 0.9)?.name).toBe('Priya Raman')
    index.add('Tomas Lindqvist')
    expect(index.closest('Lindqvist', 0.4)?.name).toBe('Tomas Lindqvist')
  })
})

describe('correctWordsByName', () => {
  it('corrects each word to the closest word of the name, so every carrier of the surname is found', () => {
    expect(correctWordsByName('Okafr', 'Adaeze Okafor', 0.4)).toBe('Okafor')
    expect(correctWordsByName('danial okafr', 'Daniel Okafor', 0.4)).toBe('Daniel Okafor')
    // A word like no word of the name stays as typed.
    expect(correctWordsByName('Okafr cardiology', 'Adaeze Okafor', 0.4)).toBe('Okafor cardiology')
    expect(correctWordsByName('Nakamura Reyes', 'Aiko Nakamura-Reyes', 0.4)).toBe('Nakamura Reyes')
  })
})
