import { describe, expect, it } from 'vitest'
import { academicYearSpan, byAcademicOrder, dueDateFor, dueWindowText } from './due-dates.ts'

describe('dueDateFor', () => {
  it.each([
    // class of 2030: Year 1 is 2026–27, Year 4 is 2029–30
    ['year-1', 10, 2030, false, '2026-10-31'],
    ['year-1', 3, 2030, false, '2027-03-31'],
    ['year-2', 2, 2030, false, '2028-02-29'],
    ['year-3', 7, 2030, false, '2028-07-31'],
    ['year-4', 9, 2030, false, '2029-09-30'],
    ['year-4', 3, 2030, false, '2030-03-31'],
    // a research year before Year 4 moves Years 1–3 a year earlier for the same graduation
    ['year-1', 10, 2030, true, '2025-10-31'],
    ['research', 12, 2030, true, '2028-12-31'],
    ['year-4', 3, 2030, true, '2030-03-31'],
  ] as const)('%s month %i, class of %i (research %s) → %s', (year, month, graduation, research, expected) => {
    expect(dueDateFor(year, month, graduation, research)).toBe(expected)
  })
})

describe('a school year that starts in August', () => {
  it.each([
    // class of 2030, Year 1: July is the first month with a July start, the last with an August one
    ['year-1', 7, 7, '2026-07-31'],
    ['year-1', 7, 8, '2027-07-31'],
    ['year-1', 8, 8, '2026-08-31'],
    ['year-1', 10, 8, '2026-10-31'],
    ['year-4', 7, 8, '2030-07-31'],
    // a January start: the academic year is the calendar year it ends in
    ['year-1', 10, 1, '2027-10-31'],
  ] as const)('%s month %i, start month %i → %s', (year, month, start, expected) => {
    expect(dueDateFor(year, month, 2030, false, start)).toBe(expected)
  })

  it('keeps a memo per start month', () => {
    expect(dueDateFor('year-2', 7, 2030)).toBe('2027-07-31')
    expect(dueDateFor('year-2', 7, 2030, false, 8)).toBe('2028-07-31')
    expect(dueDateFor('year-2', 7, 2030)).toBe('2027-07-31')
  })

  it('names the same span, and orders a year from August', () => {
    expect(academicYearSpan('year-1', 2030, false, 8)).toBe('2026–27')
    expect(academicYearSpan('year-1', 2030, false, 1)).toBe('2027')
    const months = [7, 8, 12, 1, 6].map((dueMonth, position) => ({ year: 'year-1' as const, dueMonth, position }))
    expect([...months].sort((a, b) => byAcademicOrder(a, b, 8)).map((m) => m.dueMonth)).toEqual([8, 12, 1, 6, 7])
    expect([...months].sort(byAcademicOrder).map((m) => m.dueMonth)).toEqual([7, 8, 12, 1, 6])
  })
})

describe('words', () => {
  it('says what a due date is relative to', () => {
    expect(dueWindowText('year-1', 10)).toBe('October of Year 1')
    expect(dueWindowText('research', 1)).toBe('January of your research year')
    expect(academicYearSpan('year-1', 2030)).toBe('2026–27')
    expect(academicYearSpan('year-4', 2030)).toBe('2029–30')
  })
})
