import { describe, expect, it } from 'vitest'
import { pageOfBestMatches, type ThreadMatch } from './search-window.ts'

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 9, 5, 14, 0) - minutesAgo * 60_000)
const match = (id: string, minutesAgo: number, rank: number): ThreadMatch => ({ id, lastActivityAt: at(minutesAgo), rank })

describe('pageOfBestMatches', () => {
  it('orders the matches best first, then by newest activity, then by id', () => {
    const matches = [match('c', 1, 0.2), match('b', 2, 0.5), match('a', 3, 0.2), match('d', 3, 0.2)]
    expect(pageOfBestMatches(matches, 10, 1, 10)).toEqual({ ids: ['b', 'c', 'a', 'd'], total: 4, truncated: false })
  })

  it('ranks only the newest `window` matches and says more matched', () => {
    // The oldest match ranks best, but it is beyond the window of 2.
    const matches = [match('new', 1, 0.1), match('mid', 2, 0.3), match('old', 3, 0.9)]
    expect(pageOfBestMatches(matches, 2, 1, 10)).toEqual({ ids: ['mid', 'new'], total: 2, truncated: true })
  })

  it('is not truncated when exactly `window` matched', () => {
    expect(pageOfBestMatches([match('a', 1, 0.1), match('b', 2, 0.1)], 2, 1, 10).truncated).toBe(false)
  })

  it('cuts the requested page, and a page past the end is empty', () => {
    const matches = Array.from({ length: 5 }, (_, i) => match(`q${i}`, i, 1 - i / 10))
    expect(pageOfBestMatches(matches, 10, 2, 2).ids).toEqual(['q2', 'q3'])
    expect(pageOfBestMatches(matches, 10, 4, 2)).toEqual({ ids: [], total: 5, truncated: false })
  })
})
