import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findFilteredTerm, normaliseWords } from './word-filter.ts'

const terms = [
  { term: 'idiot', action: 'block' as const },
  { term: 'pill mill', action: 'review' as const },
]

describe('the word filter', () => {
  it('matches whole words whatever their case, accents or punctuation', () => {
    expect(findFilteredTerm('What an IDIOT.', terms)?.term).toBe('idiot')
    expect(findFilteredTerm('idiót!', terms)?.term).toBe('idiot')
    expect(findFilteredTerm('That clinic is a pill-mill, honestly', terms)?.term).toBe('pill mill')
    expect(findFilteredTerm('pill\n\nmill', terms)?.term).toBe('pill mill')
  })

  it('never matches inside a longer word', () => {
    expect(findFilteredTerm('An idiotic rotation schedule', terms)).toBeNull()
    expect(findFilteredTerm('pills milling about', terms)).toBeNull()
    expect(findFilteredTerm('', terms)).toBeNull()
  })

  it('returns the first term given, so the caller decides which action wins', () => {
    expect(findFilteredTerm('idiot pill mill', terms)?.action).toBe('block')
    expect(findFilteredTerm('idiot pill mill', [...terms].reverse())?.action).toBe('review')
  })

  it('ignores a term with no letters or digits', () => {
    expect(findFilteredTerm('a -- b', [{ term: '--', action: 'block' }])).toBeNull()
  })

  it('finds any term placed among other words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 }),
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 }),
        (before, after) => {
          const text = [...before, 'Pill', 'MILL', ...after].join(' ')
          expect(findFilteredTerm(text, terms)).not.toBeNull()
        },
      ),
    )
  })

  it('normalises to lower-case words separated by single spaces', () => {
    expect(normaliseWords('  Ça   va, Dr.  Ñúñez! ')).toBe('ca va dr nunez')
  })
})
