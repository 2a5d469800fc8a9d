import { describe, expect, it } from 'vitest'
import { checkInCodeFrom, formatCheckInCode } from '#shared/contracts/event-attendance.ts'
import { attendanceState, attendeesOf, hasAttended, isCheckInOpen, isFeedbackOpen, newCheckInCode, summariseFeedback } from './attendance.ts'

const event = { startAt: new Date('2026-10-05T17:00:00Z'), endAt: new Date('2026-10-05T18:00:00Z'), status: 'scheduled' as const }
const at = (iso: string) => new Date(iso)

describe('who attended', () => {
  it.each([
    ['before the end, no check-in: no one yet', '2026-10-05T17:30:00Z', [], []],
    ['after the end, no check-in: every place counts', '2026-10-05T19:00:00Z', [], ['a', 'b']],
    ['once anyone is checked in: only those checked in, walk-ins too', '2026-10-05T19:00:00Z', ['a', 'w'], ['a', 'w']],
    ['checked in during the event counts at once', '2026-10-05T17:30:00Z', ['b'], ['b']],
  ])('%s', (_label, now, checkedIn, expected) => {
    expect([...attendeesOf(event, at(now), new Set(['a', 'b']), new Set(checkedIn))].sort()).toEqual(expected)
    for (const id of ['a', 'b', 'w'])
      expect(hasAttended(event, at(now), { hasPlace: id !== 'w', isCheckedIn: checkedIn.includes(id) }, checkedIn.length > 0)).toBe(expected.includes(id))
  })

  it('a cancelled event has no attendees', () => {
    expect(attendeesOf({ ...event, status: 'cancelled' }, at('2026-10-06T00:00:00Z'), new Set(['a']), new Set(['a'])).size).toBe(0)
  })

  it('names each state on the roster', () => {
    expect(attendanceState(event, at('2026-10-05T17:30:00Z'), false, true)).toBe('expected')
    expect(attendanceState(event, at('2026-10-05T19:00:00Z'), false, true)).toBe('no-show')
    expect(attendanceState(event, at('2026-10-05T19:00:00Z'), false, false)).toBe('not-recorded')
    expect(attendanceState(event, at('2026-10-05T19:00:00Z'), true, true)).toBe('checked-in')
  })
})

describe('when check-in and feedback open', () => {
  it('opens check-in an hour before the start, and never for a cancelled event', () => {
    expect(isCheckInOpen(event, at('2026-10-05T15:59:59Z'))).toBe(false)
    expect(isCheckInOpen(event, at('2026-10-05T16:00:00Z'))).toBe(true)
    expect(isCheckInOpen(event, at('2026-10-09T16:00:00Z'))).toBe(true)
    expect(isCheckInOpen({ ...event, status: 'cancelled' }, at('2026-10-05T17:00:00Z'))).toBe(false)
  })

  it('opens feedback to those who attended once the event has begun', () => {
    expect(isFeedbackOpen(event, at('2026-10-05T16:30:00Z'), true)).toBe(false)
    expect(isFeedbackOpen(event, at('2026-10-05T17:00:00Z'), true)).toBe(true)
    expect(isFeedbackOpen(event, at('2026-10-05T19:00:00Z'), false)).toBe(false)
  })
})

describe('codes and feedback figures', () => {
  it('reads a code from a scanned link or from what a person typed', () => {
    expect(checkInCodeFrom('https://preceptor.example.edu/events/x/check-in?code=K7P2QX')).toBe('K7P2QX')
    expect(checkInCodeFrom(' k7p-2qx ')).toBe('K7P2QX')
    expect(checkInCodeFrom('K7P 2QX')).toBe('K7P2QX')
    // Look-alikes (0, O, 1, I, L) are not in the alphabet, and the length is exact.
    expect(checkInCodeFrom('K7P2Q0')).toBe('')
    expect(checkInCodeFrom('K7P2Q')).toBe('')
    expect(formatCheckInCode('K7P2QX')).toBe('K7P-2QX')
  })

  it('makes codes from the alphabet only', () => {
    let n = 0
    const code = newCheckInCode((size) => n++ % size)
    expect(code).toBe('ABCDEF')
    expect(checkInCodeFrom(newCheckInCode((size) => size - 1))).toBe('999999')
  })

  it('summarises ratings to one decimal with the comments newest first, without names', () => {
    const summary = summariseFeedback([
      { rating: 5, comment: 'Great.', updatedAt: at('2026-10-05T19:00:00Z') },
      { rating: 4, comment: ' ', updatedAt: at('2026-10-05T20:00:00Z') },
      { rating: 4, comment: 'Good.', updatedAt: at('2026-10-05T21:00:00Z') },
    ])
    expect(summary).toEqual({
      count: 3,
      average: 4.3,
      ratings: [0, 0, 0, 2, 1],
      comments: [
        { rating: 4, comment: 'Good.', at: '2026-10-05T21:00:00.000Z' },
        { rating: 5, comment: 'Great.', at: '2026-10-05T19:00:00.000Z' },
      ],
    })
    expect(summariseFeedback([]).average).toBeNull()
  })
})
