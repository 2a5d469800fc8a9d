import { describe, expect, it } from 'vitest'
import { emailWindowStart, lastDigestCutoff, nextReadMark, postingState } from './conversation-rules.ts'

describe('postingState', () => {
  it.each([
    ['requested', null, null, true],
    ['viewed', null, null, true],
    ['declined', null, null, false],
    ['withdrawn', null, null, false],
    ['expired', null, null, false],
    ['accepted', 'm1', 'active', true],
    ['accepted', 'm1', 'closed', false],
  ] as const)('a %s request (mentorship %s, %s): may post = %s', (requestStatus, mentorshipId, mentorshipStatus, canPost) => {
    const state = postingState({ requestStatus, mentorshipId, mentorshipStatus })
    expect(state.canPost).toBe(canPost)
    expect(state.closedBecause === null).toBe(canPost)
  })
})

describe('e-mail timing', () => {
  it('the window opens 15 minutes back', () => {
    expect(emailWindowStart(new Date('2026-11-02T09:15:00Z')).toISOString()).toBe('2026-11-02T09:00:00.000Z')
  })
  it.each([
    ['2026-11-02T12:59:59Z', '2026-11-01T13:00:00.000Z'],
    ['2026-11-02T13:00:00Z', '2026-11-02T13:00:00.000Z'],
    ['2026-11-02T23:00:00Z', '2026-11-02T13:00:00.000Z'],
  ])('the digest cut-off at %s is %s', (now, cutoff) => {
    expect(lastDigestCutoff(new Date(now)).toISOString()).toBe(cutoff)
  })
})

describe('nextReadMark', () => {
  const now = new Date('2026-11-02T10:00:00Z')
  it('takes the moment asked, never later than now, never earlier than before', () => {
    expect(nextReadMark(new Date('2026-11-02T09:00:00Z'), now, null).toISOString()).toBe('2026-11-02T09:00:00.000Z')
    expect(nextReadMark(new Date('2030-01-01T00:00:00Z'), now, null)).toEqual(now)
    expect(nextReadMark(new Date('2026-11-02T08:00:00Z'), now, new Date('2026-11-02T09:30:00Z')).toISOString()).toBe('2026-11-02T09:30:00.000Z')
  })
})
