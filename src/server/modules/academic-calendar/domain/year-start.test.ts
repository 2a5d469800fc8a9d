import { describe, expect, it } from 'vitest'
import type { AcademicDate } from './closures.ts'
import { yearStartMonth } from './year-start.ts'

const start = (startsOn: string): AcademicDate => ({ kind: 'year-start', name: `Academic year from ${startsOn}`, startsOn, endsOn: startsOn })

describe('yearStartMonth', () => {
  it('is July without a year start', () => {
    expect(yearStartMonth([], '2026-12-01')).toBe(7)
    expect(yearStartMonth([{ kind: 'break', name: 'Winter break', startsOn: '2026-08-01', endsOn: '2026-08-09' }], '2026-12-01')).toBe(7)
  })

  it('is the month of the latest year start on or before today', () => {
    const calendar = [start('2025-07-01'), start('2026-08-03'), start('2027-09-01')]
    expect(yearStartMonth(calendar, '2026-08-02')).toBe(7)
    expect(yearStartMonth(calendar, '2026-08-03')).toBe(8)
    expect(yearStartMonth(calendar, '2027-06-30')).toBe(8)
    expect(yearStartMonth(calendar, '2027-09-01')).toBe(9)
  })

  it('is July while every year start is still to come', () => {
    expect(yearStartMonth([start('2027-08-02')], '2026-12-01')).toBe(7)
  })
})
