import type { AcademicDate } from './closures.ts'

/** A school whose calendar has no year start yet runs its academic year July to June. */
export const DEFAULT_YEAR_START_MONTH = 7

/**
 * The month (1–12) the school's academic year starts in: the month of the latest `year-start`
 * row on or before `today` (the year now running), else July. A year start the office has
 * entered ahead of time changes nothing until its day comes. Dates are YYYY-MM-DD.
 */
export function yearStartMonth(dates: readonly AcademicDate[], today: string): number {
  let latest: string | null = null
  for (const d of dates) {
    if (d.kind === 'year-start' && d.startsOn <= today && (latest === null || d.startsOn > latest)) latest = d.startsOn
  }
  return latest === null ? DEFAULT_YEAR_START_MONTH : Number(latest.slice(5, 7))
}
