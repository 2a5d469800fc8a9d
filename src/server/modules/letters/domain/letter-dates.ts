import { LETTER_NOTICE_DAYS, LETTER_NUDGE_INTERVAL_HOURS } from '#shared/contracts/letters.ts'
import type { LetterStatus } from '#shared/enums.ts'
import { isOpen } from './letter-status.ts'

const DAY_MS = 86_400_000

/**
 * A due date is a calendar date; the letter is due by the end of that day in UTC (the
 * earliest of the time zones the school serves would be later, never earlier).
 */
export function dueEnd(dueDate: string): Date {
  return new Date(Date.parse(`${dueDate}T00:00:00Z`) + DAY_MS)
}

export function isPastDueDate(dueDate: string, now: Date): boolean {
  return now.getTime() >= dueEnd(dueDate).getTime()
}

/** Today's date in UTC, as YYYY-MM-DD. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** The letter is owed and its due date has passed. */
export function isLate(status: LetterStatus, dueDate: string, now: Date): boolean {
  return isOpen(status) && isPastDueDate(dueDate, now)
}

/** Writers need about four weeks; closer due dates are allowed, with a warning. */
export function dueDateWarning(dueDate: string, now: Date): string | null {
  const days = Math.floor((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${utcDate(now)}T00:00:00Z`)) / DAY_MS)
  if (days >= LETTER_NOTICE_DAYS) return null
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`
  return `This letter is due ${when}. Writers usually need at least four weeks; ask your writer whether the date works for them.`
}

/** When the student may nudge the writer again; null when they may now. */
export function nextNudgeAt(lastNudgedAt: Date | null, now: Date): Date | null {
  if (!lastNudgedAt) return null
  const next = new Date(lastNudgedAt.getTime() + LETTER_NUDGE_INTERVAL_HOURS * 3_600_000)
  return next.getTime() > now.getTime() ? next : null
}

/**
 * The application season a date falls in: July 1 to June 30, named by its two years
 * ("2026–2027"). ERAS opens in June and the match is in March, so one season's letters fall in it.
 */
export function seasonOf(at: Date): { name: string; start: string; end: string } {
  const year = at.getUTCMonth() >= 6 ? at.getUTCFullYear() : at.getUTCFullYear() - 1
  return { name: `${year}–${year + 1}`, start: `${year}-07-01`, end: `${year + 1}-06-30` }
}
