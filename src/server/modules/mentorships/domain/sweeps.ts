import type { MentorshipSettings } from './settings.ts'
import { MS_PER_DAY, MS_PER_WEEK } from '#shared/time.ts'

/** When an open request sent at `createdAt` stops waiting. */
export function requestExpiresAt(createdAt: Date, settings: Pick<MentorshipSettings, 'requestExpiryDays'>): Date {
  return new Date(createdAt.getTime() + settings.requestExpiryDays * MS_PER_DAY)
}

/**
 * What the sweep owes an open request at `now`: nothing, a reminder to the side that must answer
 * (from `requestReminderDay` on, once), or its expiry. An expired request never also gets a late
 * reminder.
 */
export function requestSweepAction(
  request: { createdAt: Date; expiresAt: Date },
  now: Date,
  remindedAlready: boolean,
  settings: Pick<MentorshipSettings, 'requestReminderDay'>,
): 'expire' | 'remind' | null {
  if (now.getTime() >= request.expiresAt.getTime()) return 'expire'
  if (!remindedAlready && now.getTime() >= request.createdAt.getTime() + settings.requestReminderDay * MS_PER_DAY) return 'remind'
  return null
}

/**
 * Whether a mentor is paused for unanswered requests: at least `pauseAfterExpiries` of their
 * requests expired within the last `pauseWindowDays`, counting only expiries after their last
 * pause (so undoing a pause is not overruled by the same expiries).
 */
export function shouldPauseMentor(
  expiredAt: readonly Date[],
  lastPausedAt: Date | null,
  now: Date,
  settings: Pick<MentorshipSettings, 'pauseAfterExpiries' | 'pauseWindowDays'>,
): boolean {
  const since = Math.max(now.getTime() - settings.pauseWindowDays * MS_PER_DAY, lastPausedAt ? lastPausedAt.getTime() + 1 : -Infinity)
  return expiredAt.filter((at) => at.getTime() >= since && at.getTime() <= now.getTime()).length >= settings.pauseAfterExpiries
}

/**
 * The start of the quiet spell of an active mentorship: its last meeting that has begun (not
 * cancelled), or its start. It is quiet once `quietWeeks` have passed since then.
 */
export function quietSince(startedAt: Date, lastMeetingAt: Date | null): Date {
  return lastMeetingAt && lastMeetingAt.getTime() > startedAt.getTime() ? lastMeetingAt : startedAt
}

export function isQuiet(since: Date, now: Date, settings: Pick<MentorshipSettings, 'quietWeeks'>): boolean {
  return now.getTime() - since.getTime() >= settings.quietWeeks * MS_PER_WEEK
}
