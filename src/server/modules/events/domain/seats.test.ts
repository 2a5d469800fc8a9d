import { describe, expect, it } from 'vitest'
import { isInAudience, isRsvpOpen, seatsToFill, statusForNewRsvp } from './seats.ts'

describe('event seats', () => {
  it.each([
    [[], 'M1', true],
    [[], null, true],
    [['M3', 'M4'], 'M3', true],
    [['M3', 'M4'], 'M1', false],
    [['M3'], null, false],
  ] as const)('audience %j and class year %s: invited %s', (audience, year, expected) => {
    expect(isInAudience(audience, year)).toBe(expected)
  })

  it.each([
    [null, 500, 'confirmed'],
    [10, 9, 'confirmed'],
    [10, 10, 'waitlisted'],
    [10, 11, 'waitlisted'],
  ] as const)('capacity %s with %i confirmed: a new RSVP is %s', (capacity, confirmed, expected) => {
    expect(statusForNewRsvp(capacity, confirmed)).toBe(expected)
  })

  it.each([
    [10, 9, 3, 1],
    [10, 10, 3, 0],
    [10, 5, 3, 3],
    [null, 40, 2, 2],
    [10, 12, 3, 0],
  ] as const)('capacity %s, %i confirmed, %i waiting: %i move up', (capacity, confirmed, waiting, expected) => {
    expect(seatsToFill(capacity, confirmed, waiting)).toBe(expected)
  })

  it('takes RSVPs until the cut-off of a scheduled event only', () => {
    const closes = new Date('2026-11-01T12:00:00Z')
    expect(isRsvpOpen({ status: 'scheduled', rsvpClosesAt: closes }, new Date('2026-11-01T11:59:59Z'))).toBe(true)
    expect(isRsvpOpen({ status: 'scheduled', rsvpClosesAt: closes }, closes)).toBe(false)
    expect(isRsvpOpen({ status: 'cancelled', rsvpClosesAt: closes }, new Date('2026-10-01T00:00:00Z'))).toBe(false)
  })
})
