import { LETTER_FIRST_NUDGE_DAYS, LETTER_NOTICE_DAYS, LETTER_NUDGE_INTERVAL_HOURS, LETTER_UPLOAD_LINK } from '#shared/contracts/letters.ts'
import type { LetterStatus } from '#shared/enums.ts'
import { isDone, isOpen } from './letter-status.ts'
import { MS_PER_HOUR, MS_PER_DAY } from '#shared/time.ts'

/**
 * A due date is a calendar date; the letter is due by the end of that day in UTC (the
 * earliest of the time zones the school serves would be later, never earlier).
 */
export function dueEnd(dueDate: string): Date {
  return new Date(Date.parse(`${dueDate}T00:00:00Z`) + MS_PER_DAY)
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
  const days = Math.floor((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${utcDate(now)}T00:00:00Z`)) / MS_PER_DAY)
  if (days >= LETTER_NOTICE_DAYS) return null
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`
  return `This letter is due ${when}. Writers usually need at least four weeks; ask your writer whether the date works for them.`
}

/**
 * When the student may nudge the writer; null when they may now. The first nudge waits
 * `LETTER_FIRST_NUDGE_DAYS` after the request was sent, each later one
 * `LETTER_NUDGE_INTERVAL_HOURS` after the last.
 */
export function nextNudgeAt(requestedAt: Date, lastNudgedAt: Date | null, now: Date): Date | null {
  const firstAllowed = requestedAt.getTime() + LETTER_FIRST_NUDGE_DAYS * MS_PER_DAY
  const againAllowed = lastNudgedAt ? lastNudgedAt.getTime() + LETTER_NUDGE_INTERVAL_HOURS * MS_PER_HOUR : 0
  const next = Math.max(firstAllowed, againAllowed)
  return next > now.getTime() ? new Date(next) : null
}

/** When a new upload link expires: tied to the due date, bounded (see `LETTER_UPLOAD_LINK`). */
export function uploadLinkExpiresAt(dueDate: string, now: Date): Date {
  const afterDue = dueEnd(dueDate).getTime() + LETTER_UPLOAD_LINK.daysAfterDueDate * MS_PER_DAY
  const earliest = now.getTime() + LETTER_UPLOAD_LINK.minDays * MS_PER_DAY
  const latest = now.getTime() + LETTER_UPLOAD_LINK.maxDays * MS_PER_DAY
  return new Date(Math.min(latest, Math.max(earliest, afterDue)))
}

/**
 * The application season a date falls in: July 1 to June 30, named by its two years
 * ("2026–2027"). ERAS opens in June and the match is in March, so one season's letters fall in it.
 */
export function seasonOf(at: Date): { name: string; start: string; end: string } {
  const year = at.getUTCMonth() >= 6 ? at.getUTCFullYear() : at.getUTCFullYear() - 1
  return { name: `${year}–${year + 1}`, start: `${year}-07-01`, end: `${year + 1}-06-30` }
}

/**
 * A writer's load: the letters due this season or in a later one (a request in December for a
 * letter due next September belongs to the next season, and must count), split as the writer's
 * lists are. `season` names the seasons counted ("2027–2028", or "2026–2027 to 2027–2028").
 */
export function writerLoad(
  items: readonly { status: LetterStatus; dueDate: string }[],
  now: Date,
): { season: string; total: number; open: number; submitted: number } {
  const current = seasonOf(now)
  const counted = items.filter((item) => item.dueDate >= current.start && item.status !== 'declined' && item.status !== 'withdrawn')
  const names = [...new Set(counted.map((item) => seasonOf(new Date(`${item.dueDate}T00:00:00Z`)).name))].sort()
  const first = names[0] ?? current.name
  const last = names.at(-1) ?? current.name
  return {
    season: first === last ? first : `${first} to ${last}`,
    total: counted.length,
    open: counted.filter((item) => isOpen(item.status)).length,
    submitted: counted.filter((item) => isDone(item.status)).length,
  }
}
