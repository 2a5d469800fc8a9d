import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countUncapped, describeSeries, MAX_OCCURRENCES, seriesDates, weekOfMonth } from './series-dates.ts'

describe('seriesDates', () => {
  it('monthly: the same weekday of each month (the second Tuesday), across the new year', () => {
    expect(seriesDates('2026-10-13', { repeat: 'monthly-weekday', everyWeeks: 1, until: null, count: 5 })).toEqual([
      '2026-10-13',
      '2026-11-10',
      '2026-12-08',
      '2027-01-12',
      '2027-02-09',
    ])
  })

  it('monthly: a date in the last week means the last such weekday', () => {
    // 29 October 2026 is the last Thursday; November's last is the 26th, December's the 31st.
    expect(seriesDates('2026-10-29', { repeat: 'monthly-weekday', everyWeeks: 1, until: null, count: 3 })).toEqual(['2026-10-29', '2026-11-26', '2026-12-31'])
    expect(weekOfMonth('2026-10-29')).toBe(5)
  })

  it('every N weeks until a date, the date included', () => {
    expect(seriesDates('2027-01-05', { repeat: 'weekly', everyWeeks: 2, until: '2027-02-16', count: null })).toEqual([
      '2027-01-05',
      '2027-01-19',
      '2027-02-02',
      '2027-02-16',
    ])
  })

  it('never more than the cap', () => {
    expect(seriesDates('2027-01-05', { repeat: 'weekly', everyWeeks: 1, until: '2040-01-01', count: null })).toHaveLength(MAX_OCCURRENCES)
  })

  it('property: every date falls on the first date’s weekday, in order, the first included', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.constantFrom('monthly-weekday' as const, 'weekly' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (day, repeat, everyWeeks, count) => {
          const first = day.toISOString().slice(0, 10)
          const dates = seriesDates(first, { repeat, everyWeeks, until: null, count })
          expect(dates[0]).toBe(first)
          expect(dates).toHaveLength(count)
          for (const d of dates) expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(new Date(`${first}T00:00:00Z`).getUTCDay())
          expect([...dates].sort()).toEqual(dates)
          expect(new Set(dates).size).toBe(dates.length)
        },
      ),
    )
  })
})

describe('describeSeries', () => {
  it('says the rule in words', () => {
    expect(describeSeries('2026-10-13', { repeat: 'monthly-weekday', everyWeeks: 1, until: null, count: 8 })).toBe('Every month on the second Tuesday, 8 times')
    expect(describeSeries('2027-01-05', { repeat: 'weekly', everyWeeks: 2, until: '2027-05-01', count: null })).toBe(
      'Every 2 weeks on Tuesday, until 2027-05-01',
    )
  })
})

describe('countUncapped', () => {
  it('counts past the cap, so a series too long is refused rather than cut short', () => {
    expect(countUncapped('2027-01-05', { repeat: 'weekly', everyWeeks: 1, until: '2040-01-01', count: null })).toBe(MAX_OCCURRENCES + 1)
    expect(countUncapped('2027-01-05', { repeat: 'weekly', everyWeeks: 1, until: '2027-01-19', count: null })).toBe(3)
  })
})
