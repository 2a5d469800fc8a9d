import type { EventSeriesRepeat } from '#shared/enums.ts'

/**
 * The dates of a series of events, pure, as days of the school's calendar (YYYY-MM-DD): the
 * service puts the first occurrence's wall-clock time on each, so 12:00 stays 12:00 across a
 * change of daylight-saving time.
 */

export type SeriesRule = {
  repeat: EventSeriesRepeat
  /** For `weekly`: 1 every week, 2 every other week… */
  everyWeeks: number
  /** The last day an occurrence may fall on (included); null when `count` ends the series. */
  until: string | null
  /** How many occurrences, counting those skipped for a holiday; null when `until` ends the series. */
  count: number | null
}

/** A mistake guard: five years of a monthly series. */
export const MAX_OCCURRENCES = 60

const ORDINALS = ['first', 'second', 'third', 'fourth', 'last'] as const
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return { y, m, d }
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
/** 0 for Monday … 6 for Sunday. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
const addDays = (date: string, days: number) => {
  const { y, m, d } = parts(date)
  return iso(y, m, d + days)
}

/** Which of the month's weekdays a date is: 1–4 for the first to the fourth, 5 for the last (a fifth is always the last). */
export function weekOfMonth(date: string): number {
  return Math.min(5, Math.ceil(parts(date).d / 7))
}

/** The `week`th (1–4, or 5 for the last) `weekday` of a month. */
function nthWeekday(y: number, m: number, weekday: number, week: number): string {
  if (week === 5) {
    const last = daysInMonth(y, m)
    const back = (weekdayOf(iso(y, m, last)) - weekday + 7) % 7
    return iso(y, m, last - back)
  }
  const ahead = (weekday - weekdayOf(iso(y, m, 1)) + 7) % 7
  return iso(y, m, 1 + ahead + (week - 1) * 7)
}

/**
 * Every date of the series from `first` (included): the same weekday of each month (the second
 * Tuesday; a date in the month's last week means the last Tuesday), or every `everyWeeks` weeks,
 * until `until` or for `count` dates, never more than `MAX_OCCURRENCES`.
 */
export function seriesDates(first: string, rule: SeriesRule, cap = MAX_OCCURRENCES): string[] {
  const dates: string[] = []
  const limit = Math.min(rule.count ?? cap, cap)
  const { y, m } = parts(first)
  const weekday = weekdayOf(first)
  const week = weekOfMonth(first)
  for (let i = 0; dates.length < limit; i++) {
    let date: string
    if (rule.repeat === 'weekly') date = addDays(first, i * 7 * rule.everyWeeks)
    else {
      const month = m - 1 + i
      date = nthWeekday(y + Math.floor(month / 12), (month % 12) + 1, weekday, week)
    }
    if (rule.until !== null && date > rule.until) break
    dates.push(date)
  }
  return dates
}

/** How many dates the rule would make, without the cap: to refuse a series that is too long, by field. */
export function countUncapped(first: string, rule: SeriesRule): number {
  if (rule.count !== null) return rule.count
  return seriesDates(first, rule, MAX_OCCURRENCES + 1).length
}

/** The rule in words: "Every month on the second Tuesday, 8 times". */
export function describeSeries(first: string, rule: SeriesRule): string {
  const how =
    rule.repeat === 'weekly'
      ? rule.everyWeeks === 1
        ? `Every week on ${WEEKDAYS[weekdayOf(first)]}`
        : `Every ${rule.everyWeeks} weeks on ${WEEKDAYS[weekdayOf(first)]}`
      : `Every month on the ${ORDINALS[weekOfMonth(first) - 1]} ${WEEKDAYS[weekdayOf(first)]}`
  return rule.count !== null ? `${how}, ${rule.count} times` : `${how}, until ${rule.until}`
}
