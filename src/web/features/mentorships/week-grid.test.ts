import { describe, expect, it } from 'vitest'
import { addMinutes, weekColumns } from './week-grid.ts'

describe('the weekly availability grid', () => {
  it('adds minutes to a time of day, wrapping past midnight', () => {
    expect(addMinutes('12:00', 30)).toBe('12:30')
    expect(addMinutes('09:45', 90)).toBe('11:15')
    expect(addMinutes('23:30', 60)).toBe('00:30')
  })

  it('puts each time in its day, Monday first, in time order, keeping its place in the editor', () => {
    const columns = weekColumns([
      { key: 1, weekday: '2', startTime: '16:00', durationMinutes: '30', locationKind: 'video' },
      { key: 2, weekday: '7', startTime: '10:00', durationMinutes: '60', locationKind: 'phone' },
      { key: 3, weekday: '2', startTime: '08:30', durationMinutes: '45', locationKind: 'in-person' },
    ])
    expect(columns.map((c) => c.label)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
    expect(columns[0]?.slots).toEqual([])
    expect(columns[1]?.slots.map((s) => [s.startTime, s.endTime, s.index])).toEqual([
      ['08:30', '09:15', 2],
      ['16:00', '16:30', 0],
    ])
    expect(columns[6]?.slots.map((s) => [s.startTime, s.endTime, s.key])).toEqual([['10:00', '11:00', 2]])
    expect(columns.flatMap((c) => c.slots)).toHaveLength(3)
  })

  it('shows a time without a valid start last in its day, with no end', () => {
    const [monday] = weekColumns([
      { key: 1, weekday: 1, startTime: '', durationMinutes: 30, locationKind: 'video' },
      { key: 2, weekday: 1, startTime: '07:00', durationMinutes: 30, locationKind: 'video' },
    ])
    expect(monday?.slots.map((s) => [s.key, s.endTime])).toEqual([
      [2, '07:30'],
      [1, ''],
    ])
  })
})
