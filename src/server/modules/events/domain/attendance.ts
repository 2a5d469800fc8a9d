import { CHECK_IN_CODE_ALPHABET, CHECK_IN_CODE_LENGTH, type AttendanceState, type FeedbackSummary } from '#shared/contracts/event-attendance.ts'
import type { EventStatus } from '#shared/enums.ts'

/** Staff may check people in from an hour before the start (people arrive early), and any time after, to enter a paper list. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000

type Timing = { startAt: Date; endAt: Date; status: EventStatus }

export function checkInOpensAt(event: Pick<Timing, 'startAt'>): Date {
  return new Date(event.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS)
}

export function isCheckInOpen(event: Timing, now: Date): boolean {
  return event.status !== 'cancelled' && now.getTime() >= checkInOpensAt(event).getTime()
}

/**
 * Who attended an event. Once anyone is checked in, attendance is what staff recorded at the
 * door. An event where no one was checked in keeps the rule from before check-in existed: once
 * it has ended, a confirmed place counts. A cancelled event has no attendees.
 */
export function attendeesOf(event: Timing, now: Date, confirmed: ReadonlySet<string>, checkedIn: ReadonlySet<string>): Set<string> {
  if (event.status === 'cancelled') return new Set()
  if (checkedIn.size > 0) return new Set(checkedIn)
  return event.endAt.getTime() <= now.getTime() ? new Set(confirmed) : new Set()
}

/** `attendeesOf` for one student. */
export function hasAttended(event: Timing, now: Date, student: { hasPlace: boolean; isCheckedIn: boolean }, anyCheckedIn: boolean): boolean {
  if (event.status === 'cancelled') return false
  if (anyCheckedIn) return student.isCheckedIn
  return student.hasPlace && event.endAt.getTime() <= now.getTime()
}

/** One student's state on the roster (see `ATTENDANCE_STATES`). */
export function attendanceState(event: Timing, now: Date, isCheckedIn: boolean, anyCheckedIn: boolean): AttendanceState {
  if (isCheckedIn) return 'checked-in'
  if (event.endAt.getTime() > now.getTime() || event.status === 'cancelled') return 'expected'
  return anyCheckedIn ? 'no-show' : 'not-recorded'
}

/**
 * Whether a student may give feedback: they attended (by `attendeesOf`) and the event has begun,
 * so someone checked in may rate it as they leave. It stays open, and editable, afterwards.
 */
export function isFeedbackOpen(event: Timing, now: Date, attended: boolean): boolean {
  return attended && event.status !== 'cancelled' && event.startAt.getTime() <= now.getTime()
}

/** The ratings' count, mean to one decimal and spread, and the comments (without names), newest first. */
export function summariseFeedback(rows: readonly { rating: number; comment: string; updatedAt: Date }[]): FeedbackSummary {
  const ratings = [0, 0, 0, 0, 0]
  let total = 0
  for (const row of rows) {
    const index = row.rating - 1
    ratings[index] = (ratings[index] ?? 0) + 1
    total += row.rating
  }
  return {
    count: rows.length,
    average: rows.length === 0 ? null : Math.round((total / rows.length) * 10) / 10,
    ratings,
    comments: rows
      .filter((r) => r.comment.trim() !== '')
      .toSorted((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .map((r) => ({ rating: r.rating, comment: r.comment, at: r.updatedAt.toISOString() })),
  }
}

/** A new check-in code from `randomIndex` (below n, uniformly): the service passes `crypto.randomInt`. */
export function newCheckInCode(randomIndex: (n: number) => number): string {
  let code = ''
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_CODE_ALPHABET[randomIndex(CHECK_IN_CODE_ALPHABET.length)] ?? 'A'
  return code
}
