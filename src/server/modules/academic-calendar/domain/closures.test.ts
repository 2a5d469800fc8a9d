import { describe, expect, it } from 'vitest'
import { type AcademicDate, closureOn, lastWorkingDayBefore, moveDueDate, nearestWorkingDay } from './closures.ts'

const calendar: AcademicDate[] = [
  { kind: 'year-start', name: 'Academic year 2026–27', startsOn: '2026-07-01', endsOn: '2026-07-01' },
  { kind: 'holiday', name: 'Thanksgiving', startsOn: '2026-11-26', endsOn: '2026-11-27' },
  { kind: 'break', name: 'Winter break', startsOn: '2026-12-19', endsOn: '2027-01-03' },
  { kind: 'holiday', name: 'New Year’s Day', startsOn: '2027-01-01', endsOn: '2027-01-01' },
  { kind: 'holiday', name: 'Martin Luther King Jr. Day', startsOn: '2027-01-18', endsOn: '2027-01-18' },
]

describe('closureOn', () => {
  it.each([
    ['2026-11-26', 'Thanksgiving'],
    ['2026-11-27', 'Thanksgiving'],
    ['2026-12-19', 'Winter break'],
    ['2027-01-01', 'New Year’s Day'],
    ['2027-01-03', 'Winter break'],
    ['2026-07-01', null],
    ['2026-11-25', null],
  ])('%s: %s', (day, name) => {
    expect(closureOn(calendar, day)?.name ?? null).toBe(name)
  })
})

describe('lastWorkingDayBefore', () => {
  it('keeps a due date on an ordinary day, a weekend included', () => {
    expect(lastWorkingDayBefore(calendar, '2026-10-31')).toBe('2026-10-31')
  })

  it('moves a date in a break to the last weekday before it', () => {
    // Winter break starts Saturday 19 December 2026: the Friday before.
    expect(lastWorkingDayBefore(calendar, '2026-12-31')).toBe('2026-12-18')
  })

  it('steps past a weekend and another closure met on the way', () => {
    // Monday 18 January is a holiday: back over the weekend to Friday 15.
    expect(lastWorkingDayBefore(calendar, '2027-01-18')).toBe('2027-01-15')
    const joined: AcademicDate[] = [...calendar, { kind: 'holiday', name: 'Staff day', startsOn: '2026-12-18', endsOn: '2026-12-18' }]
    expect(lastWorkingDayBefore(joined, '2026-12-31')).toBe('2026-12-17')
  })
})

describe('moveDueDate', () => {
  it('leaves an ordinary day alone, and says nothing', () => {
    expect(moveDueDate(calendar, '2026-10-31')).toEqual({ dueDate: '2026-10-31', moved: null })
    expect(moveDueDate([], '2026-12-31')).toEqual({ dueDate: '2026-12-31', moved: null })
  })

  it('moves a date in a break and names the break', () => {
    expect(moveDueDate(calendar, '2026-12-31')).toEqual({
      dueDate: '2026-12-18',
      moved: { from: '2026-12-31', closure: { kind: 'break', name: 'Winter break' } },
    })
  })

  it('names the break, not a holiday inside it, when both hold the date', () => {
    expect(moveDueDate(calendar, '2027-01-01').moved?.closure.name).toBe('Winter break')
  })

  it('names a holiday on its own', () => {
    expect(moveDueDate(calendar, '2026-11-27')).toEqual({
      dueDate: '2026-11-25',
      moved: { from: '2026-11-27', closure: { kind: 'holiday', name: 'Thanksgiving' } },
    })
  })
})

describe('nearestWorkingDay', () => {
  it.each([
    // An ordinary Wednesday stays.
    ['2026-12-02', 1, '2026-12-02'],
    // New Year's Day, in the winter break: the Monday after it ends (3 January 2027 is a Sunday).
    ['2027-01-01', 1, '2027-01-04'],
    // The same day looking back: the Friday before the break (19 December 2026 is a Saturday).
    ['2027-01-01', -1, '2026-12-18'],
    // Thanksgiving Thursday and Friday, then the weekend: the Monday after.
    ['2026-11-26', 1, '2026-11-30'],
    // A Saturday, looking back.
    ['2026-12-05', -1, '2026-12-04'],
  ] as const)('%s, direction %i: %s', (day, direction, expected) => {
    expect(nearestWorkingDay(calendar, day, direction)).toBe(expected)
  })
})
