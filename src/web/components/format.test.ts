import { describe, expect, it } from 'vitest'
import { plural } from './format.ts'

describe('plural', () => {
  it.each([
    [0, '0 letters'],
    [1, '1 letter'],
    [2, '2 letters'],
    [1200, '1,200 letters'],
  ])('%i', (n, words) => {
    expect(plural(n, 'letter', 'letters')).toBe(words)
  })
})
