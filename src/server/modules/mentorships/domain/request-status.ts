import type { MentorshipRequestStatus } from '#shared/enums.ts'

/** What may happen to a mentorship request. */
export type RequestEvent = 'view' | 'accept' | 'decline' | 'expire' | 'withdraw' | 'invalidate'

/**
 * The request state machine (decision 010). The side that did not ask views, accepts or
 * declines; the side that asked may withdraw; the sweep expires an unanswered request; a request
 * whose mentor stops being listable (disabled, role removed, directory hold) is invalidated.
 * Every other state is final.
 */
const TRANSITIONS: Record<MentorshipRequestStatus, Partial<Record<RequestEvent, MentorshipRequestStatus>>> = {
  requested: { view: 'viewed', accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn', invalidate: 'invalidated' },
  viewed: { accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn', invalidate: 'invalidated' },
  accepted: {},
  declined: {},
  expired: {},
  withdrawn: {},
  invalidated: {},
}

/** The status after `event`, or null when `event` is not allowed from `status`. */
export function requestTransition(status: MentorshipRequestStatus, event: RequestEvent): MentorshipRequestStatus | null {
  return TRANSITIONS[status][event] ?? null
}

/** The statuses from which `event` is allowed: the guard of a conditional UPDATE. */
export function statusesAllowingRequest(event: RequestEvent): MentorshipRequestStatus[] {
  return (Object.keys(TRANSITIONS) as MentorshipRequestStatus[]).filter((status) => requestTransition(status, event) !== null)
}

/** Still waiting for an answer: counts against the student's limit, can expire. */
export function isOpenRequest(status: MentorshipRequestStatus): boolean {
  return status === 'requested' || status === 'viewed'
}

export const OPEN_REQUEST_STATUSES = ['requested', 'viewed'] as const satisfies readonly MentorshipRequestStatus[]
