import { describe, expect, it } from 'vitest'
import { countCharacters } from '#shared/reference/application-limits.ts'
import { draftDescription, ERAS_DESCRIPTION_LIMIT, ERAS_TYPE_OF_KIND, proposeOrder, truncateAtWord } from './eras-draft.ts'

describe('truncateAtWord', () => {
  it.each([
    ['short text', 20, 'short text', false],
    ['exactly ten', 11, 'exactly ten', false],
    ['one two three four', 12, 'one two…', true],
    ['one two three four', 14, 'one two three…', true],
    ['one two, three', 10, 'one two…', true],
    ['supercalifragilistic', 8, 'superca…', true],
  ])('%s within %i → %s', (text, limit, expected, truncated) => {
    expect(truncateAtWord(text, limit)).toEqual({ text: expected, truncated })
  })

  it('never exceeds the limit, counted by code point, and never cuts a character in two', () => {
    const text = `${'Café résumé 🩺 '.repeat(80)}end`
    for (const limit of [10, 50, 300, 750]) {
      const cut = truncateAtWord(text, limit)
      expect(countCharacters(cut.text)).toBeLessThanOrEqual(limit)
      expect(cut.text).not.toMatch(/\uFFFD/)
      expect(cut.text.endsWith('…')).toBe(true)
    }
  })
})

describe('draftDescription', () => {
  it('keeps the record’s own words when they fit', () => {
    expect(draftDescription({ title: 'T', organization: 'O', description: '  Ran   the clinic.\n\n\n\nTaught peers. ' })).toEqual({
      text: 'Ran the clinic.\n\nTaught peers.',
      shortenedFrom: null,
      fromTitleOnly: false,
    })
  })

  it('shortens a long description at a word boundary and says from how long', () => {
    const long = 'word '.repeat(200).trim()
    const draft = draftDescription({ title: 'T', organization: '', description: long })
    expect(countCharacters(draft.text)).toBeLessThanOrEqual(ERAS_DESCRIPTION_LIMIT)
    expect(draft.text).toMatch(/word…$/)
    expect(draft.shortenedFrom).toBe(999)
  })

  it('starts from the title and organisation when the record has no description, and flags it', () => {
    expect(draftDescription({ title: 'Free clinic', organization: 'Eastside', description: ' ' })).toEqual({
      text: 'Free clinic, Eastside.',
      shortenedFrom: null,
      fromTitleOnly: true,
    })
  })
})

describe('proposeOrder', () => {
  const entry = (title: string, hours: number | null, endDate: string | null = null) => ({ title, hours, endDate, startDate: null })

  it('puts the most hours first, then the latest, and chooses the first ten', () => {
    const entries = [entry('a', null), entry('b', 40, '2026-01-01'), entry('c', 40, '2026-05-01'), entry('d', 200)]
    expect(proposeOrder(entries).map((p) => p.entry.title)).toEqual(['d', 'c', 'b', 'a'])
    const many = Array.from({ length: 12 }, (_, i) => entry(`e${i}`, i))
    const proposed = proposeOrder(many)
    expect(proposed.filter((p) => p.chosen)).toHaveLength(10)
    expect(proposed.at(-1)).toEqual({ entry: many[0], chosen: false })
  })

  it('maps every kind of the record to an ERAS type', () => {
    expect(ERAS_TYPE_OF_KIND).toMatchObject({ research: 'research', teaching: 'teaching-mentoring', volunteer: 'volunteer-service-advocacy' })
  })
})
