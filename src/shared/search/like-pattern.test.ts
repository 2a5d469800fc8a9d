import { describe, expect, it } from 'vitest'
import { containsPattern, escapeLike } from './like-pattern.ts'

describe('escapeLike', () => {
  it.each([
    ['plain', 'plain'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
  ])('%s', (input, escaped) => {
    expect(escapeLike(input)).toBe(escaped)
  })

  it('wraps the escaped words for a contains search', () => {
    expect(containsPattern('50%')).toBe('%50\\%%')
  })
})
