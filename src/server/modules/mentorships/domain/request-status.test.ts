import { describe, expect, it } from 'vitest'
import { MENTORSHIP_REQUEST_STATUSES, type MentorshipRequestStatus } from '#shared/enums.ts'
import { isOpenRequest, requestTransition, statusesAllowingRequest, type RequestEvent } from './request-status.ts'

const EVENTS: RequestEvent[] = ['view', 'accept', 'decline', 'expire', 'withdraw', 'invalidate']
type Row = Record<RequestEvent, MentorshipRequestStatus | '-'>
const FINAL: Row = { view: '-', accept: '-', decline: '-', expire: '-', withdraw: '-', invalidate: '-' }

/** Every status × every event, written out. `-` is "not allowed". */
const EXPECTED: Record<MentorshipRequestStatus, Row> = {
  requested: { view: 'viewed', accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn', invalidate: 'invalidated' },
  viewed: { view: '-', accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn', invalidate: 'invalidated' },
  accepted: FINAL,
  declined: FINAL,
  expired: FINAL,
  withdrawn: FINAL,
  invalidated: FINAL,
}

describe('mentorship request state machine', () => {
  const cases = MENTORSHIP_REQUEST_STATUSES.flatMap((status) => EVENTS.map((event) => [status, event, EXPECTED[status][event]] as const))
  it.each(cases)('%s + %s → %s', (status, event, expected) => {
    expect(requestTransition(status, event)).toBe(expected === '-' ? null : expected)
  })

  it('statusesAllowingRequest agrees with the table', () => {
    for (const event of EVENTS) {
      expect(statusesAllowingRequest(event).sort()).toEqual(MENTORSHIP_REQUEST_STATUSES.filter((s) => EXPECTED[s][event] !== '-').sort())
    }
  })

  it.each(MENTORSHIP_REQUEST_STATUSES.map((s) => [s, s === 'requested' || s === 'viewed'] as const))('%s is open: %s', (status, open) => {
    expect(isOpenRequest(status)).toBe(open)
  })
})
