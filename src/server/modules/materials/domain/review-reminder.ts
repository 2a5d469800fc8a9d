import { MS_PER_DAY } from '#shared/time.ts'

/**
 * Which review requests get their one reminder: open ones due tomorrow — or today, when the
 * sweep did not run the day before (a server down overnight still reminds, late rather than
 * never) — and shared more than a day ago, so a request made for tomorrow is not followed by a
 * reminder minutes after its own e-mail. Due dates are calendar days in UTC, as the share form
 * checks them.
 */
export function reviewReminderWindow(now: Date): { fromDate: string; toDate: string; sharedBefore: Date } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return { fromDate: day(now.getTime()), toDate: day(now.getTime() + MS_PER_DAY), sharedBefore: new Date(now.getTime() - MS_PER_DAY) }
}
