import { describe, expect, it } from 'vitest'
import { excerptOf } from './excerpt.ts'

describe('excerptOf', () => {
  it('keeps a short body whole, on one line', () => {
    expect(excerptOf('Two lines\n\nof text')).toBe('Two lines of text')
  })
  it('cuts a long body at a word and marks the cut', () => {
    const out = excerptOf('word '.repeat(100), 42)
    expect(out.endsWith('word…')).toBe(true)
    expect(out.length).toBeLessThanOrEqual(43)
  })
})
