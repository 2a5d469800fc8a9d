import { describe, expect, it } from 'vitest'
import { APPLICATION_LIMITS, countCharacters, limitState, MATERIAL_KINDS } from './application-limits.ts'

describe('application limits', () => {
  it('counts characters as people do: an emoji or an accented letter is one, line breaks count', () => {
    expect(countCharacters('café')).toBe(4)
    expect(countCharacters('care 😀\nteam')).toBe(11)
    expect('care 😀\nteam'.length).toBe(12)
  })

  it.each([
    [0, 100, 'within'],
    [89, 100, 'within'],
    [90, 100, 'near'],
    [100, 100, 'near'],
    [101, 100, 'over'],
    [5000, null, 'no-limit'],
  ] as const)('%i of %s is %s', (count, limit, state) => {
    expect(limitState(count, limit)).toBe(state)
  })

  it('holds no limit without a source, and a source for every limit', () => {
    for (const kind of MATERIAL_KINDS) {
      const limit = APPLICATION_LIMITS[kind]
      expect(limit.characters === null, kind).toBe(limit.source === null)
    }
  })
})
