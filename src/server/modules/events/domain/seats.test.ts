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
    expect(
      isInAudience({ classYears: audience, specialtyIds: [], interestGroupIds: [] }, { classYear: year, specialtyInterests: [], interestGroupIds: [] }),
    ).toBe(expected)
  })

  const em = { classYear: 'M2', specialtyInterests: ['emergency-medicine'], interestGroupIds: [] } as const
  const emigMember = { classYear: 'M2', specialtyInterests: [], interestGroupIds: ['g-em'] } as const
  const neither = { classYear: 'M2', specialtyInterests: ['pediatrics'], interestGroupIds: ['g-peds'] } as const
  it.each([
    ['interested in the specialty', { classYears: [], specialtyIds: ['emergency-medicine'], interestGroupIds: [] }, em, true],
    ['interested in another', { classYears: [], specialtyIds: ['emergency-medicine'], interestGroupIds: [] }, neither, false],
    ['a member of the group', { classYears: [], specialtyIds: [], interestGroupIds: ['g-em'] }, emigMember, true],
    ['not a member', { classYears: [], specialtyIds: [], interestGroupIds: ['g-em'] }, neither, false],
    ['specialty or group: the interested', { classYears: [], specialtyIds: ['emergency-medicine'], interestGroupIds: ['g-em'] }, em, true],
    ['specialty or group: the member', { classYears: [], specialtyIds: ['emergency-medicine'], interestGroupIds: ['g-em'] }, emigMember, true],
    ['the class narrows an interest', { classYears: ['M1'], specialtyIds: ['emergency-medicine'], interestGroupIds: [] }, em, false],
    ['the class and the interest', { classYears: ['M2'], specialtyIds: ['emergency-medicine'], interestGroupIds: [] }, em, true],
  ] as const)('%s', (_label, audience, student, expected) => {
    expect(isInAudience(audience, student)).toBe(expected)
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
