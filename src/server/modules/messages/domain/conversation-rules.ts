import { MS_PER_DAY, MS_PER_MINUTE } from '#shared/time.ts'
import type { MentorshipRequestStatus, MentorshipStatus } from '#shared/enums.ts'

/** "Each message" e-mails about one conversation to one person come at most this often. */
export const EMAIL_WINDOW_MINUTES = 15

/** The hour (UTC) of the daily digest: 13:00 UTC is the school's morning, as for the community digest. */
export const DIGEST_HOUR_UTC = 13

/** The most recent messages a conversation shows; older ones stay in the records export. */
export const CONVERSATION_PAGE = 500

/** The start of the e-mail window at `now`: a conversation last e-mailed at or before it may be e-mailed again. */
export function emailWindowStart(now: Date): Date {
  return new Date(now.getTime() - EMAIL_WINDOW_MINUTES * MS_PER_MINUTE)
}

/** The latest digest instant at or before `now`. */
export function lastDigestCutoff(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC)
  return new Date(today <= now.getTime() ? today : today - MS_PER_DAY)
}

export type ConversationState = {
  requestStatus: MentorshipRequestStatus
  mentorshipId: string | null
  mentorshipStatus: MentorshipStatus | null
}

/**
 * Whether the two may still write, and why not: while the request waits for an answer (to
 * clarify it before accepting), and through the active mentorship it became. A declined,
 * withdrawn or expired request and a closed mentorship keep their messages, read-only.
 */
export function postingState(c: ConversationState): { canPost: true; closedBecause: null } | { canPost: false; closedBecause: string } {
  if (c.requestStatus === 'requested' || c.requestStatus === 'viewed') return { canPost: true, closedBecause: null }
  if (c.mentorshipId && c.mentorshipStatus === 'active') return { canPost: true, closedBecause: null }
  if (c.mentorshipId) return { canPost: false, closedBecause: 'This mentorship is closed, so its messages can be read but not added to.' }
  return { canPost: false, closedBecause: 'This request is no longer open, so its messages can be read but not added to.' }
}

/**
 * The moment a "read up to" mark may hold: what the reader asked for, never later than now
 * (a clock ahead of the server's cannot mark future messages read), never earlier than before.
 */
export function nextReadMark(asked: Date, now: Date, previous: Date | null): Date {
  const capped = asked.getTime() > now.getTime() ? now : asked
  return previous && previous.getTime() > capped.getTime() ? previous : capped
}
