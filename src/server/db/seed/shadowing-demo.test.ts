import { describe, expect, it } from 'vitest'
import { addDays } from '#server/modules/mentorships/domain/time-zones.ts'
import { nextShadowingDay } from './shadowing-demo.ts'

describe('nextShadowingDay', () => {
  it.each([
    ['2026-12-24', '2026-12-28'], // Thursday before Christmas → the Monday after Boxing Day
    ['2026-12-26', '2026-12-28'],
    ['2026-12-31', '2027-01-04'], // New Year's Eve and Day, then a weekend
    ['2027-01-09', '2027-01-11'], // Saturday → Monday
    ['2027-01-12', '2027-01-12'], // an ordinary Tuesday stays
  ])('%s → %s', (date, expected) => {
    expect(nextShadowingDay(date)).toBe(expected)
  })

  it('keeps every day of a year off weekends and the holiday closures, and moves none more than four days', () => {
    for (let i = 0; i < 366; i++) {
      const date = addDays('2026-06-01', i)
      const day = nextShadowingDay(date)
      expect([0, 6]).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay())
      expect(['12-24', '12-25', '12-26', '12-31', '01-01']).not.toContain(day.slice(5))
      expect((Date.parse(day) - Date.parse(date)) / 86_400_000).toBeLessThanOrEqual(4)
    }
  })
})
