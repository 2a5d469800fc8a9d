import { describe, expect, it } from 'vitest'
import { APPLICATION_LIMITS, countCharacters, limitState } from './application-limits.ts'

describe('application limits', () => {
  // The AAMC's MyERAS guide (2025 season): personal statement 28,000 characters; up to 10
  // experiences of 750; up to 3 "most meaningful" reflections of 300. Spaces and punctuation count.
  it('holds the published ERAS figures, each with its source', () => {
    expect(APPLICATION_LIMITS['personal-statement'].characters).toBe(28_000)
    expect(APPLICATION_LIMITS['eras-experience'].characters).toBe(750)
    expect(APPLICATION_LIMITS['meaningful-experience'].characters).toBe(300)
    for (const limit of Object.values(APPLICATION_LIMITS)) {
      expect(limit.characters === null).toBe(limit.source === null)
      if (limit.source) expect(limit.source).toMatch(/AAMC/)
    }
  })

  it('shows no figure where none is published', () => {
    expect(APPLICATION_LIMITS.cv.characters).toBeNull()
    expect(APPLICATION_LIMITS['mspe-noteworthy'].characters).toBeNull()
  })

  it('counts code points, spaces and line breaks included', () => {
    expect(countCharacters('é 🙂\n')).toBe(4)
  })

  it('warns from 90 % and is over past the limit', () => {
    const limit = APPLICATION_LIMITS['meaningful-experience'].characters
    expect(limitState(269, limit)).toBe('within')
    expect(limitState(270, limit)).toBe('near')
    expect(limitState(300, limit)).toBe('near')
    expect(limitState(301, limit)).toBe('over')
    expect(limitState(5, null)).toBe('no-limit')
  })
})
