import { describe, expect, it } from 'vitest'
import { goalsFromRequest, MAX_CARRIED_GOALS } from './request-goals.ts'

describe('goals carried from a request', () => {
  it.each([
    ['', []],
    ['Decide on a specialty.', ['Decide on a specialty.']],
    ['- Decide on a specialty\n* Find a research project\n\n1. Prepare for Step 2', ['Decide on a specialty', 'Find a research project', 'Prepare for Step 2']],
    ['2) Meet monthly\r\n  • Read one paper a week  ', ['Meet monthly', 'Read one paper a week']],
  ])('%j → %j', (text, goals) => {
    expect(goalsFromRequest(text)).toEqual(goals)
  })

  it('keeps each goal within a goal title and carries at most the first ten', () => {
    const long = `${'word '.repeat(100)}end`
    const [goal] = goalsFromRequest(long)
    expect(goal?.length).toBeLessThanOrEqual(300)
    expect(goal?.endsWith('word…')).toBe(true)
    expect(goalsFromRequest(Array.from({ length: 14 }, (_, i) => `Goal ${i}`).join('\n'))).toHaveLength(MAX_CARRIED_GOALS)
  })
})
