import { describe, expect, it } from 'vitest'
import { expandAvailability } from './availability.ts'
import { usFederalHolidayOn, usFederalHolidays } from './holidays.ts'

describe('US federal holidays', () => {
  it('2026, as the Office of Personnel Management lists them (Independence Day on a Saturday is observed Friday 3 July)', () => {
    expect(usFederalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-04',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ])
  })

  it('a Sunday holiday is observed on the Monday; a Saturday New Year is observed on 31 December before', () => {
    expect(usFederalHolidayOn('2027-12-24')).toBe('Christmas Day (observed)')
    expect(usFederalHolidayOn('2028-06-19')).toBe('Juneteenth National Independence Day')
    expect(usFederalHolidayOn('2021-12-31')).toBe('New Year’s Day (observed)')
    expect(usFederalHolidayOn('2023-01-02')).toBe('New Year’s Day (observed)')
    expect(usFederalHolidayOn('2026-11-25')).toBeNull()
  })

  it('free slots skip them: a daily 9:00 slot across Thanksgiving week offers no Thursday', () => {
    const daily = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', durationMinutes: 30, locationKind: 'video' as const, locationDetail: '' }))
    const slots = expandAvailability(daily, 'America/New_York', new Set(), new Date('2026-11-23T00:00:00Z'), new Date('2026-11-28T00:00:00Z'))
    expect(slots.map((s) => s.startAt.toISOString().slice(0, 10))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27'])
  })
})
