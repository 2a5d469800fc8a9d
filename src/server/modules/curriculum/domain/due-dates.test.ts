import { describe, expect, it } from 'vitest'
import { academicYearSpan, dueDateFor, dueWindowText } from './due-dates.ts'

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

describe('words', () => {
  it('says what a due date is relative to', () => {
    expect(dueWindowText('year-1', 10)).toBe('October of Year 1')
    expect(dueWindowText('research', 1)).toBe('January of your research year')
    expect(academicYearSpan('year-1', 2030)).toBe('2026–27')
    expect(academicYearSpan('year-4', 2030)).toBe('2029–30')
  })
})
