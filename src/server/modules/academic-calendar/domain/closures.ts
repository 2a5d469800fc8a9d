import type { AcademicDateKind } from '#shared/enums.ts'

/**
 * The academic calendar's days, pure. A closure is a break or a holiday: a named range of
 * whole days, both ends included, in the school's own dates (YYYY-MM-DD compare as text).
 */

export type AcademicDate = { kind: AcademicDateKind; name: string; startsOn: string; endsOn: string }

/** The break or holiday `day` falls in (a holiday before a break that holds it); null on an ordinary day. */
export function closureOn(dates: readonly AcademicDate[], day: string): AcademicDate | null {
  const covering = dates.filter((d) => d.kind !== 'year-start' && d.startsOn <= day && day <= d.endsOn)
  return covering.find((d) => d.kind === 'holiday') ?? covering[0] ?? null
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * `day`, or the nearest working day (not a weekend, clear of every closure) from it in
 * `direction`: later for something still to be scheduled, earlier for something already held.
 */
export function nearestWorkingDay(dates: readonly AcademicDate[], day: string, direction: 1 | -1 = 1): string {
  let found = day
  while (closureOn(dates, found) || weekdayOf(found) === 0 || weekdayOf(found) === 6) {
    found = new Date(Date.parse(`${found}T00:00:00Z`) + direction * 86_400_000).toISOString().slice(0, 10)
  }
  return found
}

/**
 * A due date that falls on a holiday or in a break moves to the last working day before it:
 * back past the closure, then past weekends and any closure met on the way. A date on an
 * ordinary day (a weekend included: a due date is "by then", not a meeting) stays.
 */
export function lastWorkingDayBefore(dates: readonly AcademicDate[], due: string): string {
  if (!closureOn(dates, due)) return due
  let day = due
  // A year of closures back to back would be a broken calendar; stop rather than loop on.
  for (let i = 0; i < 366; i++) {
    const closure = closureOn(dates, day)
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6
    if (!closure && !weekend) return day
    day = closure ? dayBefore(closure.startsOn) : dayBefore(day)
  }
  return due
}

/** A due date after the calendar's rule: where it lands, and, when it moved, from where and out of which closure. */
export type MovedDueDate = {
  dueDate: string
  moved: { from: string; closure: Pick<AcademicDate, 'kind' | 'name'> } | null
}

/**
 * `lastWorkingDayBefore`, saying why: a date that moved names the closure it fell in — the
 * break rather than a holiday inside it ("moved before the winter break", not "before New
 * Year's Day", when the break is what was stepped over).
 */
export function moveDueDate(dates: readonly AcademicDate[], due: string): MovedDueDate {
  const dueDate = lastWorkingDayBefore(dates, due)
  if (dueDate === due) return { dueDate, moved: null }
  const covering = dates.filter((d) => d.kind !== 'year-start' && d.startsOn <= due && due <= d.endsOn)
  const closure = covering.find((d) => d.kind === 'break') ?? covering[0]
  return { dueDate, moved: closure ? { from: due, closure: { kind: closure.kind, name: closure.name } } : null }
}
