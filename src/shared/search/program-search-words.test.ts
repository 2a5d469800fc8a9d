import { describe, expect, it } from 'vitest'
import { programSearchWords } from './program-search-words.ts'

describe('programSearchWords', () => {
  it('splits into words, each with the specialties and state it names', () => {
    const [city, specialty] = programSearchWords('Youngstown  emergency')
    expect(city).toEqual({ pattern: '%youngstown%', specialtyIds: [], state: null })
    expect(specialty?.specialtyIds).toEqual(['emergency-medicine'])
  })

  it('reads two-letter state codes, escapes LIKE characters and drops punctuation around words', () => {
    expect(programSearchWords('OH')[0]?.state).toBe('OH')
    expect(programSearchWords('zz')[0]?.state).toBeNull()
    expect(programSearchWords('100%_')[0]?.pattern).toBe('%100\\%\\_%')
    expect(programSearchWords('a_b')[0]?.pattern).toBe('%a\\_b%')
    expect(programSearchWords('"Cleveland,"  ')[0]?.pattern).toBe('%cleveland%')
  })

  it('keeps at most eight distinct words', () => {
    expect(programSearchWords('a b c d e f g h i j a')).toHaveLength(8)
  })
})
